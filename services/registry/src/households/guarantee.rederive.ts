import type { Envelope } from '@fupin/contracts';
import { countyWide, outboxUpdate, type Principal } from '@fupin/kit';
import type { FilterQuery } from 'mongoose';
import { GUARANTEES, type Household } from './household.model';
import { householdUpdated } from './household.events';
import { readGuarantees } from './guarantee.rules';
import { changedFields, derive } from './household.facts';
import type { HouseholdStore } from './household.store';

// Guarantees re-derived in bulk (a village's tap water changed; households stored under an older
// derivation): households read a batch at a time in id order, their villages' water looked up
// once per batch, each changed household written in one bulk write — each still a single
// document with its history entry and, when a guarantee's state changed, its event in the
// outbox. A typed value stays in force; the derived value beside it is brought up to date.

const READ = countyWide('guarantees are re-derived for every household a change reaches');
const BATCH = 500;
const ATTEMPTS = 4;

export interface RederiveRequest {
  /** The households to re-derive (an area, an older derivation). */
  filter: FilterQuery<Household>;
  /** Who the history names and why. */
  by: Principal;
  action: string;
  evidence: string[];
  batchSize?: number;
  /** After each batch: households read and written so far. */
  progress?: (done: { read: number; written: number }) => void;
  /** Checked between batches: true stops the run (a shutdown); what is written stays. */
  shouldStop?: () => boolean;
}

export interface RederiveOutcome {
  read: number;
  /** Households written (a derived value, a state or only the derivation version changed). */
  written: number;
  /** Of those, households whose state of some guarantee changed (their event was sent). */
  statesChanged: number;
}

/** Re-derives every household of the filter; idempotent (an unchanged household is not written). */
export async function rederiveGuarantees(
  store: HouseholdStore,
  req: RederiveRequest,
): Promise<RederiveOutcome> {
  const out: RederiveOutcome = { read: 0, written: 0, statesChanged: 0 };
  const size = req.batchSize ?? BATCH;
  let after: string | null = null;
  while (!req.shouldStop?.()) {
    const filter: FilterQuery<Household> =
      after === null ? req.filter : { $and: [req.filter, { _id: { $gt: after } }] };
    const batch = await store.deps.households.find(READ, filter, {
      sort: { _id: 1 },
      limit: size,
      projection: { outbox: 0, outboxLease: 0, history: 0 },
    });
    if (batch.length === 0) return out;
    after = batch[batch.length - 1]!._id;
    out.read += batch.length;
    const done = await rederiveBatch(store, req, batch);
    out.written += done.written;
    out.statesChanged += done.statesChanged;
    req.progress?.({ read: out.read, written: out.written });
  }
  return out;
}

/** One batch; households written meanwhile by someone else are read again and redone. */
async function rederiveBatch(
  store: HouseholdStore,
  req: RederiveRequest,
  households: Household[],
): Promise<{ written: number; statesChanged: number }> {
  let pending = households;
  const total = { written: 0, statesChanged: 0 };
  for (let attempt = 1; pending.length > 0; attempt++) {
    const waters = await store.watersOf(pending.map((h) => h.areaCode));
    const writes = pending.flatMap((h) => {
      const w = rederiveOne(store, req, h, waters.get(h.areaCode) ?? null);
      return w ? [w] : [];
    });
    if (writes.length === 0) break;
    await store.deps.households.bulkUpdate(
      READ,
      writes.map((w) => ({ filter: { _id: w.next._id, revision: w.revision }, update: w.update })),
      { ordered: false },
    );
    // Which were written: their revision is the one this pass set (only ids and revisions read).
    const stored = await store.deps.households.find(
      READ,
      { _id: { $in: writes.map((w) => w.next._id) } },
      { projection: { revision: 1 } },
    );
    const byId = new Map(stored.map((h) => [h._id, h.revision]));
    const written = writes.filter((w) => byId.get(w.next._id) === w.next.revision);
    total.written += written.length;
    total.statesChanged += written.filter((w) => w.statesChanged).length;
    if (written.length) {
      store.deps.eventsStored?.();
      await store.deps.list.record(written.map((w) => w.next));
    }
    const lost = writes.filter((w) => !written.includes(w)).map((w) => w.next._id);
    pending = lost.length
      ? await store.deps.households.find(
          READ,
          { _id: { $in: lost } },
          { projection: { outbox: 0, outboxLease: 0, history: 0 } },
        )
      : [];
    if (pending.length && attempt >= ATTEMPTS)
      throw new Error(`guarantees: ${pending.length} households kept changing while re-derived`);
  }
  return total;
}

interface Write {
  next: Household;
  revision: number;
  update: Record<string, unknown>;
  statesChanged: boolean;
}

/** The write that brings one household's derived guarantees up to date, or null for none. */
function rederiveOne(
  store: HouseholdStore,
  req: RederiveRequest,
  current: Household,
  villageTapWater: boolean | null,
): Write | null {
  const next = derive(current, { villageTapWater });
  const changed = changedFields(current, next);
  if (changed.length === 0) return null;
  // What consumers last saw (the stored states, an old document's read as typed) against now.
  const before = readGuarantees(current.guarantees);
  const statesChanged = GUARANTEES.filter((g) => before[g].state !== next.guarantees[g].state);
  next.revision = current.revision + 1;
  next.updatedAt = store.now();
  const entry = store.historyEntry(
    req.by,
    req.action,
    null,
    null,
    changed.filter((c) => c !== 'guaranteesDerivation'),
    null,
    req.evidence,
  );
  // Only what changed is written (not the members, not the history): a bulk of small updates.
  const set: Record<string, unknown> = { revision: next.revision, updatedAt: next.updatedAt };
  for (const k of changed) set[k] = (next as unknown as Record<string, unknown>)[k];
  next.history = [entry]; // read without its history: only the new entry is pushed
  const events: Envelope[] = statesChanged.length
    ? [
        householdUpdated(next, ['guarantees'], {
          kind: 'system',
          id: req.by.userId,
          name: req.by.username,
        }),
      ]
    : [];
  const update = outboxUpdate({ $set: set, $push: { history: entry } }, events);
  return { next, revision: current.revision, update, statesChanged: statesChanged.length > 0 };
}

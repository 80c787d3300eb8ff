import {
  actorOf,
  AppError,
  bi,
  countyWide,
  type FieldError,
  hashesOf,
  hasRight,
  isDuplicateKey,
  type Principal,
  withOutbox,
} from '@fupin/kit';
import {
  householdRegistered,
  householdUpdated,
  memberAdded,
  memberRemoved,
  memberUpdated,
} from './household.events';
import type { Household, Member } from './household.model';
import { checkMemberIdentity } from './household.rules';
import {
  applyFacts,
  buildMembers,
  changedFields,
  checkArea,
  derive,
  invalidHousehold,
  memberFacts,
  sortLike,
} from './household.facts';
import { buildNew, register } from './household.registration';
import type { HouseholdStore } from './household.store';
import type { HouseholdInput, ImportOutcome, NewHousehold } from './household.types';
import { claimIds, releaseClaims } from './id-claims';
import { townshipOf } from '@fupin/reference';

// 导入 — households from an import file: created, or brought up to the row's facts; importing the
// same file twice changes nothing.

/**
 * A household number is the county's: a row naming one registered outside the caller's scope
 * is refused (403, told on the row), never registered a second time.
 */
const BY_HOUSEHOLD_NO = countyWide('household numbers are unique across the county');

/**
 * Import path: creates the household, or brings an existing one (same household number) up
 * to the row's facts. Unchanged rows change nothing (no revision, no event), so importing the
 * same file twice is idempotent.
 */
export async function upsertFromImport(
  store: HouseholdStore,
  p: Principal,
  input: HouseholdInput,
  waters?: Map<string, boolean | null>,
): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await store.deps.households.findOne(BY_HOUSEHOLD_NO, {
    householdNo: input.householdNo.trim(),
  });
  if (!existing) {
    await register(store, p, input, 'import');
    return 'created';
  }
  store.deps.households.assertWritable(p, existing);
  const errors: FieldError[] = [];
  checkArea(store, p, input.areaCode, errors);
  const byHash = new Map(
    existing.members.filter((m) => m.status === 'active').map((m) => [m.idNumber.hash, m]),
  );
  const seen = new Set<string>();
  const members: Member[] = existing.members.filter((m) => m.status !== 'active');
  const added: Member[] = [];
  const updated: { member: Member; changed: string[] }[] = [];
  input.members.forEach((mi, i) => {
    const check = checkMemberIdentity(mi, `members.${i}`);
    if (!check.ok) {
      errors.push(...check.errors);
      return;
    }
    const probe = store.deps.cipher.hashes(check.identity.idNumber); // every HMAC key held
    if (probe.some((h) => seen.has(h))) {
      errors.push({
        field: `members.${i}.idNumber`,
        code: 'duplicate_in_household',
        message: bi('同一户内身份证号重复', 'The same ID number appears twice in the household'),
      });
      return;
    }
    const old = probe.map((h) => byHash.get(h)).find(Boolean);
    for (const h of old ? [...probe, old.idNumber.hash] : probe) seen.add(h);
    if (old) {
      const merged = memberFacts(
        store,
        old,
        { ...mi, birthDate: check.identity.birthDate, sex: check.identity.sex },
        `members.${i}`,
        errors,
      );
      const changed = changedFields(old, merged);
      if (changed.length) updated.push({ member: merged, changed });
      members.push(merged);
    } else {
      const [m] = buildMembers(store, [mi], [], errors, `members.${i}`);
      if (m) {
        added.push(m);
        members.push(m);
      }
    }
  });
  if (errors.length) throw invalidHousehold(errors);
  const removed = [...byHash.values()]
    .filter((m) => !seen.has(m.idNumber.hash))
    .map((m) => ({
      ...m,
      status: 'removed' as const,
      removedReason: 'import',
      removedAt: store.now(),
    }));
  members.push(...removed);
  const factsNext = applyFacts(store, existing, input, {
    actorId: p.userId,
    actorName: p.username,
    at: store.now(),
  });
  const next = derive(
    {
      ...existing,
      ...factsNext,
      areaCode: input.areaCode,
      townshipCode: townshipOf(input.areaCode) ?? input.areaCode,
      members: sortLike(existing.members, members),
    },
    // 饮水安全 from the row's village (the batch's look-up, else one read).
    {
      villageTapWater: waters?.has(input.areaCode)
        ? (waters.get(input.areaCode) ?? null)
        : await store.waterOf(input.areaCode),
    },
  );
  const changed = changedFields(existing, next).filter(
    (c) => c !== 'members' || added.length || removed.length || updated.length,
  );
  if (changed.length === 0 && !added.length && !removed.length && !updated.length)
    return 'unchanged';
  await claimIds(store, existing._id, added);
  try {
    await store.save(p, existing, next, 'imported', {
      changed,
      events: (h) => [
        ...(changed.some((c) => c !== 'members') ? [householdUpdated(h, changed, actorOf(p))] : []),
        ...added.map((m) => memberAdded(h, m, actorOf(p), store.deps.cipher)),
        ...updated.map((u) => memberUpdated(h, u.member, u.changed, actorOf(p), store.deps.cipher)),
        ...removed.map((m) => memberRemoved(h, m, 'import', actorOf(p), store.deps.cipher)),
      ],
    });
  } catch (err) {
    await releaseClaims(
      store,
      existing._id,
      added.flatMap((m) => hashesOf(m.idNumber)),
    );
    throw err;
  }
  await releaseClaims(
    store,
    existing._id,
    removed.flatMap((m) => hashesOf(m.idNumber)),
  );
  return 'updated';
}

/**
 * Import path for many households at once, with the outcome of each (an operational error
 * is that household's outcome; anything else is thrown). New households are written with
 * one claims write and one households write per batch, each household still a single
 * document with its events; those that meet a conflict, and existing households, go
 * through `upsertFromImport` one by one.
 */
export async function importMany(
  store: HouseholdStore,
  p: Principal,
  inputs: HouseholdInput[],
  opts: { concurrency?: number } = {},
): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = new Array<ImportOutcome>(inputs.length);
  // 饮水安全 of every household of the batch: its villages' tap water in one read.
  const waters = await store.watersOf(inputs.map((x) => x.areaCode));
  const one = async (i: number) => {
    try {
      results[i] = { outcome: await upsertFromImport(store, p, inputs[i]!, waters) };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results[i] = { error: err };
    }
  };
  const existing = new Set(
    (
      await store.deps.households.find(
        BY_HOUSEHOLD_NO,
        { householdNo: { $in: inputs.map((x) => x.householdNo.trim()) } },
        { projection: { householdNo: 1 } },
      )
    ).map((h) => h.householdNo),
  );
  const oneByOne: number[] = [];
  const fresh: { i: number; doc: NewHousehold }[] = [];
  inputs.forEach((input, i) => {
    if (existing.has(input.householdNo.trim())) return void oneByOne.push(i);
    try {
      if (input.status && input.status !== 'candidate' && !hasRight(p, 'registry', 'approve'))
        oneByOne.push(i); // register() answers the refusal
      else
        fresh.push({
          i,
          doc: derive(buildNew(store, p, input, 'import'), {
            villageTapWater: waters.get(input.areaCode) ?? null,
          }),
        });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results[i] = { error: err };
    }
  });

  const at = store.now();
  const claims = fresh.flatMap((f) =>
    f.doc.members.flatMap((m) =>
      hashesOf(m.idNumber).map((hash) => ({
        _id: hash,
        householdId: f.doc._id,
        memberId: m.id,
        at,
      })),
    ),
  );
  // The driver's types want ObjectId ids; the claims' ids are the ID numbers' hashes.
  const failedClaims = await insertUnordered(claims, (c) =>
    store.deps.claims.collection.insertMany(c as never[], { ordered: false }),
  );
  const conflicted = new Set([...failedClaims].map((k) => claims[k]!.householdId));
  const writable = fresh.filter((f) => !conflicted.has(f.doc._id));
  for (const f of fresh.filter((x) => conflicted.has(x.doc._id))) {
    await releaseClaims(
      store,
      f.doc._id,
      f.doc.members.flatMap((m) => hashesOf(m.idNumber)),
    );
    oneByOne.push(f.i);
  }
  const docs = writable.map((f) =>
    withOutbox({ ...f.doc, outboxLease: null }, [
      householdRegistered(f.doc as Household, actorOf(p), store.deps.cipher),
      ...f.doc.members.map((m) =>
        memberAdded(f.doc as Household, m, actorOf(p), store.deps.cipher),
      ),
    ]),
  );
  const failedDocs = await insertUnordered(docs, (d) =>
    store.deps.households.insertMany(p, d as Household[], { ordered: false, driver: true }),
  );
  await store.deps.list.record(
    docs.filter((_, k) => !failedDocs.has(k)),
    { created: true },
  );
  writable.forEach((f, k) => {
    if (!failedDocs.has(k)) results[f.i] = { outcome: 'created' };
  });
  for (const k of failedDocs) {
    const f = writable[k]!;
    await releaseClaims(
      store,
      f.doc._id,
      f.doc.members.flatMap((m) => hashesOf(m.idNumber)),
    );
    oneByOne.push(f.i);
  }
  if (docs.length > failedDocs.size) store.deps.eventsStored?.();

  const limit = Math.max(1, opts.concurrency ?? 8);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, oneByOne.length) }, async () => {
      while (next < oneByOne.length) await one(oneByOne[next++]!);
    }),
  );
  return results;
}

/**
 * Inserts documents without stopping at the first duplicate; returns the indexes refused
 * as duplicates (any other failure is thrown).
 */
async function insertUnordered<D>(
  docs: D[],
  insertMany: (docs: D[]) => Promise<unknown>,
): Promise<Set<number>> {
  const failed = new Set<number>();
  if (!docs.length) return failed;
  try {
    await insertMany(docs);
  } catch (err) {
    const raw = (err as { writeErrors?: unknown }).writeErrors;
    const writeErrors = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { index: number }[];
    if (!writeErrors.length || !isDuplicateKey(err)) throw err;
    for (const w of writeErrors) failed.add(w.index);
  }
  return failed;
}

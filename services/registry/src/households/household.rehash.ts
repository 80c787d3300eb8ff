import { countyWide, hashesOf, isDuplicateKey, outboxUpdate } from '@fupin/kit';
import type { Household } from './household.model';
import { memberUpdated } from './household.events';
import type { HouseholdStore } from './household.store';
import { CLAIM_SETTLE_MS } from './id-claims';

// 密钥轮换 (HMAC): after the reseal job has made the members' keyed hashes again under the keys
// the registry holds now, what the registry derives from them follows — the member index of the
// household (memberIdHashes) and its list row, the ID claims (one per hash, so a person is
// still one household's during and after the window), and a member.updated event per member
// so every view keyed by hash (matching's person index, the services' projections) hears the
// new hashes. Idempotent: a household already so is written again only with the same values.

const READ = countyWide('a key rotation reaches every household');
const ACTOR = { kind: 'system' as const, id: 'key-rotation', name: '密钥轮换' };

export async function afterRehash(store: HouseholdStore, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const households = await store.deps.households.find(
    READ,
    { _id: { $in: ids } },
    { projection: { outbox: 0, outboxLease: 0, history: 0 } },
  );
  if (households.length === 0) return;
  const writes = households.map((h) => {
    const active = h.members.filter((m) => m.status === 'active');
    const memberIdHashes = active.flatMap((m) => hashesOf(m.idNumber));
    const events = h.members.map((m) =>
      memberUpdated(h, m, ['idNumber'], ACTOR, store.deps.cipher),
    );
    return {
      next: { ...h, memberIdHashes },
      // Guarded by the revision read: a household changed meanwhile was derived by that write.
      filter: { _id: h._id, revision: h.revision },
      update: outboxUpdate({ $set: { memberIdHashes } }, events),
    };
  });
  await store.deps.households.bulkUpdate(
    READ,
    writes.map((w) => ({ filter: w.filter, update: w.update })),
    { ordered: false },
  );
  store.deps.eventsStored?.();
  await store.deps.list.record(writes.map((w) => w.next));
  await reclaim(store, households);
}

/** Each active member claimed under every hash it now has; the household's other claims go. */
async function reclaim(store: HouseholdStore, households: Household[]): Promise<void> {
  const claims = store.deps.claims;
  for (const h of households) {
    const active = h.members.filter((m) => m.status === 'active');
    const keep = active.flatMap((m) => hashesOf(m.idNumber).map((hash) => ({ hash, m })));
    const docs = keep.map(({ hash, m }) => ({
      _id: hash,
      householdId: h._id,
      memberId: m.id,
      at: store.now(),
    }));
    if (docs.length) {
      try {
        await claims.insertMany(docs, { ordered: false });
      } catch (err) {
        // A hash already claimed (by this household, or a conflict the registry already holds).
        if (!isDuplicateKey(err)) throw err;
      }
    }
    // Old-key claims go; a young claim may belong to a write under way (as in claimIds).
    await claims.deleteMany({
      householdId: h._id,
      _id: { $nin: keep.map((k) => k.hash) },
      at: { $lt: new Date(store.now().getTime() - CLAIM_SETTLE_MS) },
    });
  }
}

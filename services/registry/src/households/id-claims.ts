import { type AppError, bi, conflict, countyWide, hashesOf, isDuplicateKey } from '@fupin/kit';
import type { Member } from './household.model';
import type { HouseholdStore } from './household.store';

// One person is an active member of one household only: each member's ID number (its hash) is
// claimed for the household before the household is written, and released when the person leaves.

/**
 * Longer than any write between storing a claim and storing its household (an import batch
 * on a slow server included): a younger claim whose household does not list the person
 * belongs to a registration still under way, never to be taken over.
 */
export const CLAIM_SETTLE_MS = 10 * 60 * 1000;

/** The household already holding a person may lie in another township: it is named, masked. */
const OTHER_HOUSEHOLD = countyWide('a person is an active member of one household in the county');

/**
 * Claims each member's ID number for this household. A claim held by another household
 * that still has that person as an active member is a conflict (named, masked). A claim
 * whose household does not list the person is either a write still under way (claims are
 * stored first, the household right after) — refused, as the person is being registered
 * elsewhere — or, once older than `CLAIM_SETTLE_MS`, left behind by an interrupted write and
 * taken over.
 */
export async function claimIds(
  store: HouseholdStore,
  householdId: string,
  members: Member[],
): Promise<void> {
  const done: string[] = [];
  const refuse = async <E>(err: E): Promise<E> => {
    await releaseClaims(store, householdId, done);
    return err;
  };
  // Under every hash the member has: during an HMAC key rotation, its hash under each key held.
  const wanted = members
    .filter((x) => x.status === 'active')
    .flatMap((m) => hashesOf(m.idNumber).map((hash) => ({ m, hash })));
  for (const { m, hash } of wanted) {
    for (let attempt = 1; ; attempt++) {
      try {
        await store.deps.claims.create({ _id: hash, householdId, memberId: m.id, at: store.now() });
        done.push(hash);
        break;
      } catch (err) {
        if (!isDuplicateKey(err)) throw await refuse(err);
      }
      const claim = await store.deps.claims.findById(hash).lean();
      if (claim?.householdId === householdId) break;
      const other = claim
        ? await store.deps.households.findOne(
            OTHER_HOUSEHOLD,
            { _id: claim.householdId, memberIdHashes: hash },
            { projection: { householdNo: 1, headName: 1, townshipCode: 1 } },
          )
        : null;
      if (other) {
        throw await refuse(
          conflict(
            'REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD',
            bi(
              `身份证号 ${m.idNumber.masked} 已是户 ${other.householdNo}（户主 ${maskName(other.headName)}）的在册成员，同一人不能同时在两户`,
              `ID number ${m.idNumber.masked} is already an active member of household ${other.householdNo} (head ${maskName(other.headName)})`,
            ),
            { otherHouseholdNo: other.householdNo, idNumber: m.idNumber.masked },
          ),
        );
      }
      const settled =
        claim !== null && store.now().getTime() - new Date(claim.at).getTime() >= CLAIM_SETTLE_MS;
      if (claim && settled) {
        // Left over from an interrupted write: take it over, unless someone just did.
        const taken = await store.deps.claims.updateOne(
          { _id: hash, householdId: claim.householdId, at: claim.at },
          { $set: { householdId, memberId: m.id, at: store.now() } },
        );
        if (taken.matchedCount === 1) {
          done.push(hash);
          break;
        }
      }
      // Released meanwhile (claim gone): try again. Still being written elsewhere: refuse.
      if ((claim && !settled) || attempt >= 3) throw await refuse(beingRegistered(m));
    }
  }
}

export async function releaseClaims(
  store: HouseholdStore,
  householdId: string,
  hashes: string[],
): Promise<void> {
  if (hashes.length) await store.deps.claims.deleteMany({ _id: { $in: hashes }, householdId });
}

/** The person is being registered in another household by a write still under way. */
function beingRegistered(m: Member): AppError {
  return conflict(
    'REGISTRY_ID_NUMBER_BEING_REGISTERED',
    bi(
      `身份证号 ${m.idNumber.masked} 正在另一户登记中，同一人不能同时在两户；请稍后再试`,
      `ID number ${m.idNumber.masked} is being registered in another household right now; try again shortly`,
    ),
    { idNumber: m.idNumber.masked },
  );
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough to recognise, not to identify. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1);
}

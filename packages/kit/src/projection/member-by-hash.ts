import type {
  ProjectedHousehold,
  ProjectedHouseholdModel,
  ProjectedMember,
} from './registry-households';

/**
 * Lookups of registry members by the keyed hash of their ID number across an HMAC key
 * rotation. A projected member holds the registry's `idHash` (under the key the registry held
 * current when it last sent the member) and, during a window, `idHashes` (under every key it
 * held). A service looks a clear value up by `cipher.hashes(v)` (every key it holds): the
 * member is found when any of them is any of the member's.
 */

/** Every hash a projected member is found by: its `idHash` and, during a window, `idHashes`. */
export function memberHashesOf(m: Pick<ProjectedMember, 'idHash' | 'idHashes'>): string[] {
  return m.idHashes?.length ? [...new Set([m.idHash, ...m.idHashes])] : [m.idHash];
}

/** Whether a member is the person of any of these hashes. */
export function memberMatches(
  m: Pick<ProjectedMember, 'idHash' | 'idHashes'>,
  hashes: ReadonlySet<string>,
): boolean {
  return memberHashesOf(m).some((h) => hashes.has(h));
}

/**
 * The projected households with a member of any of these hashes (registered or not, any
 * status: the caller filters). Two reads, each an `$in` on one indexed field, merged by id:
 * SecantusDB scans for an `$or` of the two, or for an `$in` beside another condition.
 */
export async function householdsByMemberHash(
  model: ProjectedHouseholdModel,
  hashes: string[],
  projection?: Record<string, 0 | 1>,
): Promise<ProjectedHousehold[]> {
  if (hashes.length === 0) return [];
  const unique = [...new Set(hashes)];
  const reads = await Promise.all(
    ['members.idHash', 'members.idHashes'].map((field) =>
      model.find({ [field]: { $in: unique } }, projection).lean<ProjectedHousehold[]>(),
    ),
  );
  const byId = new Map<string, ProjectedHousehold>();
  for (const h of reads.flat()) if (!byId.has(h._id)) byId.set(h._id, h);
  return [...byId.values()];
}

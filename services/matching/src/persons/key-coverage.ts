import {
  AppError,
  bi,
  LEGACY_KEY_ID,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
} from '@fupin/kit';
import type { Membership } from './person-index.model';
import type { PersonTable } from './person-table';

// 密钥轮换 (HMAC): a list's rows are hashed with one key (the list's hashKeyId); a person of the
// index is found by a row only if the index holds them under that key. If matching makes k2
// current before the registry has rehashed and told the views (the runbook's order: registry
// first), people registered before have only k1 hashes here and a list hashed with k2 would
// silently miss them. So a run checks that every person has a hash known to be under the list's
// key, and refuses otherwise (No silent staleness).

/**
 * The key id of each of a membership's hashes (aligned with `idHashes`, or the path's hash).
 * Events from before the registry sent key ids: one hash is under k1 — the only key any
 * deployment had before HMAC rotation (so an upgraded deployment's k1 lists still run); the
 * hashes of a window are unknown (null), never assumed.
 */
export function keyIdsOf(m: Pick<Membership, 'idHashes' | 'idHashKeys'>): (string | null)[] {
  if (m.idHashKeys) return m.idHashKeys;
  if ((m.idHashes?.length ?? 0) > 1) return m.idHashes!.map(() => null);
  return [LEGACY_KEY_ID];
}

/** Whether one of a person's memberships has a hash known to be under the key. */
export function hasKey(memberships: Pick<Membership, 'idHashes' | 'idHashKeys'>[], keyId: string) {
  return memberships.some((m) => keyIdsOf(m).includes(keyId));
}

/** How many people of the run's table have no hash known to be under the key. */
export function peopleWithoutKey(table: PersonTable, keyId: string): number {
  let n = 0;
  for (const p of table.people()) if (!hasKey(p.memberships, keyId)) n++;
  return n;
}

/** 409: the index lacks people under the list's key (the registry has not rehashed yet). */
export function indexKeyBehind(
  keyId: string,
  people: number,
  where: { listId: string } | { projection: string },
): AppError {
  const field = 'listId' in where ? 'listId' : 'projection';
  const value = 'listId' in where ? where.listId : where.projection;
  return new AppError(
    409,
    'MATCHING_INDEX_KEY_BEHIND',
    bi(
      `人员索引中有 ${people} 人尚无密钥 ${keyId} 下的哈希：请先在户籍服务完成重新加密（POST /keys/reseal）后再比对`,
      `${people} people of the person index have no hash under key ${keyId} yet: finish the re-encryption in the registry (POST /keys/reseal) before matching`,
    ),
    {
      errors: [
        {
          field,
          code: 'index_key_behind',
          message: bi(
            `${people} 人缺少密钥 ${keyId} 下的哈希`,
            `${people} people lack key ${keyId}`,
          ),
        },
      ],
      extra: { [field]: value, hashKeyId: keyId, people },
    },
  );
}

/**
 * The same count on the household projection the index is derived from, for the run's start
 * (no whole index in memory there): the server returns only the households with a member
 * that may lack the key, and the rule above decides for each member.
 */
export async function projectedPeopleWithoutKey(
  households: ProjectedHouseholdModel,
  keyId: string,
): Promise<number> {
  const may =
    keyId === LEGACY_KEY_ID
      ? // Without key ids a member's one hash counts as k1's: only those with ids, or a window's.
        [
          { members: { $elemMatch: { idHashKeys: { $exists: true, $ne: keyId } } } },
          {
            members: {
              $elemMatch: { idHashKeys: { $exists: false }, 'idHashes.1': { $exists: true } },
            },
          },
        ]
      : [{ members: { $elemMatch: { idHashKeys: { $ne: keyId } } } }];
  const seen = new Set<string>();
  let n = 0;
  for (const filter of may) {
    const docs = await households
      .find({ ...REGISTERED_HOUSEHOLDS, ...filter }, { members: 1 })
      .lean<Pick<ProjectedHousehold, '_id' | 'members'>[]>();
    for (const h of docs) {
      if (seen.has(h._id)) continue;
      seen.add(h._id);
      for (const m of h.members) {
        const hashes = m.idHashes?.length ? m.idHashes : [m.idHash];
        const known = m.idHashKeys?.length === hashes.length ? m.idHashKeys : undefined;
        if (!hasKey([{ idHashes: m.idHashes, idHashKeys: known }], keyId)) n++;
      }
    }
  }
  return n;
}

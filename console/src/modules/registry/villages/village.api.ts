import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';

/**
 * Every fact VillageUpdate takes (its revision aside). The exit flag and year are the exit
 * workflow's (the village page's 贫困村退出 steps): the service refuses them typed in.
 */
const FACTS = allOf<
  Exclude<
    keyof RegistryApi.components['schemas']['VillageUpdate'],
    'revision' | 'exited' | 'exitYear'
  >
>()([
  'groups',
  'totalHouseholds',
  'ruralPopulation',
  'poorVillage',
  'poorVillageLevel',
  'infrastructure',
  'firstSecretary',
  'workTeam',
] as const);

const blank = (v: unknown) => v === undefined || v === null || v === '';

/** The nested facts exactly as VillageUpdate takes them (its objects are strict). */
function clean(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  if (Array.isArray(out.groups)) {
    out.groups = (out.groups as unknown[]).map((g) => pickKeys(g, ['no', 'name']));
  }
  if (out.infrastructure && typeof out.infrastructure === 'object') {
    out.infrastructure = Object.fromEntries(
      Object.entries(
        out.infrastructure as Record<string, { inPlace?: boolean; note?: string | null }>,
      ).map(([k, v]) => [k, { inPlace: Boolean(v?.inPlace), note: v?.note ? v.note : null }]),
    );
  }
  if ('firstSecretary' in out) {
    const f = pickKeys<{ name?: string; unit?: string; since?: string }>(out.firstSecretary, [
      'name',
      'unit',
      'since',
    ]);
    out.firstSecretary =
      !f || blank(f.name)
        ? null
        : {
            name: f.name,
            unit: blank(f.unit) ? null : f.unit,
            since: blank(f.since) ? null : f.since,
          };
  }
  if ('workTeam' in out) {
    const w = pickKeys<{ unit?: string; leader?: string; members?: string[] }>(out.workTeam, [
      'unit',
      'leader',
      'members',
    ]);
    out.workTeam =
      !w || (blank(w.unit) && blank(w.leader) && !(w.members ?? []).length)
        ? null
        : {
            unit: blank(w.unit) ? null : w.unit,
            leader: blank(w.leader) ? null : w.leader,
            members: w.members ?? [],
          };
  }
  return out;
}

/** 录入行政村信息: only the typed-in facts; the computed figures are never sent. */
export const villageApi: ResourceApi = {
  updateBody: (data, previous) => ({
    ...clean(changedFields(data, previous, FACTS)),
    revision: previous.revision ?? 0,
  }),
};

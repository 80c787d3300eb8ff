import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { FIVE_SYSTEMS, SOURCES } from '../codes';
import { changedWithRevision, createWith } from '../funds.api';

const FACTS = [
  'name',
  'type',
  'year',
  'areaCode',
  'location',
  'contractor',
  'responsible',
  'plannedInvestment',
  'beneficiaries',
  'fiveSystems',
  'plannedStartOn',
  'plannedFinishOn',
] as const;

/** The nested parts of a project as the API takes them (amounts given, checklist complete). */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  const out = { ...o };
  if (out.plannedInvestment) {
    const p = pickKeys<Record<string, unknown>>(out.plannedInvestment, SOURCES);
    out.plannedInvestment = Object.fromEntries(
      Object.entries(p).filter(([, v]) => typeof v === 'number'),
    );
  }
  if (out.beneficiaries) {
    const b = pickKeys<Record<string, unknown>>(out.beneficiaries, ['households', 'people']);
    out.beneficiaries = {
      households: typeof b.households === 'number' ? b.households : 0,
      people: typeof b.people === 'number' ? b.people : 0,
    };
  }
  if (out.fiveSystems) {
    const f = out.fiveSystems as Record<string, { inPlace?: unknown; note?: unknown } | undefined>;
    out.fiveSystems = Object.fromEntries(
      FIVE_SYSTEMS.map((k) => [
        k,
        {
          inPlace: Boolean(f[k]?.inPlace),
          note: typeof f[k]?.note === 'string' && f[k].note ? f[k].note : null,
        },
      ]),
    );
  }
  return out;
}

export const projectApi: ResourceApi = {
  create: createWith(
    'projects',
    [
      'code',
      'name',
      'type',
      'year',
      'areaCode',
      'location',
      'contractor',
      'responsible',
      'proposedOn',
      'plannedStartOn',
      'plannedFinishOn',
    ],
    (d) =>
      clean({
        plannedInvestment: d.plannedInvestment ?? {},
        beneficiaries: d.beneficiaries ?? {},
        fiveSystems: d.fiveSystems ?? {},
      }),
  ),
  updateBody: changedWithRevision(FACTS, clean),
};

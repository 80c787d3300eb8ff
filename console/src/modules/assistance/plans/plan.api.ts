import type { RaRecord } from 'react-admin';
import { pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi } from '../../types';
import { BASE, json } from '../assistance.api';

const TARGET = ['year', 'perCapitaIncomeFen', 'guarantees', 'exit', 'note'] as const;

/** The targets as PUT /plans/{householdId} takes them (no empty keys the schema refuses). */
function targetsOf(v: unknown) {
  return (Array.isArray(v) ? v : []).map((t) => {
    const x = pickKeys<Record<string, unknown>>(t, TARGET);
    return {
      year: Number(x.year),
      perCapitaIncomeFen: typeof x.perCapitaIncomeFen === 'number' ? x.perCapitaIncomeFen : null,
      guarantees: Array.isArray(x.guarantees) ? x.guarantees : [],
      exit: Boolean(x.exit),
      note: typeof x.note === 'string' && x.note.trim() ? x.note.trim() : null,
    };
  });
}

const save = (householdId: string, d: Record<string, unknown>, revision: number) =>
  json<RaRecord>(`${BASE}/plans/${encodeURIComponent(householdId)}`, {
    method: 'PUT',
    body: JSON.stringify({
      summary: typeof d.summary === 'string' ? d.summary : '',
      targets: targetsOf(d.targets),
      revision,
    }),
  });

/** A plan is saved by household (`PUT /plans/{householdId}`): revision 0 makes it. */
export const planApi: ResourceApi = {
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    return { data: await save(String(d.householdId), d, 0) };
  },
  update: async (_resource, params) => {
    const previous = (params.previousData ?? {}) as { revision?: number };
    return {
      data: await save(
        String(params.id),
        params.data as Record<string, unknown>,
        previous.revision ?? 0,
      ),
    };
  },
};

import type { RaRecord } from 'react-admin';
import { httpClient } from '../../../providers/http';
import type { RegistryApi } from '../../../providers/api-types';
import type { ResourceApi } from '../../types';

type ExitTarget = RegistryApi.components['schemas']['ExitTarget'];
const BASE = '/api/registry/exit-targets';

const splitId = (id: unknown): [string, number] => {
  const [area = '', year = ''] = String(id).split(':');
  return [area, Number(year)];
};

async function put(areaCode: string, year: number, body: Record<string, unknown>) {
  const { json } = await httpClient(`${BASE}/${encodeURIComponent(areaCode)}/${year}`, {
    method: 'PUT',
    body: JSON.stringify(body),
  });
  return json as ExitTarget;
}

const amounts = (d: Record<string, unknown>) => ({
  households: Number(d.households),
  people: typeof d.people === 'number' ? d.people : null,
  incidencePercent: typeof d.incidencePercent === 'number' ? d.incidencePercent : null,
  villages: typeof d.villages === 'number' ? d.villages : null,
  villageCodes: Array.isArray(d.villageCodes) ? d.villageCodes.map(String) : [],
});

/**
 * Exit targets are addressed by area and year (`PUT /exit-targets/{areaCode}/{year}`); their
 * id is `<areaCode>:<year>` and one is read through the list filtered on both.
 */
export const exitTargetApi: ResourceApi = {
  getOne: async (_resource, params) => {
    const [areaCode, year] = splitId(params.id);
    const q = new URLSearchParams({ filter: JSON.stringify({ areaCode, year }), range: '[0,0]' });
    const { json } = await httpClient(`${BASE}?${q}`);
    const found = (json as ExitTarget[])[0];
    if (!found) throw new Error('ra.notification.item_doesnt_exist');
    return { data: found as RaRecord };
  },
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    return {
      data: (await put(String(d.areaCode), Number(d.year), {
        ...amounts(d),
        revision: 0,
      })) as RaRecord,
    };
  },
  update: async (_resource, params) => {
    const [areaCode, year] = splitId(params.id);
    const d = params.data as Record<string, unknown>;
    const revision = (params.previousData as { revision?: number } | undefined)?.revision ?? 0;
    return { data: (await put(areaCode, year, { ...amounts(d), revision })) as RaRecord };
  },
};

import type { RaRecord } from 'react-admin';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';
import { BASE, type IdleRun } from '../funds.api';

const withId = (r: IdleRun): RaRecord => ({ ...r, id: r.date });

/** A check is named by its day: the day is its id. */
export const idleApi: ResourceApi = {
  getList: async (_resource, params) => {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const { field = 'date', order = 'DESC' } = params.sort ?? {};
    const q = new URLSearchParams({
      range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
      sort: JSON.stringify([field === 'id' ? 'date' : field, order]),
      filter: '{}',
    });
    const res = await httpClient(`${BASE}/idle-funds/runs?${q}`);
    const rows = (res.json as IdleRun[]).map(withId);
    const total = Number(
      /\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? rows.length,
    );
    return { data: rows, total };
  },
  getOne: async (_resource, params) => {
    const res = await httpClient(
      `${BASE}/idle-funds/runs/${encodeURIComponent(String(params.id))}`,
    );
    return { data: withId(res.json as IdleRun) };
  },
};

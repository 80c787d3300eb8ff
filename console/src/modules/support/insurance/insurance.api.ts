import type { GetListResult, RaRecord } from 'react-admin';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';
import { post, SUPPORT, thisYear, type InsuredPerson } from '../support.api';

const totalOf = (headers: Headers): number => {
  const range = headers.get('content-range') ?? '';
  const n = Number(range.split('/').pop());
  return Number.isFinite(n) ? n : 0;
};

/**
 * The year is a query parameter of its own (not a filter key); the list's id is the person's,
 * and 登记参保 answers the person's enrollments that year.
 */
export const insuranceApi: ResourceApi = {
  getList: async (_resource, params) => {
    const { year, ...filter } = (params.filter ?? {}) as Record<string, unknown>;
    const page = params.pagination?.page ?? 1;
    const perPage = params.pagination?.perPage ?? 25;
    const q = new URLSearchParams({
      year: String(typeof year === 'number' ? year : thisYear()),
      range: JSON.stringify([(page - 1) * perPage, page * perPage - 1]),
      sort: JSON.stringify([params.sort?.field ?? 'name', params.sort?.order ?? 'ASC']),
      filter: JSON.stringify(filter),
    });
    const { json, headers } = await httpClient(`${SUPPORT}/health/insurance?${q}`);
    const data = json as InsuredPerson[];
    return { data, total: totalOf(headers) } as GetListResult;
  },
  create: async (_resource, params) => {
    const d = params.data as Record<string, unknown>;
    const person = await post<InsuredPerson>('/health/insurance', {
      personId: d.personId,
      year: Number(d.year),
      kind: d.kind,
      enrolled: Boolean(d.enrolled),
    });
    return { data: person as RaRecord };
  },
};

import type { GetOneParams } from 'react-admin';
import { httpClient } from '../../../providers/http';
import type { ResourceApi } from '../../types';
import { splitResultId } from '../codes';

/** A unit's explained result: GET /rankings/{id}/results/{unitId}, under one composite id. */
export const resultApi: ResourceApi = {
  async getOne(_resource: string, { id }: GetOneParams) {
    const [rankingId, unitId] = splitResultId(String(id));
    const { json } = await httpClient(
      `/api/assessment/rankings/${encodeURIComponent(rankingId)}/results/${encodeURIComponent(unitId)}`,
    );
    return { data: { ...(json as object), id, rankingId } };
  },
};

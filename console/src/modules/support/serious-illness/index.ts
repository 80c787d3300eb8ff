import HealingIcon from '@mui/icons-material/Healing';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { post } from '../support.api';

/** 大病救助 — people taken into serious-illness relief, until the case is closed. */
const seriousIllness: ResourcePages = {
  list: lazy(() => import('./IllnessList')),
  show: lazy(() => import('./IllnessShow')),
  create: lazy(() => import('./IllnessCreate')),
  edit: lazy(() => import('./IllnessEdit')),
  icon: HealingIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.disease)}）`,
};
export default seriousIllness;

const blanks = (o: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (o[k] === '') o[k] = null;
  return o;
};

export const illnessApi: ResourceApi = {
  create: async (_resource, params) => {
    const body = blanks(
      pickKeys<Record<string, unknown>>(params.data, [
        'personId',
        'disease',
        'hospital',
        'diagnosedOn',
        'includedOn',
        'note',
      ]),
      ['hospital', 'diagnosedOn', 'note'],
    );
    return { data: (await post('/health/serious-illness-cases', body)) as RaRecord };
  },
  updateBody: (data, previous) => {
    const body = blanks(
      changedFields(data, previous, ['disease', 'hospital', 'note', 'closedOn']),
      ['hospital', 'note'],
    );
    if (body.closedOn === null) delete body.closedOn;
    return { ...body, revision: previous.revision };
  },
};

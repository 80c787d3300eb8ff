import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { changedFields, pickKeys } from '../../../providers/dataProvider';
import type { ResourceApi, ResourcePages } from '../../types';
import { post } from '../support.api';

/** 慢病签约 — family-doctor contracts for people with a chronic illness. */
const chronicCare: ResourcePages = {
  list: lazy(() => import('./ContractList')),
  show: lazy(() => import('./ContractShow')),
  create: lazy(() => import('./ContractCreate')),
  edit: lazy(() => import('./ContractEdit')),
  icon: MedicalServicesIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.disease)}）`,
};
export default chronicCare;

const blanks = (o: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) if (o[k] === '') o[k] = null;
  return o;
};

export const contractApi: ResourceApi = {
  create: async (_resource, params) => {
    const body = blanks(
      pickKeys<Record<string, unknown>>(params.data, [
        'personId',
        'disease',
        'doctor',
        'team',
        'signedOn',
        'validUntil',
      ]),
      ['team', 'validUntil'],
    );
    return { data: (await post('/health/chronic-care-contracts', body)) as RaRecord };
  },
  updateBody: (data, previous) => {
    const body = blanks(
      changedFields(data, previous, ['disease', 'doctor', 'team', 'validUntil', 'endedOn']),
      ['team', 'validUntil'],
    );
    if (body.endedOn === null) delete body.endedOn;
    return { ...body, revision: previous.revision };
  },
};

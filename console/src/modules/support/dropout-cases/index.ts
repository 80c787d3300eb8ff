import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';
import { post, put, type DropoutCase, type DropoutScanResult } from '../support.api';

/** 控辍保学 — a case per compulsory-age child not enrolled, followed up until closed. */
const dropoutCases: ResourcePages = {
  list: lazy(() => import('./DropoutList')),
  show: lazy(() => import('./DropoutShow')),
  icon: PersonSearchIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default dropoutCases;

const path = (id: string, step: string) =>
  `/education/dropout-cases/${encodeURIComponent(id)}/${step}`;

/** The case's steps: name the owner, log follow-ups, close for an allowed reason. */
export const dropoutCalls = {
  scan: (term: string) => post<DropoutScanResult>('/education/dropout-cases/scan', { term }),
  assignOwner: (c: DropoutCase, owner: { name: string; unit?: string | null }) =>
    put<DropoutCase>(path(c.id, 'owner'), {
      name: owner.name,
      unit: owner.unit ? owner.unit : null,
      revision: c.revision,
    }),
  followUp: (c: DropoutCase, on: string, note: string) =>
    post<DropoutCase>(path(c.id, 'follow-ups'), { on, note }),
  close: (c: DropoutCase, body: { reason: string; note: string; school?: string | null }) =>
    post<DropoutCase>(path(c.id, 'close'), {
      reason: body.reason,
      note: body.note,
      ...(body.school ? { school: body.school } : {}),
      revision: c.revision,
    }),
};

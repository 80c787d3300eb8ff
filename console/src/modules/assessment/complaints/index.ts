import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourceDefinition } from '../../types';
import { complaintApi } from './complaints.api';

/**
 * 信访件 — complaints about poverty work: registered, assigned to a unit with a due day,
 * answered, rated by the complainant and reopened when unsatisfied.
 */
export const complaintResource: ResourceDefinition = {
  name: 'complaints',
  service: 'assessment',
  module: 'assessment',
  list: lazy(() => import('./ComplaintList')),
  show: lazy(() => import('./ComplaintShow')),
  create: lazy(() => import('./ComplaintCreate')),
  icon: RecordVoiceOverIcon,
  recordRepresentation: (r: RaRecord) => String(r.complaintNo),
  api: complaintApi,
  rights: { edit: null },
};

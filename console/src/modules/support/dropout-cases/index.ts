import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 控辍保学 — a case per compulsory-age child not enrolled, followed up until closed. */
const dropoutCases: ResourcePages = {
  list: lazy(() => import('./DropoutList')),
  show: lazy(() => import('./DropoutShow')),
  icon: PersonSearchIcon,
  recordRepresentation: (r: RaRecord) => String(r.name),
};
export default dropoutCases;

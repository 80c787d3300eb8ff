import LocalHospitalIcon from '@mui/icons-material/LocalHospital';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 住院报账与医疗兜底 — in-patient episodes, their reimbursed ratio and the top-up to 90%. */
const episodes: ResourcePages = {
  list: lazy(() => import('./EpisodeList')),
  show: lazy(() => import('./EpisodeShow')),
  create: lazy(() => import('./EpisodeCreate')),
  edit: lazy(() => import('./EpisodeEdit')),
  icon: LocalHospitalIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)} ${String(r.admittedOn)}`,
};
export default episodes;

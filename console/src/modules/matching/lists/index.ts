import ListAltIcon from '@mui/icons-material/ListAlt';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { MatchingApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

export type DepartmentList = MatchingApi.components['schemas']['DepartmentList'];

/** 部门名单 — department lists uploaded for matching, each with its row report. */
const lists: ResourcePages = {
  list: lazy(() => import('./ListList')),
  show: lazy(() => import('./ListShow')),
  create: lazy(() => import('./ListUpload')),
  icon: ListAltIcon,
  recordRepresentation: (r: RaRecord) => String(r.fileName),
};
export default lists;

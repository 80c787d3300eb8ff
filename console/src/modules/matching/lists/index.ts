import ListAltIcon from '@mui/icons-material/ListAlt';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 部门名单 — department lists uploaded for matching, each with its row report. */
const lists: ResourcePages = {
  list: lazy(() => import('./ListList')),
  show: lazy(() => import('./ListShow')),
  create: lazy(() => import('./ListUpload')),
  icon: ListAltIcon,
  recordRepresentation: (r: RaRecord) => String(r.fileName),
};
export default lists;

import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 公告公示 — the notice of a project or a payment list, printable, with where it was posted. */
const notices: ResourcePages = {
  list: lazy(() => import('./NoticeList')),
  show: lazy(() => import('./NoticeShow')),
  create: lazy(() => import('./NoticeCreate')),
  icon: CampaignIcon,
  recordRepresentation: (r: RaRecord) => String(r.title),
};
export default notices;

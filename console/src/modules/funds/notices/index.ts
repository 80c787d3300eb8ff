import CampaignIcon from '@mui/icons-material/Campaign';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourceApi, ResourcePages } from '../../types';
import { createWith } from '../funds.api';

/** 公告公示 — the notice of a project or a payment list, printable, with where it was posted. */
const notices: ResourcePages = {
  list: lazy(() => import('./NoticeList')),
  show: lazy(() => import('./NoticeShow')),
  create: lazy(() => import('./NoticeCreate')),
  icon: CampaignIcon,
  recordRepresentation: (r: RaRecord) => String(r.title),
};
export default notices;

export const noticeApi: ResourceApi = {
  create: createWith('notices', [
    'kind',
    'projectId',
    'disbursementId',
    'issuer',
    'periodDays',
    'startsOn',
    'supervisionPhone',
  ]),
};

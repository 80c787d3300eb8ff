import type { ResourceApi } from '../../types';
import { createWith } from '../funds.api';

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

import type { ResourceApi } from '../../types';
import { createWith } from '../assistance.api';

export const visitApi: ResourceApi = {
  create: createWith('visits', [
    'householdId',
    'helperId',
    'date',
    'findings',
    'actions',
    'nextSteps',
  ]),
};

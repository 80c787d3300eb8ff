import type { ResourceApi } from '../../types';
import { createWith } from '../assistance.api';

export const villageAssignmentApi: ResourceApi = {
  create: createWith('village-assignments', [
    'kind',
    'areaCode',
    'helperId',
    'personName',
    'position',
    'unit',
    'department',
    'startDate',
    'endDate',
  ]),
};

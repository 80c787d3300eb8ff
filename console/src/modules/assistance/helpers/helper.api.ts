import { changedWithRevision, createWith } from '../assistance.api';
import type { ResourceApi } from '../../types';

const FIELDS = ['name', 'unit', 'department', 'rank', 'position', 'phone'] as const;

export const helperApi: ResourceApi = {
  create: createWith('helpers', [...FIELDS, 'areaCode']),
  updateBody: changedWithRevision([...FIELDS, 'status']),
};

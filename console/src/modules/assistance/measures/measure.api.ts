import type { ResourceApi } from '../../types';
import { changedWithRevision, createWith } from '../assistance.api';

const FIELDS = [
  'category',
  'type',
  'description',
  'amountFen',
  'quantity',
  'unit',
  'startDate',
  'endDate',
  'helperId',
  'projectId',
] as const;

export const measureApi: ResourceApi = {
  create: createWith('measures', ['householdId', ...FIELDS]),
  updateBody: changedWithRevision(FIELDS),
};

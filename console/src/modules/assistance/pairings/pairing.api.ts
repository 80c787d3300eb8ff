import type { ResourceApi } from '../../types';
import { createWith } from '../assistance.api';

export const pairingApi: ResourceApi = {
  create: createWith('pairings', ['helperId', 'householdId', 'role', 'startDate']),
};

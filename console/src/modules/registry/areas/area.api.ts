import type { ResourceApi } from '../../types';
import { changedFields } from '../../../providers/dataProvider';

/** PUT /areas/{code} takes only the name, the status and the revision it is based on. */
export const areaApi: ResourceApi = {
  updateBody: (data, previous) => ({
    ...changedFields(data, previous, ['name', 'status']),
    revision: previous.revision,
  }),
};

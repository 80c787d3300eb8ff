import { type DataProvider, useDataProvider } from 'react-admin';
import { registryStatistics } from '../dashboard/statistics';
import { commonCalls } from '../providers/dataProvider';
import { auditCalls } from './administration/audit/audit.api';
import { keyRotationCalls } from './administration/keys/key-rotation.api';
import { userCalls } from './administration/users/user.api';
import { accountabilityCalls } from './assessment/accountability/accountability.api';
import { assessmentCalls } from './assessment/assessment.api';
import { complaintCalls } from './assessment/complaints/complaints.api';
import { inspectionCalls } from './assessment/inspections/inspections.api';
import { taskCalls } from './assessment/tasks/task.api';
import { assistanceCalls } from './assistance/assistance.api';
import { receiptCalls } from './assistance/receipts/receipt.api';
import { fundsCalls } from './funds/funds.api';
import { matchingCalls } from './matching/matching.api';
import { registryCalls } from './registry/registry.api';
import { supportCalls } from './support/support.calls';

/**
 * Every call beyond react-admin's CRUD, named (the atomic-crm way): the data provider
 * carries them, and a page reaches them with `useCalls()`, never with the HTTP client.
 */
export const CALLS = {
  ...commonCalls,
  ...auditCalls,
  ...keyRotationCalls,
  ...userCalls,
  ...assessmentCalls,
  ...complaintCalls,
  ...accountabilityCalls,
  ...inspectionCalls,
  ...taskCalls,
  ...assistanceCalls,
  ...receiptCalls,
  ...matchingCalls,
  ...fundsCalls,
  ...registryCalls,
  ...registryStatistics,
  ...supportCalls,
};

export type ConsoleDataProvider = DataProvider & typeof CALLS;

/** The data provider with its named calls. */
export const useCalls = (): ConsoleDataProvider => useDataProvider<ConsoleDataProvider>();

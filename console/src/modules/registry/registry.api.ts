import type { RegistryApi } from '../../providers/api-types';
import { consistencyCalls } from './consistency/consistency.api';
import { clearanceCalls } from './households/clearance.api';
import { dossierCalls } from './dossier/dossier.api';
import { cardCalls } from './dossier/card.api';
import { handbookCalls } from './dossier/handbook.api';
import { ledgerCalls } from './dossier/ledger.api';
import { uploadFile } from '../../providers/http';
import { guaranteeCalls } from './households/guarantees.api';
import { householdCalls } from './households/household.api';
import { monitoringCalls } from './monitoring/monitoring.api';
import { villageExitCalls } from './villages/village-exit.api';

export type AreaImportReport = RegistryApi.components['schemas']['AreaImportReport'];

/** The registry's calls beyond react-admin's CRUD, as data-provider methods. */
export const registryCalls = {
  ...householdCalls,
  ...guaranteeCalls,
  ...clearanceCalls,
  ...villageExitCalls,
  ...monitoringCalls,
  ...dossierCalls,
  ...ledgerCalls,
  ...consistencyCalls,
  ...cardCalls,
  ...handbookCalls,
  /** 导入地区 — the area tree from a workbook; answers the row report. */
  registryAreaImport: async (file: File): Promise<AreaImportReport> =>
    (await uploadFile('/api/registry/areas/import', file)) as AreaImportReport,
};

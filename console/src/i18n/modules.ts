import { assessmentMessages } from '../modules/assessment/i18n';
import { assistanceMessages } from '../modules/assistance/i18n';
import { fundsMessages } from '../modules/funds/i18n';
import { matchingMessages } from '../modules/matching/i18n';
import { villageExitMessages } from '../modules/registry/villages/village-exit.messages';
import { registryImportMessages } from '../modules/registry/imports/messages';
import { guaranteeMessages } from '../modules/registry/households/guarantees.messages';
import { clearanceMessages } from '../modules/registry/households/clearance.messages';
import { supportMessages } from '../modules/support/i18n';
import { auditDecisionMessages } from '../modules/administration/audit/decisions.messages';
import { auditChainMessages } from '../modules/administration/audit/chain.messages';
import { keyRotationMessages } from '../modules/administration/keys/key-rotation.messages';
import { headChangeMessages } from '../modules/registry/households/head.messages';
import { monitoringScreeningMessages } from '../modules/registry/monitoring/screening.messages';
import { monitoringWarningMessages } from '../modules/registry/monitoring/warnings.messages';
import { dossierMessages } from '../modules/registry/dossier/dossier.messages';
import { dossierPartsMessages } from '../modules/registry/dossier/dossier-parts.messages';
import { ledgerMessages } from '../modules/registry/dossier/ledger.messages';
import { cardMessages } from '../modules/registry/dossier/card.messages';
import { handbookMessages } from '../modules/registry/dossier/handbook.messages';
import { benefitLedgerMessages } from '../modules/registry/ledger/benefit-ledger.messages';
import { consistencyCheckMessages } from '../modules/registry/consistency/consistency.messages';
import { inspectionMessages } from '../modules/assessment/inspections/inspections.messages';
import { accountabilityMessages } from '../modules/assessment/accountability/accountability.messages';
import { complaintMessages } from '../modules/assessment/complaints/complaints.messages';
import { taskMessages } from '../modules/assessment/tasks/tasks.messages';
import type { ModuleMessages } from './types';

/** Each service module's own messages, merged into zh-CN.ts and en.ts. */
export const MODULE_MESSAGES: ModuleMessages[] = [
  assistanceMessages,
  fundsMessages,
  supportMessages,
  matchingMessages,
  assessmentMessages,
  villageExitMessages,
  registryImportMessages,
  guaranteeMessages,
  clearanceMessages,
  auditDecisionMessages,
  auditChainMessages,
  keyRotationMessages,
  headChangeMessages,
  monitoringWarningMessages,
  monitoringScreeningMessages,
  dossierMessages,
  dossierPartsMessages,
  ledgerMessages,
  cardMessages,
  handbookMessages,
  benefitLedgerMessages,
  consistencyCheckMessages,
  complaintMessages,
  accountabilityMessages,
  taskMessages,
  inspectionMessages,
];

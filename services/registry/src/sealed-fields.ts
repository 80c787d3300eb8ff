import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { householdModel } from './households/household.model';
import { warningEvidenceModel } from './monitoring/warning-evidence.model';

/**
 * 密钥轮换 — where the registry keeps sealed personal data, for the reseal after a key rotation:
 * the households' phone, bank account and members (ID numbers, phones), and the 防返贫 warnings'
 * evidence files (sealed bytes).
 */
export function sealedFields(conn: Connection): SealedCollection[] {
  return [
    { model: householdModel(conn), fields: ['phone', 'bankAccount', 'members'] },
    { model: warningEvidenceModel(conn), fields: ['data'] },
  ];
}

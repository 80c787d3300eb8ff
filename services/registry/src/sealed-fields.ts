import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { householdModel } from './households/household.model';
import { warningEvidenceModel } from './monitoring/warning-evidence.model';

/**
 * 密钥轮换 — where the registry keeps sealed personal data, for the reseal after a key rotation:
 * the households' phone, bank account and members (ID numbers, phones), and the 防返贫 warnings'
 * evidence files (sealed bytes). A household whose members' keyed hashes were made again (an
 * HMAC rotation) has its claims, member index and events brought along (`afterRehash`).
 */
export function sealedFields(
  conn: Connection,
  /** After a batch of households is written: what the registry derives from their hashes. */
  householdsResealed?: (ids: string[]) => Promise<void>,
): SealedCollection[] {
  return [
    {
      model: householdModel(conn),
      fields: ['phone', 'bankAccount', 'members'],
      ...(householdsResealed
        ? { resealed: (ids: unknown[]) => householdsResealed(ids.map(String)) }
        : {}),
    },
    { model: warningEvidenceModel(conn), fields: ['data'] },
  ];
}

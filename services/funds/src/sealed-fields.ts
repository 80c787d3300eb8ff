import type { SealedCollection } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { disbursementModel } from './disbursements/disbursement.model';
import { loanModel } from './loans/loan.model';

/**
 * 密钥轮换 — where funds keeps sealed personal data, for the reseal: the disbursements' payees
 * (bank accounts, ID numbers) and the loans' guarantors' phones.
 */
export function sealedFields(conn: Connection): SealedCollection[] {
  return [
    { model: disbursementModel(conn), fields: ['payee', 'payees'] },
    { model: loanModel(conn), fields: ['guarantor'] },
  ];
}

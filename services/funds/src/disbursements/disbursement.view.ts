import type { PersonalDataCipher } from '@fupin/kit';
import type { Disbursement, PayeeLine, Sealed } from './disbursement.model';

/** `?unmask=true&reason=…`: personal data in clear, for callers with the unmask right. */
export interface Unmask {
  reason: string;
  requestId: string | null;
}

export type DisbursementView = Omit<
  Disbursement,
  '_id' | 'outbox' | 'hasOutbox' | 'outboxLease' | 'payee' | 'payees' | 'history'
> & {
  id: string;
  payee: { name: string; bankAccount: string | null } | null;
  payees: (Omit<PayeeLine, 'idNumber'> & { idNumber: string | null })[];
};

/** A payment as the API shows it: personal data masked, or in clear when unmasked. */
export function disbursementView(
  cipher: PersonalDataCipher,
  d: Disbursement,
  unmask: Unmask | null,
): DisbursementView {
  const {
    _id,
    outbox: _o,
    hasOutbox: _ho,
    outboxLease: _ol,
    history: _h,
    payee,
    payees,
    ...rest
  } = d;
  const show = (s: Sealed | null) => (s === null ? null : unmask ? cipher.open(s) : s.masked);
  return {
    id: _id,
    ...rest,
    payee: payee ? { name: payee.name, bankAccount: show(payee.bankAccount) } : null,
    payees: payees.map((x) => ({ ...x, idNumber: show(x.idNumber) })),
  };
}

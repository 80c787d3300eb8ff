import { AppError, bi, hasRight, type PersonalDataCipher, type Principal } from '@fupin/kit';
import type { Household, PersonalValue } from './household.model';
import { readGuarantees } from './guarantee.rules';
import { headPending } from './head.rules';
import type { HouseholdStore } from './household.store';
import type { HouseholdView, UnmaskRequest } from './household.types';

// Personal data (ID numbers, phones, the bank account) is shown masked; in clear only to a user
// with the unmask right who gives a reason, and every such read or export is audited.

const PERSONAL_FIELDS = ['members.idNumber', 'members.phone', 'phone', 'bankAccount'];

export async function auditUnmask(
  store: HouseholdStore,
  p: Principal,
  ids: string[],
  req: UnmaskRequest,
): Promise<void> {
  if (!hasRight(p, 'registry', 'unmask')) {
    throw new AppError(
      403,
      'FORBIDDEN_UNMASK',
      bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
    );
  }
  await store.deps.audit.record(p, {
    action: 'unmask',
    subjectType: 'household',
    subjectIds: ids,
    fields: PERSONAL_FIELDS,
    reason: req.reason,
    requestId: req.requestId ?? null,
  });
}

/** An export: which households, whether in clear, and why (the unmask reason, or the one given). */
export async function auditExport(
  store: HouseholdStore,
  p: Principal,
  ids: string[],
  req: UnmaskRequest | null,
  reason: string | null = null,
): Promise<void> {
  await store.deps.audit.record(p, {
    action: 'export',
    subjectType: 'household',
    subjectIds: ids,
    fields: req ? PERSONAL_FIELDS : [],
    reason: req?.reason ?? reason,
    requestId: req?.requestId ?? null,
  });
}

/** A household as the API shows it: personal values masked, or in clear when unmasked with a reason. */
export function householdView(
  cipher: PersonalDataCipher,
  h: Household,
  unmask: UnmaskRequest | null,
): HouseholdView {
  const show = (v: PersonalValue | null) =>
    v === null ? null : unmask ? cipher.open(v) : v.masked;
  const {
    _id,
    outbox: _o,
    hasOutbox: _h,
    outboxLease: _l,
    members,
    phone,
    bankAccount,
    memberIdHashes: _mh,
    memberNames: _mn,
    ...rest
  } = h;
  return {
    id: _id,
    ...rest,
    guarantees: readGuarantees(h.guarantees),
    phone: show(phone),
    bankAccount: show(bankAccount),
    members: members.map((m) => ({
      ...m,
      idNumber: show(m.idNumber) ?? '',
      phone: show(m.phone),
    })),
    headPending: headPending(members),
    unmasked: unmask !== null,
  };
}

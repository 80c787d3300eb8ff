import { bi, forbidden, type Principal } from '@fupin/kit';
import { LIST_TYPES, type ListType } from './list-types';

/**
 * 部门名单归属 — the list types each line department supplies (the gateway's department codes,
 * carried in the token). A department user uploads only these, and sees only the lists, runs
 * and findings of these types; a user without a department (the poverty office, townships,
 * auditors) is not narrowed. A department not named here supplies no list.
 */
export const DEPARTMENT_LIST_TYPES: Readonly<Record<string, readonly ListType[]>> = {
  public_security: ['vehicles', 'deaths', 'household_moves'],
  market_regulation: ['businesses'],
  medical_security: ['medical_insurance'],
  // 卫健: where the county's resident medical insurance is still run by the health bureau (before
  // or without a separate 医保局), it supplies the insurance list too.
  health: ['medical_insurance'],
  human_resources: ['pension_receipts', 'employment_wages'],
  disabled_persons_federation: ['disability_certificates'],
  civil_affairs: ['deaths', 'allowance_recipients'],
  education: ['school_enrollment'],
  housing: ['urban_property', 'dangerous_houses'],
  finance: ['public_employees'],
};

/**
 * The department that supplies a list type (the first named above where two may: 公安 for deaths,
 * 医保 for insurance), or undefined when no department does (村干部, from the townships).
 */
export function supplierOf(type: ListType): string | undefined {
  return Object.entries(DEPARTMENT_LIST_TYPES).find(([, types]) => types.includes(type))?.[0];
}

/** The list types the caller is narrowed to, or null when the caller is not a department user. */
export function ownListTypes(p: Principal): readonly ListType[] | null {
  if (!p.department) return null;
  return DEPARTMENT_LIST_TYPES[p.department] ?? [];
}

/** Whether the caller may see (or upload) a list of this type; `null` (a registry check) only when not narrowed. */
export function mayUseListType(p: Principal, type: ListType | null): boolean {
  const own = ownListTypes(p);
  if (own === null) return true;
  return type !== null && own.includes(type);
}

/** A department user uploads only its own list types: refused with the types it may upload. */
export function assertMayUpload(p: Principal, type: ListType): void {
  if (mayUseListType(p, type)) return;
  const own = ownListTypes(p) ?? [];
  throw forbidden(
    'MATCHING_LIST_TYPE_NOT_OWN',
    bi(
      `本部门不能上传「${LIST_TYPES[type].zh}」名单；可上传：${own.map((t) => LIST_TYPES[t].zh).join('、') || '（无）'}`,
      `Your department cannot upload a list of ${LIST_TYPES[type].en}; it may upload: ${own.map((t) => LIST_TYPES[t].en).join(', ') || '(none)'}`,
    ),
  );
}

/**
 * The condition narrowing a query to the caller's own list types (on the field holding the
 * type), or undefined when the caller is not narrowed.
 */
export function ownListTypeFilter(
  p: Principal,
  field: string,
): Record<string, unknown> | undefined {
  const own = ownListTypes(p);
  return own === null ? undefined : { [field]: { $in: [...own] } };
}

/**
 * A department sees the runs over one of its own lists; a full run (every department's lists)
 * is the poverty office's. Undefined when the caller is not narrowed.
 */
export function ownRunFilter(p: Principal): Record<string, unknown> | undefined {
  const own = ownListTypes(p);
  return own === null ? undefined : { scope: 'list', 'lists.type': { $in: [...own] } };
}

/** Whether the caller may see a run (its scope and the types of its lists). */
export function mayUseRun(p: Principal, run: { scope: string; lists: { type: ListType }[] }) {
  if (ownListTypes(p) === null) return true;
  return run.scope === 'list' && run.lists.every((l) => mayUseListType(p, l.type));
}

import type { Right } from '@fupin/kit';
import type { AreaLevel } from '@fupin/reference';

/**
 * The modules rights are granted on: one per service, plus the gateway's own `users`
 * (administration) and `audit` (the audit log).
 */
export const MODULES = [
  'registry',
  'assistance',
  'funds',
  'support',
  'assessment',
  'matching',
  'users',
  'audit',
] as const;
export type Module = (typeof MODULES)[number];
export type Rights = Partial<Record<Module, Right[]>>;

/** 行业部门 — the line department a department-staff user works for. */
export const DEPARTMENTS = {
  education: { zh: '教育', en: 'Education' },
  health: { zh: '卫健', en: 'Health' },
  civil_affairs: { zh: '民政', en: 'Civil affairs' },
  housing: { zh: '住建', en: 'Housing' },
  human_resources: { zh: '人社', en: 'Human resources' },
  finance: { zh: '财政', en: 'Finance' },
  agriculture: { zh: '农业农村', en: 'Agriculture' },
  water: { zh: '水利', en: 'Water' },
  forestry: { zh: '林业', en: 'Forestry' },
  public_security: { zh: '公安', en: 'Public security' },
  market_regulation: { zh: '市场监管', en: 'Market regulation' },
  medical_security: { zh: '医保', en: 'Medical security' },
  // The reference's code for 残联 (@fupin/reference Department).
  disabled_persons_federation: { zh: '残联', en: "Disabled persons' federation" },
} as const;
export type Department = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as [Department, ...Department[]];

const R: Right[] = ['read'];
const RW: Right[] = ['read', 'write'];
const RWE: Right[] = ['read', 'write', 'export'];
const ALL: Right[] = ['read', 'write', 'approve', 'unmask', 'export'];

/**
 * Every service module a department works in: its own module county-wide, the registry
 * read-only. The departments that only supply lists for matching (公安, 市场监管, 医保, 残联)
 * get `matching` alone: they upload their own list types and see their lists, runs and the
 * findings on them (masked; the matching service narrows them by the token's department),
 * and nothing of the registry beyond what a finding shows.
 */
const DEPARTMENT_MODULES: Record<Department, Rights> = {
  education: { support: RWE, registry: R, matching: RW },
  health: { support: RWE, registry: R, matching: RW },
  civil_affairs: { registry: R, matching: RW },
  housing: { registry: R, matching: RW },
  human_resources: { assistance: RW, registry: R, matching: RW },
  finance: { funds: ['read', 'write', 'approve', 'export'], registry: R },
  agriculture: { funds: RW, assistance: RW, registry: R },
  water: { funds: RW, registry: R },
  forestry: { funds: RW, assistance: RW, registry: R },
  public_security: { matching: RW },
  market_regulation: { matching: RW },
  medical_security: { matching: RW },
  disabled_persons_federation: { matching: RW },
};

export interface RoleDefinition {
  zh: string;
  en: string;
  /** The area levels a user with this role may be scoped to. */
  levels: AreaLevel[];
  needsDepartment: boolean;
  /** Rights a new user with this role gets; administrators may change them per user. */
  defaultRights: (department?: Department) => Rights;
}

/** The roles of the county's users (see the domain guide, "Who uses it"). */
export const ROLES = {
  county_admin: {
    zh: '县级系统管理员',
    en: 'County administrator',
    levels: ['county'],
    needsDepartment: false,
    defaultRights: () => ({
      users: ['read', 'write'],
      audit: ['read', 'export'],
      registry: R,
    }),
  },
  poverty_office: {
    zh: '县扶贫办',
    en: 'Poverty-office staff',
    levels: ['county'],
    needsDepartment: false,
    defaultRights: () => ({
      registry: ALL,
      assistance: ALL,
      funds: ALL,
      support: ALL,
      assessment: ALL,
      matching: ALL,
    }),
  },
  department_staff: {
    zh: '行业部门',
    en: 'Department staff',
    levels: ['county'],
    needsDepartment: true,
    defaultRights: (department) => (department ? DEPARTMENT_MODULES[department] : {}),
  },
  township_staff: {
    zh: '乡镇工作人员',
    en: 'Township staff',
    levels: ['township'],
    needsDepartment: false,
    defaultRights: () => ({
      registry: RWE,
      assistance: RWE,
      funds: R,
      support: R,
      assessment: RW,
      matching: RW,
    }),
  },
  village_staff: {
    zh: '村级工作人员',
    en: 'Village staff',
    levels: ['village'],
    needsDepartment: false,
    defaultRights: () => ({ registry: RW, assistance: RW, funds: R, support: R }),
  },
  assistance_cadre: {
    zh: '帮扶干部',
    en: 'Assistance cadre',
    levels: ['county', 'township', 'village'],
    needsDepartment: false,
    defaultRights: () => ({ assistance: RW, registry: R }),
  },
  auditor: {
    zh: '只读审计员',
    en: 'Read-only auditor',
    levels: ['county'],
    needsDepartment: false,
    defaultRights: () => ({
      registry: R,
      assistance: R,
      funds: R,
      support: R,
      assessment: R,
      matching: R,
      audit: R,
    }),
  },
} as const satisfies Record<string, RoleDefinition>;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

/** The union of the roles' default rights, each right once, in the canonical order. */
export function defaultRightsOf(roles: Role[], department?: Department): Rights {
  const merged: Partial<Record<Module, Set<Right>>> = {};
  for (const role of roles) {
    const def: RoleDefinition = ROLES[role];
    for (const [module, rights] of Object.entries(def.defaultRights(department))) {
      const set = (merged[module as Module] ??= new Set());
      for (const r of rights) set.add(r);
    }
  }
  return normaliseRights(
    Object.fromEntries(Object.entries(merged).map(([m, s]) => [m, [...s]])) as Rights,
  );
}

const RIGHT_ORDER: Right[] = ['read', 'write', 'approve', 'unmask', 'export'];

/** Same rights, each right once and ordered, modules without rights dropped. */
export function normaliseRights(rights: Rights): Rights {
  const out: Rights = {};
  for (const m of MODULES) {
    const list = rights[m];
    if (list?.length) out[m] = RIGHT_ORDER.filter((r) => list.includes(r));
  }
  return out;
}

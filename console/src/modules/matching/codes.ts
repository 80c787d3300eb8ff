import { allOf } from '../../common/allOf';
import type { MatchingApi } from '../../providers/api-types';

type S = MatchingApi.components['schemas'];
type Finding = S['Finding'];

/** 部门名单类型 — the department lists the poverty office matches the registry against. */
export const LIST_TYPES = allOf<S['DepartmentList']['type']>()([
  'vehicles',
  'businesses',
  'public_employees',
  'urban_property',
  'deaths',
  'allowance_recipients',
  'school_enrollment',
  'medical_insurance',
  'dangerous_houses',
  'village_cadres',
  'pension_receipts',
  'disability_certificates',
  'household_moves',
  'employment_wages',
] as const);

export const LIST_STATUSES = allOf<S['DepartmentList']['status']>()([
  'receiving',
  'ready',
  'failed',
] as const);

/** 比对规则 — one code per kind of finding. */
export const RULES = allOf<Finding['rule']>()([
  'VEHICLE_OWNER',
  'BUSINESS_OWNER',
  'PUBLIC_EMPLOYEE',
  'URBAN_PROPERTY',
  'DECEASED_IN_REGISTRY',
  'ALLOWANCE_NOT_REGISTERED',
  'ALLOWANCE_NOT_ON_LIST',
  'DROPOUT',
  'INSURANCE_GAP',
  'DANGEROUS_HOUSE',
  'ID_INVALID',
  'ID_FACTS_MISMATCH',
  'DUPLICATE_PERSON',
  'INCOME_ABOVE_LINE',
  'EXITED_BELOW_LINE',
  'EXITED_GUARANTEE_UNMET',
  'EXITED_HOUSEHOLD_CHANGED',
  'VILLAGE_CADRE_FAMILY',
  'DECEASED_STILL_PAID',
  'PENSION_NOT_RECEIVED',
  'DISABLED_WITHOUT_CERTIFICATE',
  'CERTIFICATE_NOT_RECORDED_DISABLED',
  'MOVED_OUT_OF_COUNTY',
  'WAGE_INCOME_UNDERREPORTED',
] as const);

/** 登记系统处理结果 — what the registry did with a verified finding. */
export const REGISTRY_OUTCOMES = allOf<NonNullable<Finding['registryOutcome']>['outcome']>()([
  'member_removed',
  'clearance_opened',
  'clearance_approved',
  'clearance_rejected',
  'candidate_opened',
  'exclusion_proposed',
  'no_change',
  'refused',
] as const);

/** 核实 → 整改 → 初审 → 复核销号. */
export const FINDING_STATUSES = allOf<Finding['status']>()([
  'assigned',
  'verified',
  'rectified',
  'reviewed',
  'closed',
] as const);

export const CONCLUSIONS = allOf<NonNullable<Finding['conclusion']>>()([
  'confirmed',
  'not_confirmed',
  'data_corrected',
] as const);

/** 不属实原因 — why a township found a finding not to be a problem (required with 不属实). */
export const DISMISSAL_REASONS = allOf<S['DismissalReason']>()([
  'not_same_person',
  'department_data_wrong',
  'department_data_outdated',
  'allowed_by_policy',
  'already_handled',
  'other',
] as const);

export const RUN_STATUSES = allOf<S['MatchingRun']['status']>()([
  'queued',
  'running',
  'completed',
  'failed',
] as const);

export const RUN_SCOPES = allOf<S['MatchingRun']['scope']>()(['list', 'full'] as const);

export const isRunFinished = (status: unknown) => status === 'completed' || status === 'failed';

/**
 * The columns a list type needs besides the ID number, as the service looks for them (the
 * grade of a dangerous-house appraisal is required, a 低保 recipient's area is optional).
 */
export const FACT_COLUMN: Partial<Record<(typeof LIST_TYPES)[number], 'grade' | 'area' | 'wage'>> =
  {
    dangerous_houses: 'grade',
    allowance_recipients: 'area',
    employment_wages: 'wage',
  };

/** Headers under which the service finds the ID-number column by itself. */
export const ID_HEADERS = ['身份证号', '身份证号码', '公民身份号码', '证件号码'];

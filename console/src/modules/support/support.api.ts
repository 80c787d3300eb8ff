import { allOf } from '../../common/allOf';
import type { SupportApi } from '../../providers/api-types';
import { httpClient } from '../../providers/http';
import type { Permissions } from '../../providers/permissions';

export type SupportSchemas = SupportApi.components['schemas'];
export type Student = SupportSchemas['Student'];
export type Enrollment = SupportSchemas['Enrollment'];
export type SubsidyPayment = SupportSchemas['SubsidyPayment'];
export type SubsidyTotals = SupportSchemas['SubsidyTotals'];
export type SubsidyBatchResult = SupportSchemas['SubsidyBatchResult'];
export type DropoutCase = SupportSchemas['DropoutCase'];
export type DropoutScanResult = SupportSchemas['DropoutScanResult'];
export type InpatientEpisode = SupportSchemas['InpatientEpisode'];
export type InsuredPerson = SupportSchemas['InsuredPerson'];
export type CoverageReport = SupportSchemas['CoverageReport'];
export type CoverageRow = SupportSchemas['CoverageRow'];
export type DepartmentImport = SupportSchemas['DepartmentImport'];

/** The support service's base path behind the gateway. */
export const SUPPORT = '/api/support';

/** A call to the support API beyond react-admin's CRUD (workflow steps, totals, statistics). */
export const supportCall = async <T>(path: string, init?: RequestInit): Promise<T> =>
  (await httpClient(`${SUPPORT}${path}`, init)).json as T;

export const post = <T>(path: string, body: unknown) =>
  supportCall<T>(path, { method: 'POST', body: JSON.stringify(body) });

export const put = <T>(path: string, body: unknown) =>
  supportCall<T>(path, { method: 'PUT', body: JSON.stringify(body) });

export const SCHOOL_STAGES = allOf<SupportSchemas['SchoolStage']>()([
  'preschool',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'higher_vocational',
  'undergraduate',
] as const);

export const SUBSIDY_TYPES = allOf<SupportSchemas['SubsidyType']>()([
  'tuition_waiver',
  'textbook_fee',
  'tutorial_material_fee',
  'national_grant',
  'living_allowance',
  'nutritious_lunch',
  'school_uniform',
  'rain_dew_plan',
  'student_loan',
] as const);

export const ENROLLMENT_STATUSES = allOf<SupportSchemas['EnrollmentStatus']>()([
  'enrolled',
  'suspended',
  'dropped_out',
  'graduated',
  'transferred_out',
] as const);

export const DROPOUT_CLOSE_REASONS = allOf<SupportSchemas['DropoutCloseReason']>()([
  'returned_to_school',
  'home_schooling',
  'medical_deferral',
  'enrolled_elsewhere',
  'left_registry',
] as const);

export const DROPOUT_STATUSES = allOf<DropoutCase['status']>()(['open', 'closed'] as const);
export const COMPULSORY_STAGES = allOf<DropoutCase['expectedStage']>()([
  'primary',
  'junior_secondary',
] as const);

export const INSURANCE_KINDS = allOf<SupportSchemas['InsuranceKind']>()([
  'basic_medical',
  'serious_illness',
  'pension',
] as const);

export const TOP_UP_STATUSES = allOf<InpatientEpisode['topUpStatus']>()([
  'not_needed',
  'owed',
  'partly_paid',
  'paid',
] as const);

export const CHRONIC_CARE_STATUSES = allOf<SupportSchemas['ChronicCareContract']['status']>()([
  'active',
  'ended',
] as const);

export const SERIOUS_ILLNESS_STATUSES = allOf<SupportSchemas['SeriousIllnessCase']['status']>()([
  'active',
  'closed',
] as const);

export const IMPORT_KINDS = allOf<DepartmentImport['kind']>()([
  'education_enrollment',
  'health_insurance',
] as const);

export const IMPORT_STATUSES = allOf<DepartmentImport['status']>()([
  'queued',
  'running',
  'completed',
  'failed',
] as const);

export const IMPORT_OUTCOMES = allOf<SupportSchemas['DepartmentImportRow']['outcome']>()([
  'pending',
  'enrolled',
  'unknown_person',
  'out_of_scope',
  'rejected',
  'duplicate',
  'not_found',
] as const);

/**
 * The two halves of the service. Department staff see only their own (教育 education, 卫健
 * and 医保 health); users without a department see both. The service enforces it too.
 */
export type SupportHalf = 'education' | 'health';

const DEPARTMENTS_OF: Record<SupportHalf, readonly string[]> = {
  education: ['education'],
  health: ['health', 'medical_security'],
};

export function seesHalf(p: Permissions | undefined, half: SupportHalf): boolean {
  if (!p) return false;
  return p.department === null || DEPARTMENTS_OF[half].includes(p.department);
}

const shanghaiDay = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
export const today = () => shanghaiDay(new Date());

/** This calendar year in Asia/Shanghai. */
export const thisYear = () => Number(today().slice(0, 4));

/**
 * 学期 of a day: the spring term runs February to August, the autumn term September to
 * January (January belongs to the autumn term of the year before), as the service counts.
 */
export function termOfDay(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 9) return `${year}-autumn`;
  if (month === 1) return `${year - 1}-autumn`;
  return `${year}-spring`;
}

export const currentTerm = () => termOfDay(today());

/** The terms from `fromYear`'s spring to the current one, newest first. */
export function termsSince(fromYear: number): string[] {
  const current = currentTerm();
  const out: string[] = [];
  for (let y = Number(current.slice(0, 4)); y >= fromYear; y -= 1) {
    for (const season of ['autumn', 'spring']) {
      const t = `${y}-${season}`;
      if (y === Number(current.slice(0, 4)) && current.endsWith('spring') && season === 'autumn')
        continue;
      out.push(t);
    }
  }
  return out;
}

/** The years from `fromYear` to this one, newest first. */
export function yearsSince(fromYear: number): number[] {
  const out: number[] = [];
  for (let y = thisYear(); y >= fromYear; y -= 1) out.push(y);
  return out;
}

/** Ratios come in basis points (8500 = 85.00%), rounded down by the service. */
export const basisPointsToPercent = (bp: unknown): string =>
  typeof bp === 'number' && Number.isFinite(bp) ? `${(bp / 100).toFixed(2)}%` : '—';

/** The top-up the service will compute: ceil(total × target) − reimbursed, never below 0. */
export function expectedTopUp(
  totalFen: number,
  reimbursedFen: number,
  targetBasisPoints: number,
): number {
  if (totalFen <= 0) return 0;
  const required = (BigInt(totalFen) * BigInt(targetBasisPoints) + 9_999n) / 10_000n;
  return Math.max(0, Number(required) - reimbursedFen);
}

/** What the service will show as the ratio: reimbursed ÷ total in basis points, rounded down. */
export const expectedRatio = (totalFen: number, reimbursedFen: number): number | null =>
  totalFen > 0 ? Number((BigInt(reimbursedFen) * 10_000n) / BigInt(totalFen)) : null;

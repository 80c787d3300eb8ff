import {
  checkIdAgainst,
  HouseholdStatus,
  normaliseIdNumber,
  parseIdNumber,
  povertyLine,
} from '@fupin/reference';
import { bi, type FieldError } from '@fupin/kit';
import { readGuarantee } from './guarantee.rules';
import { GUARANTEES, type Guarantees, type Income, type Member } from './household.model';

/** Pure rules of the registry: no database, no HTTP. */

export function totalIncomeFen(i: Income): number {
  return i.wagesFen + i.productionFen + i.propertyFen + i.transferFen;
}

/** 人均纯收入: the year's household income over the number of active members, whole fen (floor). */
export function perCapitaIncomeFen(income: Income | null, size: number): number | null {
  if (!income || size <= 0) return null;
  return Math.floor(totalIncomeFen(income) / size);
}

/** The poverty line of the income year, or null when no figure is kept for that year. */
export function povertyLineFen(year: number, provinceCode?: string): number | null {
  try {
    return povertyLine(year, provinceCode ? { provinceCode } : {}).fen;
  } catch {
    return null;
  }
}

export function isBelowPovertyLine(
  perCapitaFen: number | null,
  year: number | null,
): boolean | null {
  if (perCapitaFen === null || year === null) return null;
  const line = povertyLineFen(year);
  return line === null ? null : perCapitaFen < line;
}

export { unmetGuarantees } from './guarantee.rules';

/** Every guarantee typed met (no reason, nothing derived): for tests and fixtures. */
export function allGuaranteesMet(): Guarantees {
  return Object.fromEntries(
    GUARANTEES.map((k) => [k, readGuarantee({ met: true, note: null })]),
  ) as Guarantees;
}

export interface MemberIdentity {
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/**
 * Checks a member's ID number (GB 11643) and, when stated, the birth date and sex against
 * it. Full-width digits are converted (with a warning) only where the caller allows it.
 */
export function checkMemberIdentity(
  input: { idNumber: string; birthDate?: string | null; sex?: 'male' | 'female' | null },
  fieldPrefix: string,
  opts: { today?: Date } = {},
): { ok: true; identity: MemberIdentity } | { ok: false; errors: FieldError[] } {
  const parsed = parseIdNumber(input.idNumber, opts.today ? { today: opts.today } : {});
  if (!parsed.ok) {
    return {
      ok: false,
      errors: [
        {
          field: `${fieldPrefix}.idNumber`,
          code: parsed.code,
          message: bi(parsed.reason.zh, parsed.reason.en),
        },
      ],
    };
  }
  const stated: { birthDate?: string; sex?: 'male' | 'female' } = {};
  if (input.birthDate) stated.birthDate = input.birthDate;
  if (input.sex) stated.sex = input.sex;
  const disagreements = checkIdAgainst(
    parsed.value,
    stated,
    opts.today ? { today: opts.today } : {},
  );
  if (disagreements.length > 0) {
    return {
      ok: false,
      errors: disagreements.map((d) => ({
        field: `${fieldPrefix}.${d.field}`,
        code: d.code,
        message: bi(d.reason.zh, d.reason.en),
      })),
    };
  }
  return {
    ok: true,
    identity: { idNumber: parsed.value, birthDate: parsed.birthDate, sex: parsed.sex },
  };
}

export { normaliseIdNumber };

/** The head's name: the member related as 户主, else the first active member. */
export function headNameOf(members: Pick<Member, 'relation' | 'name' | 'status'>[]): string {
  const active = members.filter((m) => m.status === 'active');
  return (active.find((m) => m.relation === 'head') ?? active[0])?.name ?? '';
}

/** A status as people read it (已脱贫), the code itself when unknown. */
export function statusLabel(status: string): string {
  return (HouseholdStatus as Record<string, { zh: string } | undefined>)[status]?.zh ?? status;
}

import { compulsoryPlace, termOfDay } from '@fupin/reference';
import {
  type DerivedGuarantee,
  GUARANTEE_STATES,
  GUARANTEES,
  type GuaranteeCode,
  type GuaranteeRecord,
  type Guarantees,
  type GuaranteeState,
  type Member,
  type MemberSupportFacts,
  type TypedGuarantee,
} from './household.model';

// 两不愁三保障 + 饮水安全 as three states (met / not met / unknown), each with its source: derived
// from a fact the platform holds, or typed by a person. Pure: no database, no HTTP.

/** The facts a guarantee can be derived from. */
export interface GuaranteeFacts {
  housingGrade: 'A' | 'B' | 'C' | 'D' | null;
  members: Pick<Member, 'id' | 'name' | 'birthDate' | 'status' | 'inSchool' | 'medicalInsurance'>[];
  supportFacts?: MemberSupportFacts[] | undefined;
  /** The village's tap water (自来水) item: true in place, false not, null when not recorded. */
  villageTapWater?: boolean | null;
}

/**
 * The version of the derivation below: a household stored under an older one (or none: before
 * the three states) is re-derived at start (src/guarantee-derivation-start.ts). Raise it when a
 * rule changes what it derives from the same facts.
 */
export const GUARANTEE_DERIVATION_VERSION = 2;

const UNKNOWN: DerivedGuarantee = { state: 'unknown', fact: null };

const isState = (v: unknown): v is GuaranteeState =>
  typeof v === 'string' && (GUARANTEE_STATES as readonly string[]).includes(v);

/** 住房安全: C/D (危房) not met, A/B met, no grade unknown. */
export function housingSafety(grade: GuaranteeFacts['housingGrade']): DerivedGuarantee {
  if (grade === 'C' || grade === 'D') return { state: 'not_met', fact: `housing_grade:${grade}` };
  if (grade === 'A' || grade === 'B') return { state: 'met', fact: `housing_grade:${grade}` };
  return UNKNOWN;
}

const factsOf = (f: GuaranteeFacts) => new Map((f.supportFacts ?? []).map((s) => [s.memberId, s]));
const activeOf = (f: GuaranteeFacts) => f.members.filter((m) => m.status === 'active');

/**
 * 基本医疗: any active member without basic medical insurance → not met. Support's coverage
 * event for the member (the latest year) is taken over the registry's flag.
 */
export function basicMedical(f: GuaranteeFacts): DerivedGuarantee {
  const active = activeOf(f);
  if (active.length === 0) return UNKNOWN;
  const support = factsOf(f);
  let fromSupport = false;
  for (const m of active) {
    const coverage = support.get(m.id)?.basicMedical;
    if (coverage) fromSupport = true;
    const insured = coverage ? coverage.enrolled : m.medicalInsurance;
    if (!insured)
      return {
        state: 'not_met',
        fact: `member:${m.id}:${coverage ? 'coverage_not_enrolled' : 'no_medical_insurance'}`,
      };
  }
  return { state: 'met', fact: fromSupport ? 'support:coverage' : 'members:medical_insurance' };
}

/**
 * 义务教育: each active child of compulsory-education age on `today` (6–15 by the 31 August
 * cut-off of @fupin/reference) in school. An open dropout case, a latest enrollment other than
 * 在读, or (without an enrollment) the member's in-school flag unset → not met. No child of
 * that age → met (nothing to guarantee).
 */
export function compulsoryEducation(f: GuaranteeFacts, today: string): DerivedGuarantee {
  const term = termOfDay(today);
  const children = activeOf(f).filter((m) => compulsoryPlace(m.birthDate, term) !== null);
  if (children.length === 0) return { state: 'met', fact: 'no_compulsory_age_children' };
  const support = factsOf(f);
  let fromSupport = false;
  for (const m of children) {
    const s = support.get(m.id);
    if (s && s.openDropoutCases.length > 0)
      return { state: 'not_met', fact: `member:${m.id}:dropout_case_open` };
    if (s?.enrollment) {
      fromSupport = true;
      if (s.enrollment.status !== 'enrolled')
        return { state: 'not_met', fact: `member:${m.id}:enrollment_${s.enrollment.status}` };
    } else if (!m.inSchool) return { state: 'not_met', fact: `member:${m.id}:not_in_school` };
  }
  return { state: 'met', fact: fromSupport ? 'support:enrollment' : 'members:in_school' };
}

/** 饮水安全: the village's tap water item when recorded, else unknown (typed). */
export function safeWater(tapWater: boolean | null | undefined): DerivedGuarantee {
  if (tapWater === true) return { state: 'met', fact: 'village:safe_water' };
  if (tapWater === false) return { state: 'not_met', fact: 'village:no_safe_water' };
  return UNKNOWN;
}

/** Every guarantee as the facts say; 不愁吃 and 不愁穿 are typed only (unknown here). */
export function deriveGuarantees(
  f: GuaranteeFacts,
  today: string,
): Record<GuaranteeCode, DerivedGuarantee> {
  return {
    food: UNKNOWN,
    clothing: UNKNOWN,
    compulsory_education: compulsoryEducation(f, today),
    basic_medical: basicMedical(f),
    housing_safety: housingSafety(f.housingGrade),
    safe_water: safeWater(f.villageTapWater),
  };
}

/**
 * The state in force: a typed value with a reason overrides the derived one; a typed value
 * without a reason (an import cell, an old document) counts only where nothing is derived.
 */
export function resolveGuarantee(
  derived: DerivedGuarantee | null,
  typed: TypedGuarantee | null,
  note: string | null = null,
): GuaranteeRecord {
  const derivedKnown = derived !== null && derived.state !== 'unknown';
  const typedWins = typed !== null && (!!typed.reason || !derivedKnown);
  const state: GuaranteeState = typedWins ? typed.state : derivedKnown ? derived.state : 'unknown';
  return {
    state,
    met: state === 'met',
    source: typedWins ? 'typed' : derivedKnown ? 'derived' : 'none',
    derived,
    typed,
    note,
  };
}

/**
 * A stored guarantee in today's shape. A document from before the three states (`{met, note}`)
 * reads as a legacy typed value (met or not met, no reason); anything unreadable is unknown.
 */
export function readGuarantee(raw: unknown): GuaranteeRecord {
  if (!raw || typeof raw !== 'object') return resolveGuarantee(null, null);
  const r = raw as Partial<GuaranteeRecord> & { met?: unknown; note?: unknown };
  const note = typeof r.note === 'string' ? r.note : null;
  if (isState(r.state)) {
    const typed = r.typed && isState(r.typed.state) ? r.typed : null;
    const derived = r.derived && isState(r.derived.state) ? r.derived : null;
    return resolveGuarantee(derived, typed, note);
  }
  if (typeof r.met !== 'boolean') return resolveGuarantee(null, null, note);
  const legacy: TypedGuarantee = {
    state: r.met ? 'met' : 'not_met',
    reason: null,
    actorId: null,
    actorName: null,
    at: null,
    legacy: true,
  };
  return resolveGuarantee(null, legacy, note);
}

/** Every guarantee of a stored household read in today's shape (missing ones unknown). */
export function readGuarantees(raw: unknown): Guarantees {
  const g = (raw ?? {}) as Record<string, unknown>;
  return Object.fromEntries(GUARANTEES.map((k) => [k, readGuarantee(g[k])])) as Guarantees;
}

/** The guarantees with freshly derived values, each typed value kept. */
export function withDerived(
  current: Guarantees,
  derived: Record<GuaranteeCode, DerivedGuarantee>,
): Guarantees {
  return Object.fromEntries(
    GUARANTEES.map((k) => [k, resolveGuarantee(derived[k], current[k].typed, current[k].note)]),
  ) as Guarantees;
}

/** A new household's guarantees: every one unknown until typed or derived. */
export function unknownGuarantees(): Guarantees {
  return readGuarantees({});
}

/** Not met or unknown (unknown is never met). */
export function unmetGuarantees(g: Guarantees): GuaranteeCode[] {
  return GUARANTEES.filter((k) => g[k].state !== 'met');
}

export function guaranteesOfState(g: Guarantees, state: GuaranteeState): GuaranteeCode[] {
  return GUARANTEES.filter((k) => g[k].state === state);
}

/** What a household input states of one guarantee: the three states, or the old `{met}`. */
export interface GuaranteeInput {
  state?: GuaranteeState;
  met?: boolean;
  note?: string | null;
  reason?: string | null;
}

/** The typed value a household input states, or null when it states no state. */
export function typedOf(
  input: GuaranteeInput,
  by: { actorId: string; actorName: string; at: Date },
): TypedGuarantee | null {
  const state = input.state ?? (input.met === undefined ? null : input.met ? 'met' : 'not_met');
  if (!state) return null;
  const reason = input.reason?.trim() || null;
  return { state, reason, ...by };
}

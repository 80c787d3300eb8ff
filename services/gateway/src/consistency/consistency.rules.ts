import type { BenefitRow } from '@fupin/contracts';
import { type Bilingual, bi } from '@fupin/kit';
import { PovertyCause } from '@fupin/reference';
import { crossCheck, type MismatchKind } from '../ledger/ledger.crosscheck';

// 一户一档核对 — the consistency check's rules (issue 23, item 5): one household's dossier parts
// compared with each other, so the paper file matches the system before an inspection. Pure:
// what the parts hold in, the inconsistencies out; one function per comparison.

export const INCONSISTENCY_KINDS = [
  'person_not_a_member',
  'person_name_differs',
  'plan_cause_not_in_registry',
  'registry_cause_not_in_plan',
  'main_cause_differs',
  'measure_unpaid',
  'paid_without_measure',
] as const;
export type InconsistencyKind = (typeof INCONSISTENCY_KINDS)[number];

export const KIND_LABELS: Record<InconsistencyKind, Bilingual> = {
  person_not_a_member: bi('教育医疗人员不是建档立卡成员', 'Support person not a registry member'),
  person_name_differs: bi('人员姓名与建档立卡不一致', 'Name differs from the registry'),
  plan_cause_not_in_registry: bi(
    '一户一策致贫原因不在建档立卡中',
    'Plan cause not in the registry',
  ),
  registry_cause_not_in_plan: bi(
    '建档立卡致贫原因不在一户一策中',
    'Registry cause not in the plan',
  ),
  main_cause_differs: bi('主要致贫原因不一致', 'Main cause differs'),
  measure_unpaid: bi('措施已记录但资金未支付', 'Measure recorded but not paid by funds'),
  paid_without_measure: bi('资金已支付但无对应帮扶措施', 'Paid without a matching measure'),
};

/** One thing the parts of a household's dossier disagree on. */
export interface Inconsistency {
  householdId: string;
  householdNo: string;
  /** The household's village. */
  areaCode: string;
  kind: InconsistencyKind;
  message: Bilingual;
  details: Record<string, unknown>;
}

export interface HouseholdRef {
  householdId: string;
  householdNo: string;
  areaCode: string;
}

/** 家庭成员 as the registry's part shows them (the id is the member id support's persons carry). */
export interface RegistryMember {
  id: string;
  name: string;
  status: string;
}

/** Where support knows a person from. */
export type SupportSource = 'student' | 'insured' | 'inpatient';

/** A person the support service knows for the household, keyed by the registry's member id. */
export interface SupportPerson {
  personId: string;
  name: string;
  source: SupportSource;
}

const SOURCE_LABELS: Record<SupportSource, Bilingual> = {
  student: bi('在校生', 'student'),
  insured: bi('参保人员', 'insured person'),
  inpatient: bi('住院人员', 'in-patient'),
};

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * (a) The registry's members against support's persons: a person support knows (a student, an
 * insured person, an in-patient) who is no active member of the household in the registry
 * (removed, or never one) → person_not_a_member; an active member whose name support holds
 * otherwise → person_name_differs. One finding per person, naming every source they come from.
 */
export function membersAgainstSupport(
  h: HouseholdRef,
  members: RegistryMember[],
  persons: SupportPerson[],
): Inconsistency[] {
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Map<string, { name: string; sources: SupportSource[] }>();
  for (const p of persons) {
    const s = seen.get(p.personId) ?? { name: p.name, sources: [] };
    if (!s.sources.includes(p.source)) s.sources.push(p.source);
    seen.set(p.personId, s);
  }
  const found: Inconsistency[] = [];
  for (const [personId, { name, sources }] of seen) {
    const m = byId.get(personId);
    const zhSources = sources.map((s) => SOURCE_LABELS[s]['zh-CN']).join('、');
    const enSources = sources.map((s) => SOURCE_LABELS[s].en).join(', ');
    if (!m || m.status !== 'active') {
      found.push({
        ...h,
        kind: 'person_not_a_member',
        message: bi(
          `${zhSources}「${name}」不是该户建档立卡的在册成员${m ? '（已移除）' : ''}`,
          `The ${enSources} "${name}" is not a current member of the household in the registry${m ? ' (removed)' : ''}`,
        ),
        details: { personId, name, sources, memberStatus: m ? m.status : null },
      });
    } else if (!sameName(m.name, name)) {
      found.push({
        ...h,
        kind: 'person_name_differs',
        message: bi(
          `${zhSources}姓名「${name}」与建档立卡「${m.name}」不一致`,
          `The ${enSources}'s name "${name}" differs from the registry's "${m.name}"`,
        ),
        details: { personId, registryName: m.name, supportName: name, sources },
      });
    }
  }
  return found;
}

/** 致贫原因: the main cause and the other causes. */
export interface Causes {
  mainCause: string | null;
  otherCauses: string[];
}

const causeLabel = (code: string): Bilingual => {
  const c = (PovertyCause as Record<string, { zh: string; en: string } | undefined>)[code];
  return c ? bi(c.zh, c.en) : bi(code, code);
};

const allCauses = (c: Causes) => new Set([...(c.mainCause ? [c.mainCause] : []), ...c.otherCauses]);

/**
 * (b) 一户一策's causes against the registry's: a cause the plan names that the registry does
 * not (main or other) → plan_cause_not_in_registry; the reverse → registry_cause_not_in_plan;
 * the same causes with another main cause → main_cause_differs. The order of the other causes
 * means nothing. No plan, nothing to compare.
 */
export function planCausesAgainstRegistry(
  h: HouseholdRef,
  registry: Causes,
  plan: Causes | null,
): Inconsistency[] {
  if (!plan) return [];
  const inRegistry = allCauses(registry);
  const inPlan = allCauses(plan);
  const found: Inconsistency[] = [];
  for (const cause of inPlan)
    if (!inRegistry.has(cause)) {
      const l = causeLabel(cause);
      found.push({
        ...h,
        kind: 'plan_cause_not_in_registry',
        message: bi(
          `一户一策的致贫原因「${l['zh-CN']}」不在建档立卡中`,
          `The plan's cause "${l.en}" is not in the registry`,
        ),
        details: { cause },
      });
    }
  for (const cause of inRegistry)
    if (!inPlan.has(cause)) {
      const l = causeLabel(cause);
      found.push({
        ...h,
        kind: 'registry_cause_not_in_plan',
        message: bi(
          `建档立卡的致贫原因「${l['zh-CN']}」不在一户一策中`,
          `The registry's cause "${l.en}" is not in the plan`,
        ),
        details: { cause },
      });
    }
  if (!found.length && plan.mainCause !== registry.mainCause) {
    const [r, p] = [registry.mainCause, plan.mainCause].map((c) => (c ? causeLabel(c) : null));
    found.push({
      ...h,
      kind: 'main_cause_differs',
      message: bi(
        `主要致贫原因：建档立卡为「${r?.['zh-CN'] ?? '无'}」，一户一策为「${p?.['zh-CN'] ?? '无'}」`,
        `Main cause: "${r?.en ?? 'none'}" in the registry, "${p?.en ?? 'none'}" in the plan`,
      ),
      details: { registryMainCause: registry.mainCause, planMainCause: plan.mainCause },
    });
  }
  return found;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * (c) Measures' amounts against funds' payments: the 受益底册's cross-check (a measure recorded
 * but not paid, a payment without a measure) over an area's ledger rows, told per household.
 * A household not in `households` (not listed to the caller) keeps its id for a number.
 */
export function measuresAgainstPayments(
  rows: BenefitRow[],
  households: Map<string, HouseholdRef>,
): Inconsistency[] {
  return crossCheck(rows).map((m) => {
    const h = households.get(m.householdId);
    const kind: MismatchKind = m.kind;
    const amounts =
      kind === 'measure_unpaid'
        ? bi(
            `${m.year}年措施金额${yuan(m.measuredFen)}元，资金已付${yuan(m.paidFen)}元`,
            `${m.year}: measures ${yuan(m.measuredFen)} yuan, paid ${yuan(m.paidFen)} yuan`,
          )
        : bi(
            `${m.year}年资金已付${yuan(m.paidFen)}元，无对应措施`,
            `${m.year}: paid ${yuan(m.paidFen)} yuan with no measure`,
          );
    return {
      householdId: m.householdId,
      householdNo: h?.householdNo ?? m.householdId,
      areaCode: h?.areaCode ?? m.areaCode,
      kind,
      message: bi(
        `${m.message['zh-CN']}（${amounts['zh-CN']}）`,
        `${m.message.en} (${amounts.en})`,
      ),
      details: {
        year: m.year,
        projectId: m.projectId,
        measuredFen: m.measuredFen,
        paidFen: m.paidFen,
        rowIds: m.rowIds,
      },
    };
  });
}

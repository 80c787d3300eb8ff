import type { DossierTimelineEntry } from '@fupin/contracts';
import { bi, type Bilingual, type Bounded, bounded, timelineInstant } from '@fupin/kit';
import { HouseholdStatus, shanghaiDateOf } from '@fupin/reference';
import { readGuarantees } from '../households/guarantee.rules';
import { headPending } from '../households/head.rules';
import {
  GUARANTEES,
  type GuaranteeCode,
  type GuaranteeState,
  type HistoryEntry,
  type Household,
  type Member,
} from '../households/household.model';
import { totalIncomeFen } from '../households/household.rules';
import { WORKFLOW_KINDS, type WorkflowKind } from '../workflows/workflow.types';

// The registry's own sections of a household's dossier (pure): the household, its members
// (personal data masked), its status history, its guarantees and its income against the line.

/** Status changes shown; a household moves a few times a decade, so this is never reached. */
export const STATUS_HISTORY_LIMIT = 200;
export const MEMBER_LIMIT = 200;

/** 动态管理's labels: the reference statuses, and the registry's own two (as the console says them). */
export function statusLabel(status: string): Bilingual {
  if (status === 'candidate') return bi('识别中', 'Candidate (identification running)');
  if (status === 'cancelled') return bi('未通过识别', 'Not identified');
  const ref = (HouseholdStatus as Record<string, { zh: string; en: string } | undefined>)[status];
  return ref ? bi(ref.zh, ref.en) : bi(status, status);
}

export interface HouseholdSection {
  id: string;
  householdNo: string;
  areaCode: string;
  townshipCode: string;
  groupNo: number | null;
  address: string;
  status: string;
  statusLabel: Bilingual;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  size: number;
  /** 户主. */
  headName: string;
  headPending: boolean;
  identificationYear: number | null;
  exitYear: number | null;
  housingGrade: string | null;
  partyMember: boolean;
  /** Masked. */
  phone: string | null;
  bankName: string | null;
  /** Masked. */
  bankAccount: string | null;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

export function householdSection(h: Household): HouseholdSection {
  return {
    id: h._id,
    householdNo: h.householdNo,
    areaCode: h.areaCode,
    townshipCode: h.townshipCode,
    groupNo: h.groupNo,
    address: h.address,
    status: h.status,
    statusLabel: statusLabel(h.status),
    attribute: h.attribute,
    mainCause: h.mainCause,
    otherCauses: h.otherCauses ?? [],
    size: h.size,
    headName: h.headName,
    headPending: headPending(h.members),
    identificationYear: h.identificationYear,
    exitYear: h.exitYear,
    housingGrade: h.housingGrade,
    partyMember: h.partyMember,
    phone: h.phone?.masked ?? null,
    bankName: h.bankName,
    bankAccount: h.bankAccount?.masked ?? null,
    registeredAt: timelineInstant(h.createdAt),
    updatedAt: timelineInstant(h.updatedAt),
    revision: h.revision,
  };
}

/** A member as the dossier shows it: the ID number and phone masked, never in clear. */
export interface MemberEntry {
  id: string;
  name: string;
  relation: string;
  sex: string;
  birthDate: string;
  idNumber: string;
  ethnicity: string | null;
  educationLevel: string | null;
  health: string | null;
  disabilityGrade: string | null;
  labourCapacity: string | null;
  inSchool: boolean;
  schoolStage: string | null;
  migrantWork: Member['migrantWork'];
  medicalInsurance: boolean;
  pensionInsurance: boolean;
  minimumAllowance: boolean;
  destituteSupport: boolean;
  phone: string | null;
  status: Member['status'];
  removedReason: string | null;
  removedOn: string | null;
  deceased: boolean;
}

/** The members, the active ones first (in the registry's order), then the removed ones. */
export function membersSection(members: Member[]): Bounded<MemberEntry> {
  const ordered = [
    ...members.filter((m) => m.status === 'active'),
    ...members.filter((m) => m.status !== 'active'),
  ];
  return bounded(
    ordered.slice(0, MEMBER_LIMIT).map((m) => ({
      id: m.id,
      name: m.name,
      relation: m.relation,
      sex: m.sex,
      birthDate: m.birthDate,
      idNumber: m.idNumber.masked,
      ethnicity: m.ethnicity,
      educationLevel: m.educationLevel,
      health: m.health,
      disabilityGrade: m.disabilityGrade,
      labourCapacity: m.labourCapacity,
      inSchool: m.inSchool,
      schoolStage: m.schoolStage,
      migrantWork: {
        working: m.migrantWork?.working ?? false,
        place: m.migrantWork?.place ?? null,
        months: m.migrantWork?.months ?? null,
      },
      medicalInsurance: m.medicalInsurance,
      pensionInsurance: m.pensionInsurance,
      minimumAllowance: m.minimumAllowance,
      destituteSupport: m.destituteSupport,
      phone: m.phone?.masked ?? null,
      status: m.status,
      removedReason: m.removedReason,
      removedOn: m.removedAt ? shanghaiDateOf(new Date(m.removedAt)) : null,
      deceased: m.deceased === true,
    })),
    ordered.length,
  );
}

export interface StatusChange {
  at: string;
  /** Null for the registration (and for an import that did not say what it replaced). */
  from: string | null;
  to: string | null;
  /** The history's action: `registered`, `imported`, `<workflow>.<step>` (`exit.approve`). */
  action: string;
  /** The workflow that made the change, when one did. */
  workflow: WorkflowKind | null;
  reason: string | null;
  actorName: string;
  evidence: string[];
}

/** Whether a history entry records a status (the registration, or a change of it). */
export function isStatusChange(e: HistoryEntry): boolean {
  if (e.action === 'registered' || (e.action === 'imported' && e.from === null && e.to !== null))
    return true;
  if (e.to !== null && e.from !== e.to) return true;
  return (e.changed ?? []).includes('status');
}

function workflowOf(action: string): WorkflowKind | null {
  const kind = action.split('.')[0] as WorkflowKind;
  return action.includes('.') && WORKFLOW_KINDS.includes(kind) ? kind : null;
}

/** Every status change from the household's own history, newest first. */
export function statusHistorySection(history: HistoryEntry[]): Bounded<StatusChange> {
  const changes = history
    .filter(isStatusChange)
    .reverse()
    .map((e) => ({
      at: timelineInstant(e.at),
      from: e.from ?? null,
      to: e.to ?? null,
      action: e.action,
      workflow: workflowOf(e.action),
      reason: e.reason ?? null,
      actorName: e.actorName,
      evidence: e.evidence ?? [],
    }));
  return bounded(changes.slice(0, STATUS_HISTORY_LIMIT), changes.length);
}

export interface GuaranteeEntry {
  code: GuaranteeCode;
  state: GuaranteeState;
  source: 'derived' | 'typed' | 'none';
  note: string | null;
  /** The fact a derived state follows (`housing_grade:C` …). */
  fact: string | null;
  /** Why a person typed the state, who and when. */
  reason: string | null;
  typedBy: string | null;
  typedOn: string | null;
}

/** 两不愁三保障 + 饮水安全, in the reference's order. */
export function guaranteesSection(raw: unknown): GuaranteeEntry[] {
  const g = readGuarantees(raw);
  return GUARANTEES.map((code) => {
    const r = g[code];
    return {
      code,
      state: r.state,
      source: r.source,
      note: r.note,
      fact: r.derived?.fact ?? null,
      reason: r.typed?.reason ?? null,
      typedBy: r.typed?.actorName ?? null,
      typedOn: r.typed?.at ? shanghaiDateOf(new Date(r.typed.at)) : null,
    };
  });
}

export interface IncomeYear {
  year: number;
  wagesFen: number;
  productionFen: number;
  propertyFen: number;
  transferFen: number;
  totalFen: number;
  /** The household's size the per-capita figure is divided by (its active members now). */
  size: number;
  perCapitaFen: number | null;
  /** 扶贫标准 of that year for the household's province; null when none is kept for the year. */
  povertyLineFen: number | null;
  belowLine: boolean | null;
}

export interface IncomeSection {
  items: IncomeYear[];
  /** The registry keeps the latest year's income only: an earlier year is replaced, not kept. */
  kept: 'latest_year_only';
  note: Bilingual;
}

export function incomeSection(
  h: Pick<Household, 'income' | 'size' | 'perCapitaIncomeFen'>,
  lineOf: (year: number) => number | null,
): IncomeSection {
  const i = h.income;
  const items: IncomeYear[] = [];
  if (i) {
    const line = lineOf(i.year);
    const perCapita = h.perCapitaIncomeFen;
    items.push({
      year: i.year,
      wagesFen: i.wagesFen,
      productionFen: i.productionFen,
      propertyFen: i.propertyFen,
      transferFen: i.transferFen,
      totalFen: totalIncomeFen(i),
      size: h.size,
      perCapitaFen: perCapita,
      povertyLineFen: line,
      belowLine: perCapita === null || line === null ? null : perCapita < line,
    });
  }
  return {
    items,
    kept: 'latest_year_only',
    note: bi(
      '建档立卡系统只保存最近一个年度的收入，更早年度的收入在更新时已被替换',
      'The registry keeps the latest year of income only; an earlier year is replaced when updated',
    ),
  };
}

/** The registration and each status change, for the timeline. */
export function householdTimeline(h: Household, changes: StatusChange[]): DossierTimelineEntry[] {
  const ref = { resource: 'households', id: h._id };
  return changes.map((c) => {
    if (c.from === null && c.to !== null && ['registered', 'imported'].includes(c.action)) {
      const to = statusLabel(c.to);
      return {
        at: c.at,
        kind: 'registered',
        label: bi(
          `${c.action === 'imported' ? '导入' : ''}建档立卡登记（${to['zh-CN']}）`,
          `${c.action === 'imported' ? 'Imported into' : 'Registered in'} the registry (${to.en})`,
        ),
        ref,
      };
    }
    const from = c.from ? statusLabel(c.from) : bi('未知', 'unknown');
    const to = c.to ? statusLabel(c.to) : bi('未知', 'unknown');
    return {
      at: c.at,
      kind: 'status_changed',
      label: bi(
        `状态变更：${from['zh-CN']} → ${to['zh-CN']}`,
        `Status changed: ${from.en} → ${to.en}`,
      ),
      ref,
    };
  });
}

import type {
  DossierTimelineEntry,
  FindingConclusion,
  FindingOutcome,
  FindingStatus,
} from '@fupin/contracts';
import { bi, type Bilingual, timelineInstant } from '@fupin/kit';
import type { Evidence, Finding } from '../findings/finding.model';
import type { ListType } from '../lists/list-types';
import { RULES } from '../runs/rules';

// 比对问题 in a household's dossier (pure): each finding with its state, deadline and an evidence
// summary without personal data (no ID number, masked or not, no row cells, no other household),
// the counts by status, and the timeline of their workflow.

/** Findings shown, newest first. */
export const FINDING_LIMIT = 200;

/** What the evidence says, without personal data. */
export type EvidenceSummary =
  | {
      kind: 'list_row';
      listType: ListType;
      listDate: string;
      listVersion: number;
      row: number;
      /** The type's fact: the appraisal grade, or the recipient's area. */
      fact: string | null;
      mismatch: string[] | null;
      change: { kind: string; householdSize: number | null; sizeAfter: number | null } | null;
      wages: {
        incomeYear: number;
        reportedWageIncomeFen: number;
        wagesOnRecordFen: number;
        membersOnRecord: number;
      } | null;
      statement: Bilingual | null;
    }
  | {
      kind: 'not_on_list';
      lists: { listType: ListType; listDate: string; areaCode: string }[];
      ageOnListDate: number | null;
    }
  | {
      kind: 'registry';
      /** Households the person is in (their numbers and names are not repeated here). */
      households: number;
      perCapitaIncomeFen: number | null;
      povertyLineFen: number | null;
      incomeYear: number | null;
      householdStatus: string | null;
      exitYear: number | null;
      /** Guarantees not met or unknown. */
      guarantees: string[];
      statement: Bilingual | null;
    };

export function evidenceSummary(e: Evidence): EvidenceSummary {
  if (e.kind === 'list_row')
    return {
      kind: 'list_row',
      listType: e.listType,
      listDate: e.listDate,
      listVersion: e.listVersion,
      row: e.row,
      fact: e.fact,
      mismatch: e.mismatch ?? null,
      change: e.change
        ? {
            kind: e.change.kind,
            householdSize: e.change.householdSize,
            sizeAfter: e.change.sizeAfter,
          }
        : null,
      wages: e.wages
        ? {
            incomeYear: e.wages.incomeYear,
            reportedWageIncomeFen: e.wages.reportedWageIncomeFen,
            wagesOnRecordFen: e.wages.wagesOnRecordFen,
            membersOnRecord: e.wages.membersOnRecord,
          }
        : null,
      statement: e.statement ?? null,
    };
  if (e.kind === 'not_on_list')
    return {
      kind: 'not_on_list',
      lists: e.lists.map((l) => ({
        listType: l.listType,
        listDate: l.listDate,
        areaCode: l.areaCode,
      })),
      ageOnListDate: e.ageOnListDate ?? null,
    };
  return {
    kind: 'registry',
    households: e.households.length,
    perCapitaIncomeFen: e.perCapitaIncomeFen ?? null,
    povertyLineFen: e.povertyLineFen ?? null,
    incomeYear: e.incomeYear ?? null,
    householdStatus: e.householdStatus ?? null,
    exitYear: e.exitYear ?? null,
    guarantees: (e.guarantees ?? []).map((g) => g.code),
    statement: e.statement ?? null,
  };
}

export interface FindingEntry {
  id: string;
  rule: Finding['rule'];
  ruleVersion: number;
  ruleLabel: Bilingual;
  listType: ListType | null;
  subject: 'person' | 'household';
  memberId: string | null;
  memberName: string | null;
  areaCode: string;
  status: FindingStatus;
  conclusion: FindingConclusion | null;
  conclusionReasonCode: string | null;
  dueAt: string;
  /** Not closed once its deadline has passed. */
  overdue: boolean;
  createdAt: string;
  closedAt: string | null;
  lastSeenAt: string;
  confirmations: number;
  reopenings: number;
  /** 登记系统处理结果: the registry's latest outcome. */
  registryOutcome: { outcome: FindingOutcome; at: string } | null;
  evidence: EvidenceSummary;
}

export function findingEntry(f: Finding, now: Date): FindingEntry {
  const rule = RULES[f.rule];
  return {
    id: f._id,
    rule: f.rule,
    ruleVersion: f.ruleVersion,
    ruleLabel: rule ? bi(rule.zh, rule.en) : bi(f.rule, f.rule),
    listType: f.listType,
    subject: f.subject,
    memberId: f.memberId,
    memberName: f.memberName,
    areaCode: f.areaCode,
    status: f.status,
    conclusion: f.conclusion,
    conclusionReasonCode: f.conclusionReasonCode ?? null,
    dueAt: timelineInstant(f.dueAt),
    overdue: f.status !== 'closed' && new Date(f.dueAt).getTime() < now.getTime(),
    createdAt: timelineInstant(f.createdAt),
    closedAt: f.closedAt ? timelineInstant(f.closedAt) : null,
    lastSeenAt: timelineInstant(f.lastSeenAt),
    confirmations: f.confirmations,
    reopenings: f.reopenings ?? 0,
    registryOutcome: f.registryOutcome
      ? { outcome: f.registryOutcome.outcome, at: timelineInstant(f.registryOutcome.at) }
      : null,
    evidence: evidenceSummary(f.evidence),
  };
}

/** The findings of each status, and those overdue (of the findings counted). */
export type FindingCounts = Record<FindingStatus, number> & { open: number; overdue: number };

export function findingCounts(
  byStatus: Partial<Record<FindingStatus, number>>,
  overdue: number,
): FindingCounts {
  const n = (s: FindingStatus) => byStatus[s] ?? 0;
  return {
    assigned: n('assigned'),
    verified: n('verified'),
    rectified: n('rectified'),
    reviewed: n('reviewed'),
    closed: n('closed'),
    open: n('assigned') + n('verified') + n('rectified') + n('reviewed'),
    overdue,
  };
}

const STEP_LABELS: Record<Finding['history'][number]['action'], Bilingual> = {
  created: bi('比对发现问题', 'Finding raised'),
  verified: bi('核实', 'Verified'),
  rectified: bi('整改', 'Rectified'),
  reviewed: bi('初审', 'First review'),
  closed: bi('复核销号', 'Closed'),
  reopened: bi('重新发现，问题重新打开', 'Found again: reopened'),
  due: bi('督办：调整整改期限', 'Deadline set'),
};

const CONCLUSIONS: Record<FindingConclusion, Bilingual> = {
  confirmed: bi('属实', 'confirmed'),
  not_confirmed: bi('不属实', 'not confirmed'),
  data_corrected: bi('已更正数据', 'data corrected'),
};

const OUTCOMES: Record<FindingOutcome, Bilingual> = {
  member_removed: bi('已注销成员（死亡）', 'Member removed (deceased)'),
  clearance_opened: bi('已发起清退', 'Clearance (清退) opened'),
  clearance_approved: bi('清退已批准', 'Clearance approved'),
  clearance_rejected: bi('清退未通过', 'Clearance not approved'),
  candidate_opened: bi('已列为漏评线索', 'Opened as a missed-household candidate'),
  exclusion_proposed: bi('已提出排除条件待确认', 'Exclusion proposed for confirmation'),
  no_change: bi('无需变更', 'No change needed'),
  refused: bi('登记系统拒绝', 'Refused by the registry'),
};

/** Each step of each finding's workflow, and each outcome the registry reported for it. */
export function findingTimeline(findings: Finding[]): DossierTimelineEntry[] {
  return findings.flatMap((f) => {
    const rule = RULES[f.rule] ?? { zh: f.rule, en: f.rule };
    const ref = { resource: 'matching-findings', id: f._id };
    // Newest first, so steps of one instant stay newest first once the timeline is sorted.
    const steps: DossierTimelineEntry[] = [...(f.history ?? [])].reverse().map((s) => {
      const step = STEP_LABELS[s.action] ?? bi(s.action, s.action);
      const c = s.action === 'verified' && f.conclusion ? CONCLUSIONS[f.conclusion] : null;
      return {
        at: timelineInstant(s.at),
        kind: `finding_${s.action}`,
        label: bi(
          `${step['zh-CN']}${c ? `（${c['zh-CN']}）` : ''}：${rule.zh}`,
          `${step.en}${c ? ` (${c.en})` : ''}: ${rule.en}`,
        ),
        ref,
      };
    });
    const outcomes: DossierTimelineEntry[] = [...(f.registryOutcomes ?? [])].reverse().map((o) => {
      const label = OUTCOMES[o.outcome] ?? bi(o.outcome, o.outcome);
      return {
        at: timelineInstant(o.at),
        kind: 'finding_registry_outcome',
        label: bi(`登记系统处理结果：${label['zh-CN']}`, `The registry's outcome: ${label.en}`),
        ref,
      };
    });
    return [...outcomes, ...steps];
  });
}

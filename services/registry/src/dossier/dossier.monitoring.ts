import type { DossierTimelineEntry } from '@fupin/contracts';
import { type Bilingual, type Bounded, bi, bounded, timelineInstant } from '@fupin/kit';
import { fenToYuanString } from '@fupin/reference';
import type { FollowUpRecord } from '../monitoring/follow-up.model';
import { dueAtOf, type MonitoringWarning, type WarningStatus } from '../monitoring/warning.model';
import { ruleOf } from '../monitoring/warning-rules.table';
import type { SignalCode } from '../monitoring/warning.types';

// 防返贫监测 in a household's dossier (pure): its warnings, open and decided, with the rules that
// fired, the deadline and the decision; its monthly follow-ups; and their timeline.

/** Warnings shown, newest first: a screening raises at most one a month for a household. */
export const WARNING_LIMIT = 200;
/** Follow-up months shown, newest first (ten years). */
export const FOLLOW_UP_LIMIT = 120;

export interface WarningEntry {
  id: string;
  status: WarningStatus;
  /** Open once its deadline (an instant) has passed. */
  overdue: boolean;
  rules: {
    code: SignalCode;
    version: number;
    label: Bilingual;
    explanation: Bilingual;
    values: Record<string, number | string | null>;
  }[];
  suggestedCategory: string;
  /** The household's status when last screened. */
  householdStatus: string;
  raisedAt: string;
  dueAt: string;
  dueOn: string;
  lastScreenedAt: string;
  decision: {
    decision: 'confirmed' | 'dismissed';
    at: string;
    by: string;
    reason: string;
    evidence: string[];
    category: string | null;
  } | null;
}

export interface FollowUpEntry {
  month: string;
  incomeFen: number | null;
  size: number;
  /** The month's income over the household's size then (whole fen, floor). */
  perCapitaFen: number | null;
  homeCheckOn: string | null;
  note: string;
  recordedBy: string;
  recordedAt: string;
  /** Earlier versions of the month it replaced. */
  corrections: number;
}

export interface MonitoringSection {
  warnings: Bounded<WarningEntry>;
  /** Every warning of the household by status; `overdue` of the open ones. */
  counts: Record<WarningStatus, number> & { overdue: number };
  followUps: Bounded<FollowUpEntry>;
}

export function warningEntry(w: MonitoringWarning, now: Date): WarningEntry {
  const dueAt = dueAtOf(w);
  const d = w.decision;
  return {
    id: w._id,
    status: w.status,
    overdue: w.status === 'open' && dueAt.getTime() < now.getTime(),
    rules: (w.signals ?? []).map((s) => ({
      code: s.code,
      version: s.version,
      label: ruleOf(s.code).label,
      explanation: s.explanation,
      values: s.values,
    })),
    suggestedCategory: w.suggestedCategory,
    householdStatus: w.householdStatus,
    raisedAt: timelineInstant(w.raisedAt),
    dueAt: timelineInstant(dueAt),
    dueOn: w.dueOn,
    lastScreenedAt: timelineInstant(w.lastScreenedAt),
    decision: d && {
      decision: d.decision,
      at: timelineInstant(d.at),
      by: d.by.name,
      reason: d.reason,
      evidence: d.evidence ?? [],
      category: d.category ?? null,
    },
  };
}

export function followUpEntry(f: FollowUpRecord): FollowUpEntry {
  return {
    month: f.month,
    incomeFen: f.incomeFen,
    size: f.size,
    perCapitaFen: f.incomeFen === null || f.size <= 0 ? null : Math.floor(f.incomeFen / f.size),
    homeCheckOn: f.homeCheckOn,
    note: f.note,
    recordedBy: f.recordedBy.name,
    recordedAt: timelineInstant(f.recordedAt),
    corrections: (f.corrections ?? []).length,
  };
}

/**
 * The section from the warnings (newest first, at most the limit), the count of each status and
 * the follow-ups (newest month first, at most the limit, with how many there are).
 */
export function monitoringSection(input: {
  warnings: MonitoringWarning[];
  byStatus: Partial<Record<WarningStatus, number>>;
  followUps: Bounded<FollowUpRecord>;
  now: Date;
}): MonitoringSection {
  const warnings = input.warnings.map((w) => warningEntry(w, input.now));
  const total =
    (input.byStatus.open ?? 0) + (input.byStatus.confirmed ?? 0) + (input.byStatus.dismissed ?? 0);
  return {
    warnings: bounded(warnings, Math.max(total, warnings.length)),
    counts: {
      open: input.byStatus.open ?? 0,
      confirmed: input.byStatus.confirmed ?? 0,
      dismissed: input.byStatus.dismissed ?? 0,
      // A household has one open warning at most, the latest raised: always among those shown.
      overdue: warnings.filter((w) => w.overdue).length,
    },
    followUps: bounded(input.followUps.items.map(followUpEntry), input.followUps.total),
  };
}

const EVENT_KINDS: Record<string, { kind: string; zh: string; en: string }> = {
  raised: { kind: 'warning_raised', zh: '防返贫预警', en: 'Monitoring warning raised' },
  confirmed: { kind: 'warning_confirmed', zh: '预警核实属实', en: 'Warning confirmed' },
  dismissed: { kind: 'warning_dismissed', zh: '预警核实排除', en: 'Warning dismissed' },
  due_changed: { kind: 'warning_due_changed', zh: '预警督办', en: "Warning's deadline set" },
};

/** Each warning raised, decided or given a deadline, and each month followed up. */
export function monitoringTimeline(
  householdId: string,
  warnings: MonitoringWarning[],
  followUps: FollowUpRecord[],
): DossierTimelineEntry[] {
  const out: DossierTimelineEntry[] = [];
  for (const w of warnings) {
    const rules = (w.signals ?? []).map((s) => ruleOf(s.code).label);
    const zhRules = rules.map((r) => r['zh-CN']).join('、');
    const enRules = rules.map((r) => r.en).join(', ');
    for (const e of [...(w.events ?? [])].reverse()) {
      const k = EVENT_KINDS[e.action];
      if (!k) continue;
      out.push({
        at: timelineInstant(e.at),
        kind: k.kind,
        label:
          e.action === 'raised'
            ? bi(`${k.zh}：${zhRules}`, `${k.en}: ${enRules}`)
            : bi(`${k.zh}${e.note ? `：${e.note}` : ''}`, `${k.en}${e.note ? `: ${e.note}` : ''}`),
        ref: { resource: 'monitoring-warnings', id: w._id },
      });
    }
  }
  for (const f of followUps) {
    const income = f.incomeFen === null ? null : fenToYuanString(f.incomeFen);
    out.push({
      at: timelineInstant(f.recordedAt),
      kind: 'follow_up',
      label: bi(
        `帮扶跟踪（${f.month}）${income === null ? '' : `：家庭收入 ¥${income}`}${f.homeCheckOn ? `，入户核查 ${f.homeCheckOn}` : ''}`,
        `Follow-up (${f.month})${income === null ? '' : `: household income ¥${income}`}${f.homeCheckOn ? `, home check ${f.homeCheckOn}` : ''}`,
      ),
      ref: { resource: 'households', id: householdId },
    });
  }
  return out;
}

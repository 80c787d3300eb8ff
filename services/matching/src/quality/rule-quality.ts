import type { FindingConclusion, MatchingRuleCode } from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import type { DismissalReason } from '../findings/finding-dismissal';
import type { Finding } from '../findings/finding.model';
import { supplierOf } from '../lists/list-departments';
import type { ListType } from '../lists/list-types';

// 规则质量 — how good each rule is: of the findings decided in a period, how many the townships
// confirmed and how many they dismissed as not a problem (by reason), and what was still
// pending at the period's end. Pure: the service streams the findings in.

/** The fields of a finding the figures read. */
export type QualityFinding = Pick<
  Finding,
  | '_id'
  | 'rule'
  | 'listType'
  | 'evidence'
  | 'conclusion'
  | 'conclusionReasonCode'
  | 'verifiedBy'
  | 'createdAt'
  | 'dueAt'
  | 'roundStartedAt'
  | 'rounds'
>;

export interface Figures {
  /** Decided in the period as 属实. */
  confirmed: number;
  /** Decided as 已更正数据: the registry was corrected, neither confirmed nor dismissed. */
  dataCorrected: number;
  /** Decided as 不属实 (dismissed as not a problem). */
  dismissed: number;
  /** By dismissal reason; `uncoded` for dismissals recorded before the codes. */
  dismissedBy: Partial<Record<DismissalReason | 'uncoded', number>>;
  decided: number;
  /** Not decided at the period's end (found by then, verified later or not yet). */
  pending: number;
  /** Of the pending, those past their deadline at the period's end. */
  overdue: number;
  /** confirmed ÷ decided, null when nothing was decided. */
  confirmationRate: number | null;
}

export interface MonthFigures extends Figures {
  /** `YYYY-MM`, the Asia/Shanghai month of the decisions. */
  month: string;
}

export interface Row extends Figures {
  months: MonthFigures[];
}

export interface RuleQuality {
  from: string;
  to: string;
  listType: ListType | null;
  totals: Row;
  byRule: (Row & { rule: MatchingRuleCode })[];
  byListType: (Row & { listType: ListType; department: string })[];
  byList: (Row & { listId: string; listType: ListType; listDate: string; listVersion: number })[];
}

interface Decision {
  at: Date;
  conclusion: FindingConclusion;
  code: DismissalReason | null;
}

const blank = (): Figures => ({
  confirmed: 0,
  dataCorrected: 0,
  dismissed: 0,
  dismissedBy: {},
  decided: 0,
  pending: 0,
  overdue: 0,
  confirmationRate: null,
});

class Tally {
  readonly all = blank();
  readonly months = new Map<string, Figures>();

  decide(d: Decision): void {
    const month = shanghaiDateOf(d.at).slice(0, 7);
    let m = this.months.get(month);
    if (!m) this.months.set(month, (m = blank()));
    for (const f of [this.all, m]) {
      f.decided++;
      if (d.conclusion === 'confirmed') f.confirmed++;
      else if (d.conclusion === 'data_corrected') f.dataCorrected++;
      else {
        f.dismissed++;
        const code = d.code ?? 'uncoded';
        f.dismissedBy[code] = (f.dismissedBy[code] ?? 0) + 1;
      }
    }
  }

  row(): Row {
    const rate = (f: Figures): Figures => ({
      ...f,
      confirmationRate: f.decided ? Math.round((f.confirmed / f.decided) * 10000) / 10000 : null,
    });
    const months = [...this.months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, f]) => ({ month, ...rate(f) }));
    return { ...rate(this.all), months };
  }
}

/** A finding's rounds as (start, decision): its earlier, reopened rounds and the current one. */
function roundsOf(
  f: QualityFinding,
): { start: Date; decision: Decision | null; current: boolean }[] {
  const decision = (
    c: FindingConclusion | null,
    by: { at: Date } | null,
    code: DismissalReason | null | undefined,
  ): Decision | null =>
    c && by ? { at: new Date(by.at), conclusion: c, code: code ?? null } : null;
  return [
    ...(f.rounds ?? []).map((r) => ({
      start: new Date(r.startedAt),
      decision: decision(r.conclusion, r.verifiedBy, r.conclusionReasonCode),
      current: false,
    })),
    {
      start: new Date(f.roundStartedAt ?? f.createdAt),
      decision: decision(f.conclusion, f.verifiedBy, f.conclusionReasonCode),
      current: true,
    },
  ];
}

/** The lists a finding rests on: the row's list, or each list the person was missing from. */
function listsOf(
  f: QualityFinding,
): { listId: string; listType: ListType; listDate: string; listVersion: number }[] {
  const e = f.evidence;
  if (e.kind === 'list_row') return [e];
  if (e.kind === 'not_on_list') return e.lists;
  return [];
}

/**
 * The figures of the period [start, end) (instants; the days `from`..`to` in Asia/Shanghai):
 * a decision counts in the period its verification falls in, a round pending when it started
 * before the end and was not decided before it.
 */
export class QualityCounter {
  private readonly totals = new Tally();
  private readonly rules = new Map<MatchingRuleCode, Tally>();
  private readonly types = new Map<ListType, Tally>();
  private readonly lists = new Map<string, { key: ReturnType<typeof listsOf>[number]; t: Tally }>();

  constructor(
    private readonly period: { from: string; to: string; start: Date; end: Date },
    private readonly listType: ListType | null,
  ) {}

  add(f: QualityFinding): void {
    const { start, end } = this.period;
    const tallies = this.talliesOf(f);
    for (const r of roundsOf(f)) {
      if (r.start >= end) continue;
      const d = r.decision;
      if (d && d.at >= start && d.at < end) for (const t of tallies) t.decide(d);
      if (!d || d.at >= end)
        for (const t of tallies) {
          t.all.pending++;
          // The deadline is the current round's (an earlier round's is not kept).
          if (r.current && new Date(f.dueAt) < end) t.all.overdue++;
        }
    }
  }

  private talliesOf(f: QualityFinding): Tally[] {
    const out = [this.totals, at(this.rules, f.rule)];
    if (f.listType) out.push(at(this.types, f.listType));
    for (const l of listsOf(f)) {
      let e = this.lists.get(l.listId);
      if (!e) this.lists.set(l.listId, (e = { key: l, t: new Tally() }));
      out.push(e.t);
    }
    return out;
  }

  result(): RuleQuality {
    return {
      from: this.period.from,
      to: this.period.to,
      listType: this.listType,
      totals: this.totals.row(),
      byRule: [...this.rules.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([rule, t]) => ({ rule, ...t.row() })),
      byListType: [...this.types.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([listType, t]) => ({
          listType,
          department: supplierOf(listType) ?? 'other',
          ...t.row(),
        })),
      byList: [...this.lists.values()]
        .sort(
          (a, b) =>
            b.key.listDate.localeCompare(a.key.listDate) ||
            a.key.listId.localeCompare(b.key.listId),
        )
        .map(({ key, t }) => ({
          listId: key.listId,
          listType: key.listType,
          listDate: key.listDate,
          listVersion: key.listVersion,
          ...t.row(),
        })),
    };
  }
}

function at<K>(m: Map<K, Tally>, k: K): Tally {
  let t = m.get(k);
  if (!t) m.set(k, (t = new Tally()));
  return t;
}

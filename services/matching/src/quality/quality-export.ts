import type { Writable } from 'node:stream';
import { type SheetColumn, writeSheet } from '@fupin/kit';
import { DISMISSAL_REASON_CODES, DISMISSAL_REASONS } from '../findings/finding-dismissal';
import { LIST_TYPES } from '../lists/list-types';
import { RULES } from '../runs/rules';
import type { Figures, Row, RuleQuality } from './rule-quality';

/** One line of the sheet: a rule, list type or list, for the whole period or one month. */
interface Line extends Figures {
  dimension: string;
  key: string;
  name: string;
  month: string;
}

function linesOf(dimension: string, key: string, name: string, r: Row): Line[] {
  const { months, ...all } = r;
  return [
    { dimension, key, name, month: '合计', ...all },
    ...months.map(({ month, ...m }) => ({ dimension, key, name, month, ...m })),
  ];
}

const typeName = (t: string) => (LIST_TYPES as Record<string, { zh: string }>)[t]?.zh ?? t;

/** The figures as lines: totals, then by rule, by list type and by list, each with its months. */
export function qualityLines(q: RuleQuality): Line[] {
  return [
    ...linesOf('合计', '', '全部规则', q.totals),
    ...q.byRule.flatMap((r) => linesOf('规则', r.rule, RULES[r.rule]?.zh ?? r.rule, r)),
    ...q.byListType.flatMap((r) => linesOf('名单类型', r.listType, typeName(r.listType), r)),
    ...q.byList.flatMap((r) =>
      linesOf('名单', r.listId, `${typeName(r.listType)} ${r.listDate} 第${r.listVersion}版`, r),
    ),
  ];
}

const columns: SheetColumn<Line>[] = [
  { header: '维度', value: (l) => l.dimension },
  { header: '代码', text: true, width: 38, value: (l) => l.key },
  { header: '名称', width: 40, value: (l) => l.name },
  { header: '月份', value: (l) => l.month },
  { header: '属实', value: (l) => l.confirmed },
  { header: '已更正数据', value: (l) => l.dataCorrected },
  { header: '不属实', value: (l) => l.dismissed },
  ...DISMISSAL_REASON_CODES.map((c): SheetColumn<Line> => ({
    header: `不属实：${DISMISSAL_REASONS[c].zh}`,
    width: 20,
    value: (l) => l.dismissedBy[c] ?? 0,
  })),
  { header: '不属实：未注明原因', value: (l) => l.dismissedBy.uncoded ?? 0 },
  { header: '已核实', value: (l) => l.decided },
  { header: '期末待核实', value: (l) => (l.month === '合计' ? l.pending : null) },
  { header: '期末逾期', value: (l) => (l.month === '合计' ? l.overdue : null) },
  {
    header: '属实率（%）',
    value: (l) =>
      l.confirmationRate === null ? null : Math.round(l.confirmationRate * 10000) / 100,
  },
];

/** 规则质量导出 — one worksheet; no personal data, only counts. */
export function writeQuality(
  out: Writable,
  q: RuleQuality,
  beforeBatch: (lines: Line[]) => Promise<void>,
): Promise<number> {
  return writeSheet<Line>(out, {
    name: `规则质量 ${q.from}至${q.to}`,
    batchSize: 1000,
    beforeBatch,
    rows: qualityLines(q),
    columns,
  });
}

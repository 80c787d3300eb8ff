import type { BenefitRow, BenefitSource } from '@fupin/contracts';
import { type SheetColumn, type writeSheets } from '@fupin/kit';
import { PART_NAMES } from '../dossier/dossier.assembly';
import type { HouseholdYearTotal, LedgerSourceView } from './ledger.assembly';
import type { Mismatch } from './ledger.crosscheck';

// The 受益底册 workbook: the rows, the totals by household × year × source, and 不一致 (the
// cross-check); a fourth sheet 说明 says which sources were left out, and why, when any was.

const KIND_NAMES: Record<string, string> = {
  education_subsidy: '教育补助',
  tuition_waiver: '学费减免',
  medical_top_up: '医疗救助',
  measure: '帮扶措施',
  payment: '资金拨付',
  loan: '小额信贷',
  loan_discount: '贴息',
};
const STATUS_NAMES: Record<BenefitRow['status'], string> = {
  paid: '已支付',
  granted: '已发放',
  recorded: '已记录未支付',
};

/** Yuan as a number, so the sheet's amounts add up in Excel. */
const yuan = (fen: number) => fen / 100;
const sourceName = (s: BenefitSource) => PART_NAMES[s]['zh-CN'];

export interface LedgerWorkbook {
  rows: BenefitRow[];
  totals: HouseholdYearTotal[];
  mismatches: Mismatch[];
  sources: LedgerSourceView[];
  /** Why the cross-check could not be made (assistance or funds left out), when it could not. */
  uncheckedBecause: string | null;
  /** 户号 by household id (the household id where the registry did not give one). */
  numbers: Map<string, string>;
}

export function ledgerSheets(
  w: LedgerWorkbook,
  beforeBatch: (rows: BenefitRow[]) => Promise<void>,
): Parameters<typeof writeSheets>[1] {
  const no = (id: string) => w.numbers.get(id) ?? id;
  const rowColumns: SheetColumn<BenefitRow>[] = [
    { header: '户号', value: (r) => no(r.householdId), text: true, width: 22 },
    { header: '年度', value: (r) => r.year },
    { header: '来源', value: (r) => sourceName(r.source) },
    { header: '类别', value: (r) => KIND_NAMES[r.kind] ?? r.kind },
    { header: '内容', value: (r) => r.label['zh-CN'], width: 30 },
    { header: '金额（元）', value: (r) => yuan(r.amountFen) },
    { header: '日期', value: (r) => r.on },
    { header: '状态', value: (r) => STATUS_NAMES[r.status] },
    { header: '项目', value: (r) => r.projectId, text: true, width: 26 },
  ];
  const totalColumns: SheetColumn<HouseholdYearTotal>[] = [
    { header: '户号', value: (t) => no(t.householdId), text: true, width: 22 },
    { header: '年度', value: (t) => t.year },
    { header: '来源', value: (t) => sourceName(t.source) },
    { header: '笔数', value: (t) => t.count },
    { header: '合计（元）', value: (t) => yuan(t.totalFen) },
    { header: '已支付（元）', value: (t) => yuan(t.paidFen) },
  ];
  const mismatchColumns: SheetColumn<Mismatch>[] = [
    { header: '户号', value: (m) => no(m.householdId), text: true, width: 22 },
    { header: '年度', value: (m) => m.year },
    { header: '项目', value: (m) => m.projectId, text: true, width: 26 },
    { header: '问题', value: (m) => m.message['zh-CN'], width: 30 },
    { header: '措施金额（元）', value: (m) => yuan(m.measuredFen) },
    { header: '已支付（元）', value: (m) => yuan(m.paidFen) },
  ];
  const notes = [
    ...w.sources.flatMap((s) => (s.status === 'ok' ? [] : [s.message['zh-CN']])),
    ...(w.uncheckedBecause ? [w.uncheckedBecause] : []),
  ];
  const sheets = [
    { name: '受益明细', columns: rowColumns, rows: w.rows, beforeBatch },
    { name: '汇总', columns: totalColumns, rows: w.totals },
    { name: '不一致', columns: mismatchColumns, rows: w.mismatches },
    ...(notes.length
      ? [
          {
            name: '说明',
            columns: [{ header: '说明', value: (n: string) => n, width: 60 }],
            rows: notes,
          },
        ]
      : []),
  ];
  return sheets;
}

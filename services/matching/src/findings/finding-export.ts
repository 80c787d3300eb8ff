import type { Writable } from 'node:stream';
import type { FindingOutcome } from '@fupin/contracts';
import { writeSheet } from '@fupin/kit';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { LIST_TYPES } from '../lists/list-types';
import { RULES } from '../runs/rules';
import type { FindingView } from './finding.service';

dayjs.extend(utc);
dayjs.extend(timezone);

const STATUS_ZH: Record<FindingView['status'], string> = {
  assigned: '待核实',
  verified: '已核实',
  rectified: '已整改',
  reviewed: '待复核销号',
  closed: '已销号',
};
const CONCLUSION_ZH = { confirmed: '属实', not_confirmed: '不属实', data_corrected: '已更正数据' };
/** 登记系统处理结果 as the console names them. */
const OUTCOME_ZH: Record<FindingOutcome, string> = {
  member_removed: '已注销成员（死亡）',
  clearance_opened: '已发起清退',
  clearance_approved: '清退已批准',
  clearance_rejected: '清退未通过',
  candidate_opened: '已列为漏评线索',
  exclusion_proposed: '已提出排除条件待确认',
  no_change: '无需变更',
  refused: '登记系统拒绝',
};

/** Times are shown in Asia/Shanghai, as the people reading the sheet live there. */
const shanghai = (d: Date | null) =>
  d ? dayjs(d).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm') : '';

/** 比对问题导出 — findings as one worksheet; evidence is already masked. */
export function writeFindings(
  out: Writable,
  rows: AsyncIterable<FindingView>,
  opts: { beforeBatch: (batch: FindingView[]) => Promise<void> },
): Promise<number> {
  return writeSheet<FindingView>(out, {
    name: '比对问题',
    batchSize: 500,
    beforeBatch: opts.beforeBatch,
    rows,
    columns: [
      { header: '问题编号', text: true, width: 34, value: (f) => f.id },
      { header: '规则', value: (f) => f.rule, width: 24 },
      { header: '问题说明', value: (f) => RULES[f.rule].zh, width: 40 },
      { header: '状态', value: (f) => STATUS_ZH[f.status] },
      { header: '逾期', value: (f) => (f.overdue ? '是' : '否') },
      { header: '乡镇代码', text: true, value: (f) => f.townshipCode, width: 14 },
      { header: '区划代码', text: true, value: (f) => f.areaCode, width: 14 },
      { header: '户编号', text: true, value: (f) => f.householdNo },
      { header: '姓名', value: (f) => f.memberName },
      {
        header: '身份证号（脱敏）',
        text: true,
        width: 20,
        value: (f) => (f.evidence.kind === 'list_row' ? f.evidence.idMasked : null),
      },
      {
        header: '名单',
        width: 24,
        value: (f) =>
          f.evidence.kind === 'list_row'
            ? LIST_TYPES[f.evidence.listType].zh
            : f.evidence.kind === 'not_on_list'
              ? f.evidence.lists.map((l) => LIST_TYPES[l.listType].zh).join('、')
              : '建档立卡',
      },
      {
        header: '名单行号',
        value: (f) => (f.evidence.kind === 'list_row' ? f.evidence.row : null),
      },
      { header: '核实结论', value: (f) => (f.conclusion ? CONCLUSION_ZH[f.conclusion] : null) },
      { header: '原因', value: (f) => f.conclusionReason, width: 30 },
      { header: '整改情况', value: (f) => f.rectification?.note ?? null, width: 30 },
      { header: '初审人', value: (f) => f.review?.name ?? null },
      { header: '复核销号人', value: (f) => f.closing?.name ?? null },
      { header: '发现时间', value: (f) => shanghai(f.createdAt), width: 18 },
      { header: '整改期限', value: (f) => shanghai(f.dueAt), width: 18 },
      { header: '销号时间', value: (f) => shanghai(f.closedAt), width: 18 },
      { header: '比对次数', value: (f) => f.confirmations },
      { header: '重新打开次数', value: (f) => f.reopenings ?? 0 },
      {
        header: '依据说明',
        width: 50,
        value: (f) =>
          'statement' in f.evidence ? (f.evidence.statement?.['zh-CN'] ?? null) : null,
      },
      {
        header: '登记系统处理结果',
        width: 24,
        value: (f) =>
          f.registryOutcome
            ? `${OUTCOME_ZH[f.registryOutcome.outcome]}${f.registryOutcome.reason ? `：${f.registryOutcome.reason}` : ''}`
            : null,
      },
      { header: '销号原因', value: (f) => f.closing?.reason ?? null, width: 30 },
    ],
  });
}

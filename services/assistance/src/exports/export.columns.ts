import type { ProjectedHousehold, SheetColumn } from '@fupin/kit';
import {
  HelperRank,
  HouseholdStatus,
  isCodeOf,
  labelOf,
  MeasureCategory,
  PovertyCause,
  type EnumDefinition,
} from '@fupin/reference';
import { fenToYuanString } from '@fupin/reference';
import type { Helper } from '../helpers/helper.model';
import { headNameOf } from '../households/household.directory';
import type { Measure } from '../measures/measure.model';
import type { Pairing } from '../pairings/pairing.model';
import type { Plan } from '../plans/plan.model';
import type { UnvisitedRow } from '../visits/visit.service';
import type { Visit } from '../visits/visit.model';

/** The columns of each exported list: Chinese headers, labels instead of codes, yuan for fen. */

const label = (e: EnumDefinition, code: string | null) =>
  code === null ? '' : isCodeOf(e, code) ? labelOf(e, code, 'zh-CN') : code;
const yuan = (fen: number | null) =>
  fen === null ? '' : fenToYuanString(fen, { grouping: false });
const ROLE: Record<string, string> = { key: '重点帮扶', contact: '联系' };
const STATUS: Record<string, string> = {
  planned: '计划',
  in_progress: '实施中',
  done: '已完成',
  cancelled: '已取消',
  active: '在帮',
  ended: '已结束',
  inactive: '停用',
};

export const HELPER_COLUMNS = (phone: (h: Helper) => string | null): SheetColumn<Helper>[] => [
  { header: '姓名', value: (h) => h.name },
  { header: '工作单位', width: 24, value: (h) => h.unit },
  { header: '职级', value: (h) => label(HelperRank, h.rank) },
  { header: '职务', value: (h) => h.position },
  { header: '联系电话', text: true, width: 16, value: phone },
  { header: '所在地区代码', text: true, width: 16, value: (h) => h.areaCode },
  { header: '重点帮扶户数', value: (h) => h.load.key },
  { header: '联系户数', value: (h) => h.load.contact },
  { header: '状态', value: (h) => STATUS[h.status] ?? h.status },
];

export const PAIRING_COLUMNS: SheetColumn<Pairing>[] = [
  { header: '户编号', text: true, width: 16, value: (p) => p.householdNo },
  { header: '行政村代码', text: true, width: 16, value: (p) => p.areaCode },
  { header: '帮扶干部', value: (p) => p.helperName },
  { header: '工作单位', width: 24, value: (p) => p.helperUnit },
  { header: '职级', value: (p) => label(HelperRank, p.helperRank) },
  { header: '帮扶类型', value: (p) => ROLE[p.role] ?? p.role },
  { header: '开始日期', value: (p) => p.startDate },
  { header: '结束日期', value: (p) => p.endDate },
  { header: '状态', value: (p) => STATUS[p.status] ?? p.status },
  { header: '结束原因', width: 24, value: (p) => p.endReason },
];

export const MEASURE_COLUMNS: SheetColumn<Measure>[] = [
  { header: '户编号', text: true, width: 16, value: (m) => m.householdNo },
  { header: '行政村代码', text: true, width: 16, value: (m) => m.areaCode },
  { header: '措施类别', width: 22, value: (m) => label(MeasureCategory, m.category) },
  { header: '措施', width: 20, value: (m) => m.type },
  { header: '内容', width: 40, value: (m) => m.description },
  { header: '金额或价值（元）', text: true, value: (m) => yuan(m.amountFen) },
  { header: '数量', value: (m) => m.quantity },
  { header: '单位', value: (m) => m.unit },
  { header: '开始日期', value: (m) => m.startDate },
  { header: '结束日期', value: (m) => m.endDate },
  { header: '状态', value: (m) => STATUS[m.status] ?? m.status },
  { header: '责任人', value: (m) => m.helperName },
  { header: '关联项目', text: true, value: (m) => m.projectId },
];

export const VISIT_COLUMNS: SheetColumn<Visit>[] = [
  { header: '走访日期', value: (v) => v.date },
  { header: '户编号', text: true, width: 16, value: (v) => v.householdNo },
  { header: '行政村代码', text: true, width: 16, value: (v) => v.areaCode },
  { header: '帮扶干部', value: (v) => v.helperName },
  { header: '发现的情况', width: 40, value: (v) => v.findings },
  { header: '开展的工作', width: 40, value: (v) => v.actions },
  { header: '下一步', width: 40, value: (v) => v.nextSteps },
  { header: '照片数', value: (v) => v.photos.length },
  { header: '录入时间', width: 20, value: (v) => v.recordedAt },
  { header: '补录（超过10天）', value: (v) => (v.lateEntry ? '是' : '否') },
];

export const PLAN_COLUMNS: SheetColumn<Plan>[] = [
  { header: '户编号', text: true, width: 16, value: (p) => p.householdNo },
  { header: '行政村代码', text: true, width: 16, value: (p) => p.areaCode },
  { header: '主要致贫原因', value: (p) => label(PovertyCause, p.causes.mainCause) },
  {
    header: '其他致贫原因',
    width: 24,
    value: (p) => p.causes.otherCauses.map((c) => label(PovertyCause, c)).join('、'),
  },
  { header: '帮扶思路', width: 50, value: (p) => p.summary },
  {
    header: '年度目标',
    width: 40,
    value: (p) =>
      p.targets
        .map(
          (t) =>
            `${t.year}年 人均${yuan(t.perCapitaIncomeFen) || '-'}元${t.exit ? ' 计划脱贫' : ''}`,
        )
        .join('；'),
  },
  { header: '进度（%）', value: (p) => p.progressPercent },
  { header: '更新时间', width: 20, value: (p) => p.updatedAt },
];

export const UNVISITED_COLUMNS: SheetColumn<UnvisitedRow>[] = [
  { header: '月份', value: (r) => r.month },
  { header: '户编号', text: true, width: 16, value: (r) => r.householdNo },
  { header: '户主', value: (r) => r.headName },
  { header: '行政村代码', text: true, width: 16, value: (r) => r.areaCode },
  {
    header: '未走访的帮扶干部',
    width: 30,
    value: (r) => r.helpers.map((h) => h.helperName).join('、'),
  },
  { header: '最近走访日期', value: (r) => r.lastVisitDate },
];

export const HOUSEHOLD_COLUMNS: SheetColumn<ProjectedHousehold>[] = [
  { header: '户编号', text: true, width: 16, value: (h) => h.householdNo },
  { header: '户主', value: (h) => headNameOf(h) },
  { header: '行政村代码', text: true, width: 16, value: (h) => h.areaCode },
  { header: '状态', value: (h) => label(HouseholdStatus, h.status) },
  { header: '主要致贫原因', value: (h) => label(PovertyCause, h.mainCause) },
  { header: '人口', value: (h) => h.size },
];

import { bi, type Bilingual } from '@fupin/kit';
import { fenToYuanString } from '@fupin/reference';
import { SIGNAL_CODES, type SignalCode } from './warning.types';

// The rule table of 防返贫监测预警 as versioned reference data: what each signal reads, where the
// facts come from and when it fires. The rules themselves are in warning.rules.ts; a change of
// what a rule decides from the same facts raises its version here.

/** 监测线 by default: 1.5 × the poverty line of the income's year (a county may set its own). */
export const DEFAULT_MONITORING_LINE_FACTOR = 1.5;
/** Out-of-pocket medical costs over the lookback above this fire the medical rule (¥20,000). */
export const DEFAULT_MEDICAL_THRESHOLD_FEN = 2_000_000;
/** How far back the screening looks: a day counts when after today minus this, up to today. */
export const LOOKBACK_MONTHS = 12;

/** Where a rule's facts come from: the registry's own record, support's events, or township staff. */
export type WarningRuleSource = 'registry' | 'support' | 'disaster';

/** One rule of the table: what it reads and when it fires, in both languages. */
export interface WarningRule {
  code: SignalCode;
  version: number;
  label: Bilingual;
  inputs: Bilingual;
  threshold: Bilingual;
  source: WarningRuleSource;
}

const medicalDefault = fenToYuanString(DEFAULT_MEDICAL_THRESHOLD_FEN);

export const WARNING_RULES: readonly WarningRule[] = [
  {
    code: 'income_below_monitoring_line',
    version: 1,
    label: bi('收入低于监测线', 'Income below the monitoring line'),
    inputs: bi(
      '登记的家庭年人均纯收入及其年度（贫困户信息）',
      "The registered per-capita net income and its year (the household's record)",
    ),
    threshold: bi(
      `低于当年监测线（默认为扶贫标准的${DEFAULT_MONITORING_LINE_FACTOR}倍）`,
      `Below the monitoring line of the income's year (by default ${DEFAULT_MONITORING_LINE_FACTOR} × the poverty line)`,
    ),
    source: 'registry',
  },
  {
    code: 'medical_out_of_pocket',
    version: 1,
    label: bi('医疗自付费用过高', 'High out-of-pocket medical costs'),
    inputs: bi(
      `近${LOOKBACK_MONTHS}个月现有家庭成员每次住院的自付费用（健康扶贫报销事件）`,
      `The out-of-pocket cost of each in-patient episode of current members over the last ${LOOKBACK_MONTHS} months (support's reimbursement events)`,
    ),
    threshold: bi(
      `合计高于当年设定（默认¥${medicalDefault}）`,
      `A total above the year's setting (by default ¥${medicalDefault})`,
    ),
    source: 'support',
  },
  {
    code: 'child_out_of_school',
    version: 1,
    label: bi('义务教育适龄子女失学辍学', 'A child of compulsory-education age out of school'),
    inputs: bi(
      '现有成员的出生日期；教育扶贫的最近学籍状态和未结辍学案件，无学籍信息时以成员“是否在校”为准',
      "Current members' birth dates; support's latest enrollment and open dropout cases, or the member's in-school flag when no enrollment is known",
    ),
    threshold: bi(
      '筛查日处于义务教育年龄（以8月31日为入学年龄截止日）的子女有未结辍学案件、最近学籍状态非在读或登记为不在校',
      'A child of compulsory-education age on the screening day (31 August cut-off) with an open dropout case, a latest enrollment other than enrolled, or registered as not in school',
    ),
    source: 'support',
  },
  {
    code: 'member_deceased',
    version: 1,
    label: bi('家庭成员去世', 'A member died'),
    inputs: bi(
      '因核实死亡而移除的家庭成员及其移除日期（贫困户信息）',
      "Members removed because of a verified death and the day of removal (the household's record)",
    ),
    threshold: bi(
      `近${LOOKBACK_MONTHS}个月内至少一名成员因死亡移除`,
      `At least one member removed because of death within the last ${LOOKBACK_MONTHS} months`,
    ),
    source: 'registry',
  },
  {
    code: 'labourer_disabled',
    version: 1,
    label: bi('家庭失去劳动力', 'The household lost its labour'),
    inputs: bi(
      '现有成员的劳动能力；近期成员劳动能力、残疾等级、健康状况的变更或成员移除记录（变更历史）',
      "Current members' labour capacity; recent changes of a member's labour capacity, disability grade or health, or a member's removal (the history)",
    ),
    threshold: bi(
      `已无普通或技能劳动力，且近${LOOKBACK_MONTHS}个月内有上述变更`,
      `No ordinary or skilled labourer left, after such a change within the last ${LOOKBACK_MONTHS} months`,
    ),
    source: 'registry',
  },
  {
    code: 'disaster',
    version: 1,
    label: bi('遭受自然灾害或意外事故', 'Hit by a disaster'),
    inputs: bi(
      '乡镇登记的本村或本户灾害记录（灾种、日期、损失）',
      'Disasters recorded by township staff for the village or the household (kind, day, losses)',
    ),
    threshold: bi(
      `近${LOOKBACK_MONTHS}个月内至少一次灾害`,
      `At least one disaster within the last ${LOOKBACK_MONTHS} months`,
    ),
    source: 'disaster',
  },
  {
    code: 'work_lost',
    version: 1,
    label: bi('务工就业中断', 'Work lost'),
    inputs: bi(
      '现有成员的务工状况及其变更记录（变更历史）',
      "Current members' migrant work and its changes (the history)",
    ),
    threshold: bi(
      `近${LOOKBACK_MONTHS}个月内务工状况有变更，且现已无成员在外务工`,
      `Migrant work changed within the last ${LOOKBACK_MONTHS} months and no member works away now`,
    ),
    source: 'registry',
  },
];

const byCode = new Map(WARNING_RULES.map((r) => [r.code, r]));
if (byCode.size !== SIGNAL_CODES.length || SIGNAL_CODES.some((c) => !byCode.has(c))) {
  throw new Error('WARNING_RULES must hold exactly one rule per signal code');
}

/** The rule of a signal code (every code has one: checked when this module loads). */
export function ruleOf(code: SignalCode): WarningRule {
  const rule = byCode.get(code);
  if (!rule) throw new Error(`No warning rule for ${code}`);
  return rule;
}

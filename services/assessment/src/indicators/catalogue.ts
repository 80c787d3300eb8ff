import type { Direction, Text, ValueKind } from '../scoring/scoring.engine';

/** A unit ranked by the assessment: a township (乡镇) or a county department (县直部门). */
export type UnitKind = 'township' | 'department';

/** The service that owns the records behind an indicator (for the links of the explanation). */
export type OwningService =
  'registry' | 'assistance' | 'funds' | 'support' | 'matching' | 'assessment';

export interface IndicatorDefinition {
  code: IndicatorCode;
  label: Text;
  description: Text;
  valueKind: ValueKind;
  direction: Direction;
  appliesTo: UnitKind[];
  /** A reasonable linear rule an administrator starts from. */
  defaults: { floor: number; target: number };
  /** The events it is measured from. */
  sources: string[];
}

export const INDICATOR_CODES = [
  'visit_coverage',
  'plan_coverage',
  'helper_coverage',
  'fund_disbursement_rate',
  'idle_funds',
  'project_start_rate',
  'project_completion_rate',
  'findings_open',
  'findings_overdue',
  'insurance_coverage',
  'dropouts_open',
  'exit_progress',
  'topups_outstanding',
  'guarantees_met',
  'warnings_verified_on_time',
  'incidence_vs_target',
  'village_exit_rate',
  'pension_coverage',
  'tasks_on_time',
  'rectifications_on_time',
  'complaints_on_time',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

const both: UnitKind[] = ['township', 'department'];

/**
 * 考核指标 — what can be measured from the other services' events (domain guide, "Assessment":
 * visits, plans, helpers, funds, projects, data quality, insurance, dropouts, exits, top-ups,
 * the verification of 防返贫 monitoring warnings).
 * Rates are percentages with two decimals; amounts are fen; counts are whole numbers.
 */
export const INDICATORS: Record<IndicatorCode, IndicatorDefinition> = {
  visit_coverage: {
    code: 'visit_coverage',
    label: { zh: '入户走访覆盖率', en: 'Households visited' },
    description: {
      zh: '帮扶对象户中每月至少走访一次的户月占比（季度为三个月的合计）',
      en: 'Share of household-months with at least one home visit, over the assisted households',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 80, target: 100 },
    sources: ['assistance.visit.v1', 'registry.household.v1'],
  },
  plan_coverage: {
    code: 'plan_coverage',
    label: { zh: '一户一策覆盖率', en: 'Households with a plan' },
    description: {
      zh: '帮扶对象户中已制定帮扶措施（一户一策）的户占比',
      en: 'Share of assisted households whose plan (一户一策) has at least one measure',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 90, target: 100 },
    sources: ['assistance.measure.v1', 'registry.household.v1'],
  },
  helper_coverage: {
    code: 'helper_coverage',
    label: { zh: '帮扶责任人落实率', en: 'Households with a responsible helper' },
    description: {
      zh: '期末帮扶对象户中有在岗帮扶责任人（重点帮扶）的户占比',
      en: 'Share of assisted households with an active responsible helper at the end of the period',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 95, target: 100 },
    sources: ['assistance.pairing.v1', 'registry.household.v1'],
  },
  fund_disbursement_rate: {
    code: 'fund_disbursement_rate',
    label: { zh: '资金拨付率', en: 'Funds disbursed' },
    description: {
      zh: '当年项目已拨付资金占已下达资金的比例（期末）',
      en: "Money disbursed by the period's end over money allocated, for the year's projects",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 50, target: 100 },
    sources: ['funds.project.v1', 'funds.disbursement.v1'],
  },
  idle_funds: {
    code: 'idle_funds',
    label: { zh: '资金趴账金额', en: 'Idle funds' },
    description: {
      zh: '期末最近一次趴账检查中已下达未拨付的资金（元）',
      en: 'Money allocated and not disbursed at the last idle-funds check of the period',
    },
    valueKind: 'fen',
    direction: 'lower',
    appliesTo: ['township'],
    defaults: { floor: 50_000_000, target: 0 },
    sources: ['funds.idle.v1'],
  },
  project_start_rate: {
    code: 'project_start_rate',
    label: { zh: '项目开工率', en: 'Projects started' },
    description: {
      zh: '当年已入库项目中期末已开工的比例',
      en: "Share of the year's approved projects started by the period's end",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 60, target: 100 },
    sources: ['funds.project.v1'],
  },
  project_completion_rate: {
    code: 'project_completion_rate',
    label: { zh: '项目完工率', en: 'Projects completed' },
    description: {
      zh: '当年已入库项目中期末已完工（或验收）的比例',
      en: "Share of the year's approved projects completed (or accepted) by the period's end",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 0, target: 100 },
    sources: ['funds.project.v1'],
  },
  findings_open: {
    code: 'findings_open',
    label: { zh: '比对疑点未销号数', en: 'Open matching findings' },
    description: {
      zh: '数据比对发现、期末尚未销号的疑点数（数据质量）',
      en: "Cross-department matching findings not closed by the period's end (data quality)",
    },
    valueKind: 'count',
    direction: 'lower',
    appliesTo: both,
    defaults: { floor: 50, target: 0 },
    sources: ['matching.finding.v1'],
  },
  findings_overdue: {
    code: 'findings_overdue',
    label: { zh: '比对疑点逾期未整改数', en: 'Overdue matching findings' },
    description: {
      zh: '期末已超过整改期限仍未销号的疑点数',
      en: "Open findings past their deadline at the period's end",
    },
    valueKind: 'count',
    direction: 'lower',
    appliesTo: both,
    defaults: { floor: 10, target: 0 },
    sources: ['matching.finding.v1'],
  },
  insurance_coverage: {
    code: 'insurance_coverage',
    label: { zh: '基本医保参保率', en: 'Basic medical insurance coverage' },
    description: {
      zh: '建档立卡人口中参加当年基本医疗保险的比例',
      en: "Share of the registered people enrolled in the year's basic medical insurance",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 95, target: 100 },
    sources: ['support.coverage.v1', 'registry.member.v1'],
  },
  dropouts_open: {
    code: 'dropouts_open',
    label: { zh: '辍学未劝返人数', en: 'Open dropout cases' },
    description: {
      zh: '期末仍未劝返复学的控辍保学个案数',
      en: "Dropout cases (控辍保学) still open at the period's end",
    },
    valueKind: 'count',
    direction: 'lower',
    appliesTo: both,
    defaults: { floor: 5, target: 0 },
    sources: ['support.dropout.v1'],
  },
  exit_progress: {
    code: 'exit_progress',
    label: { zh: '年度脱贫任务完成率', en: "Exits against the year's target" },
    description: {
      zh: '当年已脱贫户数占年度脱贫目标户数的比例',
      en: "Households exited this year over the year's exit target",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 0, target: 100 },
    sources: ['registry.household.v1', 'registry.exit_target.v1'],
  },
  topups_outstanding: {
    code: 'topups_outstanding',
    label: { zh: '住院追补未到位金额', en: 'Hospital top-ups outstanding' },
    description: {
      zh: '报付比例未达 90% 应追补而尚未支付的金额（元）',
      en: 'Top-ups owed to reach the 90% reimbursement and not yet paid',
    },
    valueKind: 'fen',
    direction: 'lower',
    appliesTo: both,
    defaults: { floor: 1_000_000, target: 0 },
    sources: ['support.reimbursement.v1'],
  },
  guarantees_met: {
    code: 'guarantees_met',
    label: { zh: '两不愁三保障达标率', en: 'Households with every guarantee met' },
    description: {
      zh: '在册户中两不愁三保障及饮水安全全部达标的户占比；未知（无数据）按未达标计',
      en: 'Share of registered households with every guarantee (and safe water) met; unknown (no data) counts as not met',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 90, target: 100 },
    sources: ['registry.household.v1'],
  },
  warnings_verified_on_time: {
    code: 'warnings_verified_on_time',
    label: { zh: '预警按期核实率', en: 'Warnings verified on time' },
    description: {
      zh: '期内到期或期内核实的防返贫监测预警中，乡镇在核实期限内（含当日）确认或排除的占比；逾期仍未核实的按未按期计',
      en: 'Share of the monitoring warnings (防返贫预警) due or verified in the period that the township confirmed or dismissed by the deadline (the due day included); one still open past its deadline counts as late',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 80, target: 100 },
    sources: ['registry.monitoring_warning.v1'],
  },
  incidence_vs_target: {
    code: 'incidence_vs_target',
    label: { zh: '贫困发生率超出目标', en: 'Poverty incidence above the target' },
    description: {
      zh: '乡镇贫困发生率（未脱贫人口 ÷ 已录入人口村的农村人口）高于当年目标（乡镇目标，无则县目标）的百分点，达到或低于目标为 0',
      en: "Percentage points by which the township's poverty incidence (people still poor over the rural population of villages with a recorded population) exceeds the year's target (the township's, else the county's); 0 at or below it",
    },
    valueKind: 'percent',
    direction: 'lower',
    appliesTo: ['township'],
    defaults: { floor: 1, target: 0 },
    sources: ['registry.village.v1', 'registry.household.v1', 'registry.exit_target.v1'],
  },
  village_exit_rate: {
    code: 'village_exit_rate',
    label: { zh: '贫困村退出计划完成率', en: 'Poor villages exited against the plan' },
    description: {
      zh: '当年已退出的贫困村数占计划退出村数（乡镇目标村数，无则县目标列明的本乡镇村）的比例',
      en: "Villages exited this year over the villages planned to exit (the township target's number, else the villages the county's target names in the township)",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: ['township'],
    defaults: { floor: 0, target: 100 },
    sources: ['registry.village.v1', 'registry.exit_target.v1'],
  },
  pension_coverage: {
    code: 'pension_coverage',
    label: { zh: '城乡居民养老保险参保率', en: 'Pension insurance coverage' },
    description: {
      zh: '建档立卡人口中年满 16 周岁（当年年底）且不在校者参加当年城乡居民养老保险的比例',
      en: "Share of the registered people aged 16 or over by the year's end and not in school enrolled in the year's resident pension insurance",
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 90, target: 100 },
    sources: ['support.coverage.v1', 'registry.member.v1'],
  },
  tasks_on_time: {
    code: 'tasks_on_time',
    label: { zh: '倒排工期任务按期完成率', en: 'Scheduled tasks done on time' },
    description: {
      zh: '期内到期或期内完成的倒排工期任务中，在完成时限内（含当日）完成的占比；逾期仍未完成的按未按期计。乡镇计其区域内任务，部门计其为责任单位的任务',
      en: 'Share of the scheduled tasks (倒排工期) due or done in the period that were done by the deadline (the day included); one open past it counts as late. A township counts the tasks in its area, a department those it owns',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 80, target: 100 },
    sources: ['assessment.tasks'],
  },
  rectifications_on_time: {
    code: 'rectifications_on_time',
    label: { zh: '督查整改按期销号率', en: 'Rectifications closed on time' },
    description: {
      zh: '期内到期或期内销号的整改通知中，在整改期限内（含当日）销号的占比；逾期仍未销号的按未按期计',
      en: 'Share of the rectification orders due or closed in the period that were closed by the deadline (the day included); one open past it counts as late',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 80, target: 100 },
    sources: ['assessment.rectifications'],
  },
  complaints_on_time: {
    code: 'complaints_on_time',
    label: { zh: '信访按期答复率', en: 'Complaints answered on time' },
    description: {
      zh: '期内到期或期内答复的信访件中，在答复期限内（含当日）答复的占比；逾期仍未答复的按未按期计',
      en: 'Share of the complaints due or answered in the period that were answered by the due day (the day included); one unanswered past it counts as late',
    },
    valueKind: 'percent',
    direction: 'higher',
    appliesTo: both,
    defaults: { floor: 80, target: 100 },
    sources: ['assessment.complaints'],
  },
};

export function isIndicatorCode(code: string): code is IndicatorCode {
  return (INDICATOR_CODES as readonly string[]).includes(code);
}

/** Finds an indicator by its code or its Chinese name, as a target sheet writes it. */
export function indicatorByLabel(text: string): IndicatorDefinition | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (isIndicatorCode(t)) return INDICATORS[t];
  return Object.values(INDICATORS).find((d) => d.label.zh === t);
}

import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 一户一档核对, a village's or township's consistency check page (English has the same keys). */
const zhCN = {
  enums: {
    InconsistencyKind: {
      person_not_a_member: '教育医疗人员不是建档立卡成员',
      person_name_differs: '人员姓名与建档立卡不一致',
      plan_cause_not_in_registry: '一户一策致贫原因不在建档立卡中',
      registry_cause_not_in_plan: '建档立卡致贫原因不在一户一策中',
      main_cause_differs: '主要致贫原因不一致',
      measure_unpaid: '措施已记录但资金未支付',
      paid_without_measure: '资金已支付但无对应帮扶措施',
    },
    ConsistencyRunState: {
      queued: '排队中',
      running: '核对中',
      completed: '已完成',
      failed: '失败',
    },
  },
  consistency_check: {
    title: '一户一档核对',
    hint: '按村或乡镇核对每户档案各部分是否一致：建档立卡成员与教育医疗人员、一户一策与建档立卡的致贫原因、帮扶措施金额与项目资金到户支付。迎检前核对，逐项整改。',
    start: '开始核对',
    started: '已开始核对',
    pick_area: '请选择乡镇或村',
    recent: '最近的核对',
    none_yet: '尚无核对记录',
    run_title: '%{area} %{year}年核对（%{at}，%{by}）',
    state: '状态：%{state}',
    failed: '核对失败：%{message}',
    summary: '共核对 %{households} 户，发现 %{count} 处不一致',
    found: '%{count} 处不一致',
    all_clear: '各部分一致，未发现不一致',
    incomplete: '以下部分未能核对或数据滞后，结果可能不完整：',
    filter_kind: '不一致类型',
    filter_village: '村',
    all_kinds: '全部类型',
    all_villages: '全部村',
    page_page: '第 %{page} 页',
    page_other: '翻页',
    columns: {
      household: '户号',
      village: '村',
      kind: '不一致类型',
      message: '问题',
    },
    export: '导出不一致清单（XLSX）',
    open: '查看',
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    InconsistencyKind: {
      person_not_a_member: 'Support person not a registry member',
      person_name_differs: 'Name differs from the registry',
      plan_cause_not_in_registry: 'Plan cause not in the registry',
      registry_cause_not_in_plan: 'Registry cause not in the plan',
      main_cause_differs: 'Main cause differs',
      measure_unpaid: 'Measure recorded but not paid by funds',
      paid_without_measure: 'Paid without a matching measure',
    },
    ConsistencyRunState: {
      queued: 'Queued',
      running: 'Checking',
      completed: 'Completed',
      failed: 'Failed',
    },
  },
  consistency_check: {
    title: 'Dossier consistency check',
    hint: "Checks whether each household's dossier parts agree, by village or township: the registry's members against support's persons, the plan's causes against the registry's, measures' amounts against the funds' payments. Run it before an inspection and correct each item.",
    start: 'Start the check',
    started: 'The check has started',
    pick_area: 'Choose a township or a village',
    recent: 'Recent checks',
    none_yet: 'No check yet',
    run_title: '%{area}, %{year} (%{at}, %{by})',
    state: 'State: %{state}',
    failed: 'The check failed: %{message}',
    summary: '%{households} households checked, %{count} inconsistencies',
    found: '%{count} inconsistencies',
    all_clear: 'The parts agree: no inconsistency found',
    incomplete: 'These parts could not be checked or are behind; the result may be incomplete:',
    filter_kind: 'Kind',
    filter_village: 'Village',
    all_kinds: 'Every kind',
    all_villages: 'Every village',
    page_page: 'Page %{page}',
    page_other: 'Go to page',
    columns: {
      household: 'Household no.',
      village: 'Village',
      kind: 'Kind',
      message: 'Problem',
    },
    export: 'Export the inconsistencies (XLSX)',
    open: 'Open',
  },
};

export const consistencyCheckMessages: ModuleMessages = { zhCN, en };

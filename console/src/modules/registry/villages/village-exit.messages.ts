import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * 贫困村退出 — the village exit steps, the county's exit conditions, the targets' incidence and
 * villages and their progress (English has exactly the keys Chinese has: the type says so).
 */
const zhCN = {
  resources: {
    'exit-targets': {
      fields: {
        incidencePercent: '贫困发生率目标（%，不高于）',
        villages: '计划退出贫困村数',
        villageCodes: '计划退出的贫困村',
      },
    },
    villages: {
      sections: { exit: '贫困村退出' },
    },
  },
  village_exit: {
    title: '贫困村退出',
    start: '申请退出',
    record: '补录往年退出',
    record_hint: '仅用于平台启用前县级已审定退出的村，须附审定文件；本年度退出须按流程办理。',
    exited: '已于 %{year} 年退出',
    not_poor_village: '该村不是贫困村，无需退出。',
    conditions_now: '当前退出条件校验（条件版本 %{version}）',
    refused: '不符合贫困村退出条件：',
    step_recorded: '补录',
    year: '退出年度',
    actions: {
      start: '申请退出',
      appraise: '村民主评议',
      notice: '公示（7天）',
      review: '乡镇审核',
      approve: '县级审定',
      reject: '驳回',
      record: '补录',
    },
    conditions: {
      title: '贫困村退出条件',
      hint: '贫困发生率原则上降至 2% 以下（西部地区 3% 以下），并具备以下基础设施条件；条件变更须填写理由，历次变更均留存。',
      province: '所在省份：%{province}（%{kind}，国家标准低于 %{threshold}%）',
      western: '西部地区',
      not_western: '非西部地区',
      incidence_enabled: '贫困发生率条件',
      threshold: '贫困发生率须低于（%）',
      threshold_hint: '留空则按国家标准',
      infrastructure: '基础设施条件',
      reason: '变更理由',
      save: '保存为新版本',
      saved: '退出条件已更新为第 %{version} 版',
      version: '第 %{version} 版',
      national: '国家标准（未设置）',
      versions: '变更记录',
      changed_by: '%{name} 于 %{date}：%{reason}',
      effective: '当前标准：贫困发生率低于 %{threshold}%',
      off: '不作要求',
      county_only: '退出条件由县级扶贫部门设置。',
    },
    progress: {
      card: '年度目标进度',
      title: '%{year} 年度目标',
      incidence: '贫困发生率',
      incidence_value: '%{now}%（目标 ≤ %{target}%）',
      villages: '贫困村退出',
      villages_value: '%{done} / %{target} 个',
      households: '脱贫户数',
      households_value: '%{done} / %{target} 户',
      met: '已完成',
      not_met: '未完成',
      no_target: '未设目标',
      named: '计划退出的村',
      not_exited: '尚未退出的贫困村：%{count} 个',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  resources: {
    'exit-targets': {
      fields: {
        incidencePercent: 'Poverty incidence target (%, at most)',
        villages: 'Poor villages to exit',
        villageCodes: 'Poor villages planned to exit',
      },
    },
    villages: {
      sections: { exit: 'Village exit' },
    },
  },
  village_exit: {
    title: 'Village exit',
    start: 'Propose the exit',
    record: 'Record an earlier exit',
    record_hint:
      'Only for villages whose exit the county approved before the platform, with the approval document; this year’s exits go through the steps.',
    exited: 'Exited in %{year}',
    not_poor_village: 'The village is not a poor village: it has nothing to exit.',
    conditions_now: 'The exit conditions checked now (conditions version %{version})',
    refused: 'The village does not meet the exit conditions:',
    step_recorded: 'Recorded',
    year: 'Exit year',
    actions: {
      start: 'Proposal',
      appraise: 'Village appraisal',
      notice: 'Public notice (7 days)',
      review: 'Township review',
      approve: 'County approval',
      reject: 'Reject',
      record: 'Record',
    },
    conditions: {
      title: 'Village exit conditions',
      hint: 'Poverty incidence below 2% (3% in the western provinces) and the infrastructure below; each change needs a reason and every version is kept.',
      province: 'Province: %{province} (%{kind}; the national threshold is below %{threshold}%)',
      western: 'western',
      not_western: 'not western',
      incidence_enabled: 'Poverty incidence condition',
      threshold: 'Poverty incidence below (%)',
      threshold_hint: 'Empty follows the national rule',
      infrastructure: 'Infrastructure conditions',
      reason: 'Reason for the change',
      save: 'Save as a new version',
      saved: 'The exit conditions are now version %{version}',
      version: 'Version %{version}',
      national: 'National rule (never set)',
      versions: 'Changes',
      changed_by: '%{name} on %{date}: %{reason}',
      effective: 'In force: poverty incidence below %{threshold}%',
      off: 'Not required',
      county_only: 'The exit conditions are set by the county poverty office.',
    },
    progress: {
      card: 'Progress against the targets',
      title: 'Targets for %{year}',
      incidence: 'Poverty incidence',
      incidence_value: '%{now}% (target ≤ %{target}%)',
      villages: 'Poor villages exited',
      villages_value: '%{done} / %{target}',
      households: 'Households exited',
      households_value: '%{done} / %{target}',
      met: 'Reached',
      not_met: 'Not reached',
      no_target: 'No target',
      named: 'Villages planned to exit',
      not_exited: 'Poor villages not exited yet: %{count}',
    },
  },
};

export const villageExitMessages: ModuleMessages = { zhCN, en };

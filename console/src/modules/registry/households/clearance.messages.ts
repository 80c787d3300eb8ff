import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 清退, the exclusions proposed from matching findings and the 漏评 leads (English has the same keys). */
const zhCN = {
  // 补录: a 清退 completed off-line, recorded with its dates (history `clearance.record`).
  enums: { WorkflowKind: { clearance: '清退' }, WorkflowAction: { record: '补录（线下已办结）' } },
  clearance: {
    finding: '比对问题 %{id}',
    finding_id: '关联比对问题编号',
    finding_id_hint: '由比对问题发起的清退请填写问题编号（可空）',
    proposals: '比对提出的排除情形',
    proposals_hint:
      '由数据比对发现的问题提出，须经人工确认或驳回并填写理由；确认后计入识别排除情形。',
    flags: {
      car: '家庭拥有汽车',
      business: '家庭成员经营或拥有企业',
      urbanHousing: '家庭在城镇购有住房',
      publicEmployee: '家庭成员为财政供养人员',
      villageCadreFamily: '村干部家庭',
    },
    status: { proposed: '待确认', confirmed: '已确认', dismissed: '已驳回' },
    from_finding: '来自比对问题 %{id}（%{rule}），%{date}',
    decided_by: '%{name}：%{reason}',
    confirm: '确认',
    dismiss: '驳回',
    confirm_title: '确认排除情形：%{flag}',
    dismiss_title: '驳回排除情形：%{flag}',
    reason: '理由',
    decided: '已记录',
    leads: {
      title: '漏评线索',
      hint: '低保名单上但未建档立卡的人员（数据比对核实属实）。乡镇核实后在贫困户登记中新建识别对象，或填写理由驳回。',
      none: '暂无漏评线索',
      columns: {
        finding: '比对问题',
        area: '区划',
        person: '人员（脱敏）',
        received: '收到时间',
        status: '状态',
        decision: '处理',
      },
      status: { open: '待处理', converted: '已转为识别对象', dismissed: '已驳回' },
      dismiss: '驳回',
      dismiss_title: '驳回漏评线索',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    WorkflowKind: { clearance: 'Clearance' },
    WorkflowAction: { record: 'Recorded (completed off-line)' },
  },
  clearance: {
    finding: 'Finding %{id}',
    finding_id: 'Matching finding',
    finding_id_hint: 'The finding the clearance comes from, if any',
    proposals: 'Exclusions proposed by matching',
    proposals_hint:
      'Proposed from matching findings; a person confirms or dismisses each with a reason. Confirmed, it counts as an exclusion in identification.',
    flags: {
      car: 'The family owns a car',
      business: 'A member owns or runs a business',
      urbanHousing: 'The family owns urban housing',
      publicEmployee: 'A member is a public employee',
      villageCadreFamily: "A village cadre's own family",
    },
    status: { proposed: 'Proposed', confirmed: 'Confirmed', dismissed: 'Dismissed' },
    from_finding: 'From finding %{id} (%{rule}), %{date}',
    decided_by: '%{name}: %{reason}',
    confirm: 'Confirm',
    dismiss: 'Dismiss',
    confirm_title: 'Confirm the exclusion: %{flag}',
    dismiss_title: 'Dismiss the exclusion: %{flag}',
    reason: 'Reason',
    decided: 'Recorded',
    leads: {
      title: 'Missed persons (漏评)',
      hint: 'People on the minimum-allowance list who are not registered (verified matching findings). The township registers the household as a candidate or dismisses the lead with a reason.',
      none: 'No leads',
      columns: {
        finding: 'Finding',
        area: 'Area',
        person: 'Person (masked)',
        received: 'Received',
        status: 'Status',
        decision: 'Decision',
      },
      status: { open: 'Open', converted: 'Candidate registered', dismissed: 'Dismissed' },
      dismiss: 'Dismiss',
      dismiss_title: 'Dismiss the lead',
    },
  },
};

export const clearanceMessages: ModuleMessages = { zhCN, en };

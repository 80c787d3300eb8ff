import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * 预警核实 — the warnings, their signals and verification, the household's 返贫风险 tab and the
 * dashboard card (English has exactly the keys Chinese has: the type says so).
 */
const zhCN = {
  enums: {
    MonitoringSignal: {
      income_below_monitoring_line: '收入低于监测线',
      medical_out_of_pocket: '医疗自付费用过高',
      child_out_of_school: '义务教育阶段子女失学辍学',
      member_deceased: '家庭成员死亡',
      labourer_disabled: '主要劳动力丧失劳动能力',
      disaster: '遭受自然灾害',
      work_lost: '务工就业中断',
    },
    MonitoringWarningStatus: { open: '待核实', confirmed: '已纳入监测', dismissed: '已排除' },
    MonitoringWarningEvent: {
      raised: '筛查预警',
      updated: '再次筛查更新',
      confirmed: '确认纳入监测',
      dismissed: '排除预警',
    },
  },
  resources: {
    'monitoring-warnings': {
      name: '预警核实 |||| 预警核实',
      fields: {
        id: '编号',
        householdNo: '户编号',
        headName: '户主',
        areaCode: '所在村',
        townshipCode: '所属乡镇',
        householdStatus: '筛查时户状态',
        status: '状态',
        signals: '预警信号',
        signal: '预警信号',
        suggestedCategory: '建议类别',
        dueOn: '核实期限',
        overdue: '已逾期',
        raisedAt: '预警时间',
        lastScreenedAt: '最近筛查时间',
        decision: '核实结论',
      },
      overdue: '已逾期',
      sections: { signals: '预警信号及依据', decision: '核实结论', history: '处理记录' },
      signal_version: '规则第 %{version} 版',
      undecided: '尚未核实，请在核实期限前入户核实并确认或排除。',
      decided_by: '%{name} 于 %{date}',
      decision_reason: '核实情况',
      decision_evidence: '佐证材料',
      decision_category: '纳入类别',
      by_screening: '监测筛查',
      event_signals: '预警信号：%{signals}',
      confirm: {
        button: '确认纳入监测',
        title: '确认纳入监测',
        hint: '确认后将以所选类别为该户发起纳入监测流程（本预警作为依据），由乡镇、县级按流程审核。',
        reason: '核实情况',
        evidence: '佐证材料（每行一项：照片编号、文件编号）',
        category: '纳入类别',
        suggested: '建议：%{category}',
        done: '已确认，已为该户发起纳入监测流程',
      },
      dismiss: {
        button: '排除预警',
        title: '排除预警',
        hint: '经入户核实该户无返贫致贫风险时排除预警。须填写理由并附至少一项佐证材料。',
        reason: '排除理由',
        evidence: '佐证材料（每行一项，至少一项）',
        evidence_required: '排除预警须附至少一项佐证材料',
        done: '已排除预警',
      },
    },
    households: { tabs: { risk: '返贫风险' } },
  },
  monitoring: {
    household: {
      hint: '防返贫监测筛查对该户发出的预警，点击查看信号依据和核实情况。',
      none: '该户暂无防返贫监测预警',
    },
    dashboard: {
      title: '防返贫监测预警',
      open: '待核实',
      overdue: '已逾期',
      confirmed_this_month: '本月纳入监测',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    MonitoringSignal: {
      income_below_monitoring_line: 'Income below the monitoring line',
      medical_out_of_pocket: 'High out-of-pocket medical costs',
      child_out_of_school: 'A child of compulsory-education age out of school',
      member_deceased: 'A member died',
      labourer_disabled: 'The main labourer can no longer work',
      disaster: 'Hit by a natural disaster',
      work_lost: 'Work or employment lost',
    },
    MonitoringWarningStatus: { open: 'To verify', confirmed: 'Monitored', dismissed: 'Dismissed' },
    MonitoringWarningEvent: {
      raised: 'Raised by a screening',
      updated: 'Updated by a later screening',
      confirmed: 'Confirmed for monitoring',
      dismissed: 'Dismissed',
    },
  },
  resources: {
    'monitoring-warnings': {
      name: 'Warning |||| Warnings to verify',
      fields: {
        id: 'ID',
        householdNo: 'Household no.',
        headName: 'Head of household',
        areaCode: 'Village',
        townshipCode: 'Township',
        householdStatus: 'Household status when screened',
        status: 'Status',
        signals: 'Signals',
        signal: 'Signal',
        suggestedCategory: 'Suggested category',
        dueOn: 'Verify by',
        overdue: 'Overdue',
        raisedAt: 'Raised',
        lastScreenedAt: 'Last screened',
        decision: 'Decision',
      },
      overdue: 'Overdue',
      sections: { signals: 'Signals and their facts', decision: 'Decision', history: 'History' },
      signal_version: 'Rule version %{version}',
      undecided:
        'Not verified yet: visit the household and confirm or dismiss before the deadline.',
      decided_by: '%{name} on %{date}',
      decision_reason: 'What the verification found',
      decision_evidence: 'Evidence',
      decision_category: 'Category',
      by_screening: 'Screening',
      event_signals: 'Signals: %{signals}',
      confirm: {
        button: 'Confirm for monitoring',
        title: 'Confirm for monitoring',
        hint: "Confirmed, the household's monitoring-entry workflow starts in the category chosen (this warning as its evidence) and is reviewed by the township and the county.",
        reason: 'What the verification found',
        evidence: 'Evidence (one a line: photo or document numbers)',
        category: 'Category',
        suggested: 'Suggested: %{category}',
        done: 'Confirmed; the monitoring-entry workflow has started',
      },
      dismiss: {
        button: 'Dismiss the warning',
        title: 'Dismiss the warning',
        hint: 'Dismiss when the visit found no risk of returning to poverty. A reason and at least one piece of evidence are needed.',
        reason: 'Reason',
        evidence: 'Evidence (one a line, at least one)',
        evidence_required: 'A dismissal needs at least one piece of evidence',
        done: 'Warning dismissed',
      },
    },
    households: { tabs: { risk: 'Risk of returning to poverty' } },
  },
  monitoring: {
    household: {
      hint: 'Warnings the monitoring screening raised for this household; open one for its facts and verification.',
      none: 'No monitoring warnings for this household',
    },
    dashboard: {
      title: 'Return-to-poverty warnings',
      open: 'To verify',
      overdue: 'Overdue',
      confirmed_this_month: 'Monitored this month',
    },
  },
};

export const monitoringWarningMessages: ModuleMessages = { zhCN, en };

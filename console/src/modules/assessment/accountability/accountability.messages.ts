import { AccountabilityDecisionKind } from '@fupin/reference';
import type { ModuleMessages, SameKeys } from '../../../i18n/types';

const kinds = (lang: 'zh' | 'en') =>
  Object.fromEntries(Object.entries(AccountabilityDecisionKind).map(([k, e]) => [k, e[lang]]));

/** 问责案件's messages: the resource, its two enums and `assessment.cases.*` of its pages. */
const zhCN = {
  resources: {
    'accountability-cases': {
      name: '问责案件',
      fields: {
        quarterKey: '问责季度',
        unit: { name: '考核单位' },
        status: '案件状态',
        decision: { kind: '问责方式' },
        openedAt: '立案时间',
        updatedAt: '最近处理',
        year: '年度',
        quarter: '季度',
        areaCode: '所在地区',
      },
    },
  },
  enums: {
    AccountabilityCaseStatus: {
      open: '待处理',
      decided: '已决定',
      closed: '已跟进完毕',
      withdrawn: '已撤销',
    },
    AccountabilityDecisionKind: kinds('zh'),
  },
  assessment: {
    cases: {
      quarter: '%{year}年第%{quarter}季度',
      facts: '问责事实（连续两个季度排名）',
      ranking: {
        quarter: '考核季度',
        score: '得分',
        rank: '名次',
        warning: '预警',
        explanation: '得分说明',
        open: '明细',
      },
      decide: '作出问责决定',
      decide_title: '作出问责决定',
      decide_hint:
        '%{unit}连续两个季度预黄牌。请记录问责方式、决定日期、作出决定的机关或领导及决定内容。',
      decided: '已记录问责决定',
      follow_up: '记录跟进情况',
      followed_up: '已记录跟进情况',
      close: '办结',
      close_title: '办结问责案件',
      close_hint: '跟进完毕后办结，办结后案件不能再修改。',
      closed: '案件已办结',
      by_at: '%{by}，%{at}',
      withdrawn_by: '排名重新计算后该单位不再问责：%{reason}',
      decision: {
        title: '问责决定',
        kind: '问责方式',
        decidedOn: '决定日期',
        decidedBy: '决定机关（领导）',
        documentNo: '文号',
        text: '决定内容',
        recordedBy: '登记人',
      },
      follow_ups: {
        title: '跟进情况',
        on: '日期',
        text: '跟进内容',
        by: '记录人',
        none: '尚无跟进记录',
      },
      closing: { title: '办结', on: '办结日期', note: '办结意见', by: '办结人' },
      history: {
        title: '处理记录',
        opened: '立案',
        refreshed: '排名重新计算，事实更新',
        withdrawn: '排名重新计算，不再问责',
        reinstated: '排名重新计算，恢复问责',
        decided: '作出问责决定',
        followed_up: '记录跟进',
        closed: '办结',
        system: '系统（季度排名）',
      },
      unit_cases: '问责案件',
      unit_no_cases: '该单位没有问责案件',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  resources: {
    'accountability-cases': {
      name: 'Accountability case |||| Accountability cases',
      fields: {
        quarterKey: 'Quarter',
        unit: { name: 'Unit' },
        status: 'Status',
        decision: { kind: 'Decision' },
        openedAt: 'Opened',
        updatedAt: 'Last change',
        year: 'Year',
        quarter: 'Quarter',
        areaCode: 'Area',
      },
    },
  },
  enums: {
    AccountabilityCaseStatus: {
      open: 'Open',
      decided: 'Decided',
      closed: 'Closed',
      withdrawn: 'Withdrawn',
    },
    AccountabilityDecisionKind: kinds('en'),
  },
  assessment: {
    cases: {
      quarter: '%{year} Q%{quarter}',
      facts: 'Facts (two quarters in a row)',
      ranking: {
        quarter: 'Quarter',
        score: 'Score',
        rank: 'Rank',
        warning: 'Warning',
        explanation: 'Score explained',
        open: 'Details',
      },
      decide: 'Record the decision',
      decide_title: 'Record the accountability decision',
      decide_hint:
        '%{unit} had a yellow card two quarters in a row. Record the measure, the day, who decided and the decision.',
      decided: 'Decision recorded',
      follow_up: 'Record a follow-up',
      followed_up: 'Follow-up recorded',
      close: 'Close',
      close_title: 'Close the case',
      close_hint: 'Close the case once the follow-up is complete; a closed case takes no changes.',
      closed: 'Case closed',
      by_at: '%{by}, %{at}',
      withdrawn_by: 'A recomputed ranking no longer holds the unit accountable: %{reason}',
      decision: {
        title: 'Decision',
        kind: 'Measure',
        decidedOn: 'Decided on',
        decidedBy: 'Decided by',
        documentNo: 'Document no.',
        text: 'Decision',
        recordedBy: 'Recorded by',
      },
      follow_ups: {
        title: 'Follow-up',
        on: 'Day',
        text: 'What was done',
        by: 'Recorded by',
        none: 'No follow-up yet',
      },
      closing: { title: 'Closing', on: 'Closed on', note: 'Closing note', by: 'Closed by' },
      history: {
        title: 'History',
        opened: 'Opened',
        refreshed: 'Ranking recomputed: facts updated',
        withdrawn: 'Ranking recomputed: no longer accountable',
        reinstated: 'Ranking recomputed: accountable again',
        decided: 'Decision recorded',
        followed_up: 'Follow-up recorded',
        closed: 'Closed',
        system: 'System (quarterly ranking)',
      },
      unit_cases: 'Accountability cases',
      unit_no_cases: 'No accountability cases for this unit',
    },
  },
};

export const accountabilityMessages: ModuleMessages = { zhCN, en };

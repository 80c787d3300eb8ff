import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 受益底册 on the dossier page (English has the same keys). */
const zhCN = {
  enums: {
    BenefitKind: {
      education_subsidy: '教育资助',
      tuition_waiver: '免学费',
      medical_top_up: '医疗兜底追补',
      measure: '帮扶措施',
      payment: '项目资金到户',
      loan: '小额信贷',
      loan_discount: '贷款贴息',
    },
    BenefitStatus: { paid: '已到户', granted: '已发放贷款', recorded: '已登记未支付' },
  },
  dossier: {
    tabs: { ledger: '受益底册' },
    ledger: {
      on: '日期',
      source: '来源',
      kind: '类别',
      content: '内容',
      amount: '金额',
      status: '状态',
      project: '资金项目',
      year: '%{year}年',
      totals: '共 %{count} 笔，合计 %{total} 元，已到户 %{paid} 元',
      counted_once: '注明资金项目的帮扶措施照列，其金额以项目资金到户记录计入合计，不重复计算。',
      none: '暂无受益记录',
      export: '导出受益底册',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    BenefitKind: {
      education_subsidy: 'Education subsidy',
      tuition_waiver: 'Tuition waiver',
      medical_top_up: 'Medical top-up',
      measure: 'Assistance measure',
      payment: 'Project payment',
      loan: 'Micro-credit loan',
      loan_discount: 'Interest subsidy',
    },
    BenefitStatus: { paid: 'Paid', granted: 'Loan granted', recorded: 'Recorded, not paid' },
  },
  dossier: {
    tabs: { ledger: 'Benefit ledger' },
    ledger: {
      on: 'Date',
      source: 'Source',
      kind: 'Kind',
      content: 'Details',
      amount: 'Amount',
      status: 'Status',
      project: 'Funds project',
      year: '%{year}',
      totals: '%{count} entries, %{total} yuan in all, %{paid} yuan paid',
      counted_once:
        "A measure naming a funds project is listed; its money is counted from the project's payments, not twice.",
      none: 'No benefits recorded',
      export: 'Export the benefit ledger',
    },
  },
};

export const ledgerMessages: ModuleMessages = { zhCN, en };

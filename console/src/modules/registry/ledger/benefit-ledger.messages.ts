import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/** 受益底册核对, a village's or township's ledger page (English has the same keys). */
const zhCN = {
  enums: {
    LedgerMismatchKind: {
      measure_unpaid: '措施已记录但资金未支付',
      paid_without_measure: '资金已支付但无对应帮扶措施',
    },
  },
  benefit_ledger: {
    title: '受益底册核对',
    hint: '按村或乡镇、年度核对帮扶措施与项目资金到户记录：措施已记录但资金未支付，或资金已支付但无对应帮扶措施。',
    township: '乡镇',
    village: '村（不选则核对全乡镇）',
    year: '年度',
    pick_area: '请选择乡镇或村',
    checked: '%{year}年共 %{count} 处不一致：',
    none: '措施与资金到户记录一致，未发现不一致',
    columns: {
      household: '户号',
      year: '年度',
      project: '资金项目',
      kind: '不一致类型',
      measured: '措施金额',
      paid: '已到户金额',
    },
    export: '导出受益底册（XLSX）',
  },
};

const en: SameKeys<typeof zhCN> = {
  enums: {
    LedgerMismatchKind: {
      measure_unpaid: 'Measure recorded but not paid by funds',
      paid_without_measure: 'Paid by funds without a matching measure',
    },
  },
  benefit_ledger: {
    title: 'Benefit ledger check',
    hint: "A village's or township's assistance measures against the funds' payments to households in a year: measures recorded but not paid, or payments without a measure.",
    township: 'Township',
    village: 'Village (none: the whole township)',
    year: 'Year',
    pick_area: 'Choose a township or a village',
    checked: '%{year}: %{count} mismatches',
    none: "The measures and the funds' payments agree: no mismatch found",
    columns: {
      household: 'Household no.',
      year: 'Year',
      project: 'Funds project',
      kind: 'Mismatch',
      measured: 'Measured',
      paid: 'Paid',
    },
    export: 'Export the benefit ledger (XLSX)',
  },
};

export const benefitLedgerMessages: ModuleMessages = { zhCN, en };

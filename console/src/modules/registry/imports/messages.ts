import type { ModuleMessages, SameKeys } from '../../../i18n/types';

/**
 * The household import report's own messages (`registryImports.*`): the sheet, the households
 * refused whole, and the rows not stored because of another row of their household.
 */
const zhCN = {
  registryImports: {
    report: {
      title: '被拒绝的行（按行号排列；一户中有一行有误，整户都不导入）',
      sheet: '工作表「%{name}」',
      household: '户编号 %{no}：整户未导入（共 %{rows} 行）',
      no_household: '未填户编号',
      bad_row: '有误',
      refused_by_other: '因同户第 %{rows} 行有误未导入',
      row: '行号',
      status: '状态',
      column: '列',
      header: '表头',
      message: '原因',
      legend: '标为「有误」的行须修改；其余行本身无误，改好同户有误的行后随整户重新导入即可。',
    },
  },
};

const en: SameKeys<typeof zhCN> = {
  registryImports: {
    report: {
      title: 'Rejected rows (in row order; one bad row keeps its whole household out)',
      sheet: 'Sheet "%{name}"',
      household: 'Household %{no}: not stored (%{rows} rows)',
      no_household: 'No household number',
      bad_row: 'Invalid',
      refused_by_other: 'Not stored: row %{rows} of the same household is invalid',
      row: 'Row',
      status: 'Status',
      column: 'Column',
      header: 'Header',
      message: 'Reason',
      legend:
        'Fix the rows marked invalid; the other rows are fine and go in with their household once it is fixed.',
    },
  },
};

export const registryImportMessages: ModuleMessages = { zhCN, en };

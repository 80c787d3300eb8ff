import type { Writable } from 'node:stream';
import { writeSheet } from '@fupin/kit';
import ExcelJS from 'exceljs';
import { COLUMNS } from './pairing-sheet';
import type { RejectedRow } from './pairing-import.model';

export const DATA_SHEET = '结对帮扶名单';

/** The empty pairing list to fill in, with a sheet explaining each column. */
export async function writeTemplate(out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.key,
    width: Math.max(12, [...c.header].length * 2 + 4),
    style: { numFmt: '@' },
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRow({
    helperName: '张三',
    unit: '县农业农村局',
    rank: '科级',
    position: '副局长',
    phone: '',
    helperArea: '',
    householdNo: '（户编号）',
    role: '重点帮扶',
    startDate: '2016-01-01',
  }).commit();
  await ws.commit();
  const info = wb.addWorksheet('说明');
  info.getColumn(1).width = 20;
  info.getColumn(2).width = 90;
  const lines: [string, string][] = [
    ['结对帮扶名单导入', 'Pairing list import · 挂包帮「干部帮户」'],
    ['', '每行一名干部与一户的结对；带 * 的列必填。首次出现的干部（按单位+姓名）自动登记。'],
    [
      '',
      '重点帮扶与联系户数受职级标准限制（如厅级重点帮扶4户、联系3户），超出的行会被拒绝并说明原因。',
    ],
    [
      '',
      '有错误的行不导入，其余行照常导入；重复导入同一名单不会产生重复结对。也可上传 CSV（UTF-8 或 GBK）。',
    ],
    ['', ''],
    ...COLUMNS.map((c): [string, string] => [c.header, c.note]),
  ];
  for (const [a, b] of lines) info.addRow([a, b]).commit();
  await info.commit();
  await wb.commit();
}

/** The refused rows: sheet row, column, header, code and the reason in both languages. */
export async function writeReport(out: Writable, rows: RejectedRow[]): Promise<void> {
  const flat = rows.flatMap((r) => r.errors.map((e) => ({ r, e })));
  await writeSheet(out, {
    name: '错误报告',
    rows: flat,
    columns: [
      { header: '行号 Row', value: ({ r }) => r.row },
      { header: '户编号 Household', text: true, width: 16, value: ({ r }) => r.householdNo },
      { header: '干部 Helper', value: ({ r }) => r.helperName },
      { header: '列 Column', value: ({ e }) => e.column },
      { header: '列名 Header', width: 16, value: ({ e }) => e.header },
      { header: '代码 Code', width: 30, value: ({ e }) => e.code },
      { header: '原因', width: 60, value: ({ e }) => e.message['zh-CN'] },
      { header: 'Reason', width: 60, value: ({ e }) => e.message.en },
    ],
  });
}

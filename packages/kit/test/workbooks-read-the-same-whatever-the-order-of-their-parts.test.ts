import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellText, readRows, type TableRow } from '../src/tables';

/**
 * Excel stores a workbook's parts in one order; WPS, LibreOffice and tools that re-zip a file
 * store them in others. The rows read must not depend on it: a 出生日期 stays a date and a
 * sheet keeps its name even when the worksheet comes before the styles and the sheet list.
 */
async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const members = wb.addWorksheet('户与成员');
  members.addRow(['姓名', '出生日期', '人均纯收入']);
  const born = members.addRow(['张三', new Date(Date.UTC(1967, 4, 1)), 3215.5]);
  born.getCell(2).numFmt = 'yyyy-mm-dd';
  const notes = wb.addWorksheet('说明');
  notes.addRow(['填表说明']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with its parts stored in the given order (the rest after them). */
async function reordered(xlsx: Buffer, first: string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const order = [
    ...first.filter((n) => names.includes(n)),
    ...names.filter((n) => !first.includes(n)),
  ];
  const out = new JSZip();
  for (const name of order) out.file(name, await zip.file(name)!.async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rowsOf(xlsx: Buffer): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const r of readRows(() => Readable.from([xlsx]), 'xlsx', null)) rows.push(r);
  return rows;
}

const asRead = (rows: TableRow[]) =>
  rows.map((r) => [r.sheet, r.row, ...r.cells.slice(1).map((c) => cellText(c ?? null))]);

const expected = [
  ['户与成员', 1, '姓名', '出生日期', '人均纯收入'],
  ['户与成员', 2, '张三', '1967-05-01', '3215.5'],
  ['说明', 1, '填表说明'],
];

test.each([
  ['as exceljs writes it', []],
  [
    'worksheets before the styles (shared strings first)',
    [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ],
  ],
  [
    'worksheets before the sheet list and the styles',
    [
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/styles.xml',
      'xl/workbook.xml',
    ],
  ],
  [
    'the second worksheet stored before the first',
    [
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet2.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ],
  ],
])('dates, numbers and sheet names read the same (%s)', async (_case, first) => {
  const xlsx = first.length ? await reordered(await workbook(), first) : await workbook();

  const rows = await rowsOf(xlsx);

  expect(asRead(rows)).toEqual(expected);
  expect(rows[1]!.cells[2]).toBeInstanceOf(Date);
});

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readRows } from '../src/tables';

// The streaming reader gets the decompressed XML in 16 KB pieces; thousands of rows of
// Chinese text put many characters across the seams between them.
const texts = Array.from({ length: 3000 }, (_, i) => `自身发展动力不足·第${i}户·桃花源村`);

async function readBack(xlsx: Buffer): Promise<unknown[]> {
  const cells: unknown[] = [];
  for await (const r of readRows(() => Readable.from([xlsx]), 'xlsx', null)) cells.push(r.cells[1]);
  return cells;
}

test.each([
  ['shared strings', true],
  ['inline strings', false],
])('every Chinese cell of a large workbook reads back unchanged (%s)', async (_kind, shared) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户与成员');
  for (const t of texts) ws.addRow([t]);
  // exceljs's declared options lack useSharedStrings, which its writer honours.
  const options = { useSharedStrings: shared } as Partial<ExcelJS.XlsxWriteOptions>;
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer(options));

  const cells = await readBack(xlsx);

  expect(cells.filter((c) => typeof c === 'string' && c.includes('\uFFFD'))).toEqual([]);
  expect(cells).toEqual(texts);
});

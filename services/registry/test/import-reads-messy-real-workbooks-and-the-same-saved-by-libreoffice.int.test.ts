import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { importFile, seedImportAreas } from './fixtures/import-files';
import {
  MESSY_IDS,
  MESSY_ROWS,
  MESSY_SHEET,
  messyCountyWorkbook,
} from './fixtures/messy-county-workbook';
import { startRegistry, type TestRegistry } from './fixtures/registry';

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

/** The messy workbook saved again by LibreOffice (`soffice --convert-to xlsx`, Debian). */
const LIBREOFFICE = path.join(__dirname, 'fixtures', 'messy-county-libreoffice.xlsx');

const STORED = ['M-0001', 'M-0002', 'M-0003', '1005', 'M-0008'];

async function importAndCheck(file: Buffer) {
  const { job } = await importFile(t.app, t.tokens.county, file, { fileName: 'messy.xlsx' });
  expect(job.status).toBe('completed');
  // Read under its title row, through its two-row merged header; only what cannot be
  // trusted is refused: the ID number and the bank account stored as numbers.
  expect(job.rejected.map((r) => [r.sheet, r.row, r.errors.map((e) => e.code)])).toEqual([
    [MESSY_SHEET, MESSY_ROWS.idAsNumber.row, ['ID_NOT_TEXT']],
    [MESSY_SHEET, MESSY_ROWS.accountAsNumber.row, ['NUMBER_NOT_TEXT']],
  ]);
  const idError = job.rejected[0]!.errors[0]!;
  expect(idError).toMatchObject({ header: '身份证号', column: 'D' });
  // Excel kept 15 significant digits: the message says what was read.
  const kept = Math.round(Number(MESSY_IDS.idAsNumber.slice(0, 16)) / 10);
  expect(idError.message['zh-CN']).toContain(`读到的是 ${kept}000`);
  expect(job.rejected[1]!.errors[0]!.header).toBe('银行账号');
  expect(job.counts).toMatchObject({ householdsRejected: 2, rowsRejected: 2 });
  expect(job.counts.householdsCreated + job.counts.householdsUnchanged).toBe(5);
  expect((job as unknown as { unknownHeaders: string[] }).unknownHeaders).toEqual(['备注']);

  const stored = await t.registry.models.households
    .find({}, { householdNo: 1, members: 1, areaCode: 1 })
    .lean();
  expect(stored.map((h) => h.householdNo).sort()).toEqual([...STORED].sort());
  // Every 出生日期 is the member's: date cells and dates written as text alike.
  const births = new Map(
    stored.flatMap((h) => h.members.map((m) => [m.name, m.birthDate] as const)),
  );
  expect(Object.fromEntries(births)).toEqual({
    张大山: MESSY_ROWS.dateCell.birth,
    李小花: MESSY_ROWS.slashText.birth,
    王二: MESSY_ROWS.compactText.birth,
    赵三: MESSY_ROWS.chineseText.birth,
    钱四: MESSY_ROWS.isoTextNumbers.birth,
    吴七: MESSY_ROWS.lastDateCell.birth,
  });
  expect(new Set(stored.map((h) => h.areaCode)).size).toBe(1);
}

test('a messy county workbook (title row, two-row merged header, dates as cells and as text, numbers in code columns) is read; numbers that lost digits are refused', async () => {
  await importAndCheck(await messyCountyWorkbook());
});

test('the same workbook saved by LibreOffice (its parts in another order) reads the same: every 出生日期 a date', async () => {
  await importAndCheck(await readFile(LIBREOFFICE));
});

import ExcelJS from 'exceljs';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { idNumber } from './support/data';
import { TOWNSHIP_A, VILLAGE_A1, consoleStackForThisFile } from './support/stack';

/**
 * The household import report as a new user meets it: the sheet by its own name, the rows in
 * row order, the rows of a refused household together, the invalid row with its reason and
 * the household's other rows marked as not stored because of it — Chinese first.
 */
const t = consoleStackForThisFile();
const SHEET = '桃花源村花名册';
/** Well formed, in township A, but no village of the area tree. */
const NO_SUCH_VILLAGE = '431121101299';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['桃花源村建档立卡贫困户花名册']);
  ws.addRow(['户编号', '行政村代码', '成员姓名', '身份证号', '与户主关系']);
  const rows = [
    ['RPT-1', VILLAGE_A1, '孙建国', idNumber('1961-02-03', 701), '户主'],
    ['RPT-1', VILLAGE_A1, '孙建民', idNumber('1963-05-06', 703), '户主'],
    ['RPT-2', NO_SUCH_VILLAGE, '吴娜', idNumber('1958-07-08', 705), '户主'],
    ['RPT-2', NO_SUCH_VILLAGE, '吴强', idNumber('1982-07-08', 707), '之子'],
    ['RPT-3', VILLAGE_A1, '郑五', idNumber('1970-09-10', 709), '户主'],
  ];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the report names the sheet, lists rows in order and marks the rows refused because of another row of their household', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang-report',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto('/#/imports/create');
    await settled(page);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.locator('input[name=importFile]').setInputFiles({
      name: '桃花源村花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook(),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.waitForURL(/#\/imports\/[^/]+\/show/);
    await page
      .getByTestId('job-progress-percent')
      .filter({ hasText: '100%' })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('import-rejections').waitFor();
    await settled(page);

    await expect(page.getByTestId('import-report-sheet').allInnerTexts()).resolves.toEqual([
      `工作表「${SHEET}」`,
    ]);
    const households = page.getByTestId('import-report-household');
    await expect(households.count()).resolves.toBe(2);
    expect(await households.nth(0).innerText()).toContain('户编号 RPT-1：整户未导入（共 2 行）');
    const lines = page.getByTestId('import-report-row');
    const texts = (await lines.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(texts.map((s) => s.split(' ')[0])).toEqual(['3', '4', '5', '6']);
    expect(texts[0]).toContain('因同户第 4 行有误未导入');
    expect(texts[1]).toContain('有误');
    expect(texts[1]).toContain('与户主关系');
    expect(texts[1]).toContain('一户只能有一名户主');
    expect(texts[2]).toContain('行政村代码');
    expect(texts[2]).toContain(NO_SUCH_VILLAGE);
    expect(texts[3]).toContain('因同户第 5 行有误未导入');
    await expect(
      page.locator('[data-testid=import-report-row][data-refused-by-other=true]').count(),
    ).resolves.toBe(2);
    const counts = (await page.getByTestId('import-counts').innerText()).replace(/\s+/g, ' ');
    expect(counts).toContain('新增户 1');
    expect(counts).toContain('拒绝行 4');
    expect(await untranslated(page, [township.username, /^RPT-\d$/, SHEET])).toEqual([]);
    await screenshot(page, 'import-report-households-refused-whole');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

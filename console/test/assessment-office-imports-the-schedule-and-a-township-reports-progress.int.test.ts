import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { consoleStackForThisFile, TOWNSHIP_A } from './support/stack';

/**
 * 倒排工期 in the console: the poverty office checks the county's sheet, then imports it (one
 * row refused, reported with its row and column), and the list shows each task's standing; a
 * township user sees its own task only and reports its progress with a milestone done.
 */
const t = consoleStackForThisFile();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;
const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);

async function schedule(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('倒排工期表');
  ws.addRow(['任务编号', '工作任务', '责任单位', '实施区域', '开始日期', '完成时限', '节点安排']);
  ws.addRow(['RW-01', '完成建档立卡动态调整', '县扶贫办', '', day(-60), day(-3), '']);
  ws.addRow([
    'RW-02',
    '完成贫困户入户走访',
    '城关镇',
    TOWNSHIP_A,
    day(-2),
    day(30),
    `入户核查 ${day(10)}`,
  ]);
  ws.addRow(['RW-03', '兑现教育资助', '县教育局', '', day(-30), day(4), '']);
  ws.addRow(['RW-04', '完成时限早于开始', '县住建局', '', day(10), day(1), '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Data the pages show as it was entered: the task codes and the users' names. */
const DATA = ['fupinban', 'RW-01', 'RW-02', 'RW-03', 'xiangzhen01'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({
    name,
    problems: [],
  });
  await screenshot(page, name);
}

async function importSheet(page: Page, file: Buffer, dryRun: boolean) {
  await page.getByRole('button', { name: '导入倒排工期表' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .locator('input[name=file]')
    .setInputFiles({ name: '倒排工期表.xlsx', mimeType: XLSX, buffer: file });
  if (!dryRun) await dialog.getByLabel('仅检查，不入库').uncheck();
  await dialog.getByRole('button', { name: '导入倒排工期表' }).click();
  return dialog;
}

test('the office checks and imports the schedule, and sees what is late', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/schedule-tasks');
    await settled(page);
    const file = await schedule();

    let dialog = await importSheet(page, file, true);
    await dialog.getByText('检查 4 行：可新增 3 项，拒绝 1 行（未入库）').waitFor();
    expect(await dialog.innerText()).toMatch(/5\s+完成时限\s+完成时限不能早于开始日期/);
    await expectChinese(page, 'tasks-import-checked');
    await page.keyboard.press('Escape');
    await expect(page.locator('.RaList-main tbody tr').count()).resolves.toBe(0);

    dialog = await importSheet(page, file, false);
    await dialog.getByText('读取 4 行，新增 3 项，拒绝 1 行').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.RaList-main tbody tr').nth(2).waitFor();
    await settled(page);
    const rows = await page.locator('.RaList-main tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['RW-01', 'RW-03', 'RW-02']);
    expect(rows[0]).toContain('已逾期');
    expect(rows[0]).toContain('已超过完成时限 3 天');
    expect(rows[1]).toContain('临期预警');
    expect(rows[2]).toContain('按期推进');
    await expectChinese(page, 'tasks-list');

    await page.goto('/#/');
    await page.getByTestId('task-schedule-card').waitFor();
    await settled(page);
    const card = await page.getByTestId('task-schedule-card').innerText();
    expect(card).toMatch(/已逾期\s*1/);
    expect(card).toContain('RW-01 完成建档立卡动态调整');
    await screenshot(page, 'tasks-dashboard-card');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('a township user sees its own task only and reports progress with a milestone done', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'xiangzhen01',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto('/#/schedule-tasks');
    await page.locator('.RaList-main tbody tr').first().waitFor();
    await settled(page);
    const rows = await page.locator('.RaList-main tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('RW-02');
    await page.locator('.RaList-main tbody tr').first().click();
    await page.getByTestId('task-milestones').waitFor();
    await page.getByRole('button', { name: '填报进度' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^完成进度/).fill('60');
    await dialog.getByLabel(/^入户核查/).check();
    await dialog.getByLabel(/^进展情况/).fill('已走访六成贫困户');
    await dialog.getByRole('button', { name: /保存|提交|确定/ }).click();
    await page.getByText('进度已填报').waitFor();
    await page.getByTestId('task-reports').waitFor();
    await settled(page);
    expect(await page.getByTestId('task-reports').innerText()).toContain('已走访六成贫困户');
    expect(await page.getByTestId('task-milestones').innerText()).toMatch(
      new RegExp(`入户核查\\s+${day(10)}\\s+${day(0)}`),
    );
    expect(await page.getByTestId('task-progress').innerText()).toContain('60%');
    await expectChinese(page, 'tasks-show-reported');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber, sheetRows } from './support/data';
import { consoleStackForThisFile, COUNTY, VILLAGE_A1 } from './support/stack';

/**
 * 数据比对 in the console, two pages: the list upload's preview reads a county's workbook as
 * the service does (two title rows above a header with merged cells: the header found on row
 * 3, a wrong header row shown as an ID-column problem, the sheet's own row numbers in the
 * report); and 规则质量 shows each rule's verified findings in Chinese, by month, narrowed for a
 * department, and exports them as XLSX.
 */
const HEAD_1 = { name: '彭德华', idNumber: idNumber('1968-03-12', 411) };
const HEAD_2 = { name: '龙秀梅', idNumber: idNumber('1972-08-21', 422) };
const HEAD_3 = { name: '田光明', idNumber: idNumber('1959-01-30', 433) };
const STRANGER = idNumber('1985-11-02', 444);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  for (const [no, head] of [
    ['431121101-0411', HEAD_1],
    ['431121101-0422', HEAD_2],
    ['431121101-0433', HEAD_3],
  ] as const)
    await api(
      gatewayUrl,
      token,
      'POST',
      '/api/registry/households',
      household(no, VILLAGE_A1, head),
    );
  // The matching service takes the households in from the registry's events.
  for (let i = 0; ; i++) {
    const s = await api<{ people: number }>(
      gatewayUrl,
      token,
      'GET',
      '/api/matching/person-index/status',
    );
    if (s.people >= 3) break;
    if (i > 240) throw new Error(`the person index has ${s.people} people`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

const DATA = [/^[0-9a-f-]{32,36}$/, 'fupinban', 'gongan', 'canlian'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

/**
 * A vehicle list as a county's traffic police saves it: a merged title and a merged note above
 * the header, the header over rows 3–4 (序号, 车主姓名 and 身份证号码 merged down, 车辆信息 merged
 * across 号牌号码 and 车辆类型), data from row 5; row 7's ID number has 17 characters.
 */
async function titledVehicleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机动车登记');
  ws.getCell('A1').value = '某县机动车登记信息表';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = '填报单位：县公安局交通管理大队　数据截至：2026年10月31日';
  ws.mergeCells('A2:E2');
  for (const [cell, text, range] of [
    ['A3', '序号', 'A3:A4'],
    ['B3', '车主姓名', 'B3:B4'],
    ['C3', '身份证号码', 'C3:C4'],
    ['D3', '车辆信息', 'D3:E3'],
  ] as const) {
    ws.getCell(cell).value = text;
    ws.mergeCells(range);
  }
  ws.getCell('D4').value = '号牌号码';
  ws.getCell('E4').value = '车辆类型';
  for (const values of [
    ['1', HEAD_1.name, HEAD_1.idNumber, '湘J·A1234', '小型轿车'],
    ['2', '路人甲', STRANGER, '湘J·B5678', '小型轿车'],
    ['3', '错号', '43112119800101123', '湘J·C9012', '轻型货车'],
    ['4', HEAD_2.name, HEAD_2.idNumber, '湘J·D3456', '二轮摩托车'],
  ])
    ws.addRow(values);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Picks an option of a select by its label (MUI renders the choices in a listbox). */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The row numbers the preview marks as the header. */
const markedRows = (page: Page) =>
  page.getByTestId('list-preview').locator('tbody tr.Mui-selected td:first-child').allInnerTexts();

test('the upload preview finds the header under two title rows, shows a wrong header row as an ID-column problem, and the report keeps the sheet rows', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/department-lists/create');
    await settled(page);
    await page.locator('input[name=listDate]').fill('2026-10-31');
    await page.locator('input[name=listFile]').setInputFiles({
      name: '机动车登记.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await titledVehicleWorkbook(),
    });

    // The service's reading: the header found on row 3, reaching row 4 through its merges.
    const preview = page.getByTestId('list-preview');
    await preview.getByText('表头：第 3–4 行，数据从第 5 行开始').waitFor();
    await expect(page.getByRole('combobox', { name: '表头所在行' }).innerText()).resolves.toBe(
      '自动识别（第 3 行）',
    );
    await expect(markedRows(page)).resolves.toEqual(['3', '4']);
    await expect(preview.innerText()).resolves.toContain('身份证号列：C · 身份证号码');
    await expect(page.getByRole('combobox', { name: '身份证号所在列' }).innerText()).resolves.toBe(
      '自动识别（C · 身份证号码）',
    );
    // The title rows are shown as they are; ID numbers only masked.
    await expect(preview.innerText()).resolves.toContain('某县机动车登记信息表');
    expect(await page.locator('body').innerText()).not.toContain(HEAD_1.idNumber);
    await expect(page.getByText('未找到“身份证号”').count()).resolves.toBe(0);
    await expectChinese(page, 'matching-list-preview-found');

    // Row 1 (the title) as the header: no ID-number column, and nothing can be uploaded.
    await choose(page, '表头所在行', '第 1 行');
    await preview.getByText(/^表头：第 1–\d 行/).waitFor();
    await page.getByText('未找到“身份证号”').waitFor();
    await expect(preview.innerText()).resolves.not.toContain('身份证号列：');
    await expect(markedRows(page)).resolves.not.toContain('3');
    const upload = page.getByRole('button', { name: '上传并生成报告' });
    await expect(upload.isDisabled()).resolves.toBe(true);
    await expectChinese(page, 'matching-list-preview-wrong-header-row');

    // Back to row 3, and the ID column picked by hand.
    await choose(page, '表头所在行', '第 3 行');
    await preview.getByText('表头：第 3–4 行，数据从第 5 行开始').waitFor();
    await expect(markedRows(page)).resolves.toEqual(['3', '4']);
    await expect(page.getByText('未找到“身份证号”').count()).resolves.toBe(0);
    await choose(page, '身份证号所在列', 'C · 身份证号码');
    await expect(upload.isDisabled()).resolves.toBe(false);
    // The answer is awaited on its own (a loaded machine may take a while to read the file), so
    // a refusal fails here with its status rather than as a page that never moved.
    const [answered] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/api\/matching\/lists\?/.test(r.url()),
        { timeout: 120_000 },
      ),
      upload.click(),
    ]);
    expect(answered.status()).toBe(201);
    const query = new URL(answered.url()).searchParams;
    expect({ headerRow: query.get('headerRow'), idColumn: query.get('idColumn') }).toEqual({
      headerRow: '3',
      idColumn: 'C',
    });

    // The report: four data rows, the 17-character number refused on the sheet's row 7.
    await page.waitForURL(/#\/department-lists\/[^/]+\/show/);
    await page.getByTestId('list-counts').waitFor();
    await settled(page);
    const counts = (await page.getByTestId('list-counts').innerText()).replace(/\s+/g, ' ');
    expect(counts).toContain('读取行数 4');
    expect(counts).toContain('有效行数 3');
    expect(counts).toContain('拒绝行数 1');
    const rejected = page.getByTestId('list-rejections').locator('tbody tr');
    await expect(rejected.count()).resolves.toBe(1);
    const row = await rejected.first().innerText();
    expect(row).toMatch(/^7\s+身份证号码/);
    expect(row).not.toContain('43112119800101123');
    expect(await page.getByTestId('list-columns').innerText()).toContain('身份证号码：身份证号列');
    await expectChinese(page, 'matching-list-report-titled-workbook');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

/** Uploads a vehicle list through the API, matches it and waits for the run's findings. */
async function vehicleFindings(): Promise<{ id: string; memberName: string }[]> {
  const { gatewayUrl } = t.stack.platform;
  const token = t.stack.office.accessToken;
  const csv = [
    '车主姓名,身份证号,号牌号码',
    ...[HEAD_1, HEAD_2, HEAD_3].map((h, i) => `${h.name},${h.idNumber},湘J·E10${i}`),
  ].join('\r\n');
  const q = new URLSearchParams({ type: 'vehicles', date: '2026-11-30', fileName: '车辆.csv' });
  const res = await fetch(`${gatewayUrl}/api/matching/lists?${q.toString()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Buffer.from(csv, 'utf8'),
  });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  const list = (await res.json()) as { id: string };
  const run = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/matching/runs', {
    listId: list.id,
  });
  for (let i = 0; ; i++) {
    const r = await api<{ status: string }>(
      gatewayUrl,
      token,
      'GET',
      `/api/matching/runs/${run.id}`,
    );
    if (r.status === 'completed') break;
    if (r.status === 'failed' || i > 240) throw new Error(`the run is ${r.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const filter = encodeURIComponent(JSON.stringify({ runId: run.id }));
  return api(gatewayUrl, token, 'GET', `/api/matching/findings?filter=${filter}`);
}

/** The cells of the line of a figures table that names `name`. */
const lineCells = (page: Page, table: string, name: string) =>
  page
    .getByTestId(table)
    .getByTestId('quality-line')
    .filter({ hasText: name })
    .locator('td')
    .allInnerTexts();

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

test('规则质量 shows each rule in Chinese with its verified findings by month, is narrowed for a department, and exports XLSX', async () => {
  const { gatewayUrl } = t.stack.platform;
  const token = t.stack.office.accessToken;
  // Three findings: one confirmed, one dismissed (the department's data is wrong), one pending.
  const findings = await vehicleFindings();
  const of = (h: { name: string }) => findings.find((f) => f.memberName === h.name)!.id;
  expect(findings.map((f) => f.memberName).sort()).toEqual(
    [HEAD_1.name, HEAD_2.name, HEAD_3.name].sort(),
  );
  await api(gatewayUrl, token, 'POST', `/api/matching/findings/${of(HEAD_1)}/verify`, {
    conclusion: 'confirmed',
  });
  await api(gatewayUrl, token, 'POST', `/api/matching/findings/${of(HEAD_2)}/verify`, {
    conclusion: 'not_confirmed',
    reasonCode: 'department_data_wrong',
    reason: '车辆已于去年过户，交警名单未更新',
  });
  const period = await api<{ from: string; to: string }>(
    gatewayUrl,
    token,
    'GET',
    '/api/matching/quality/rules',
  );

  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.getByRole('menuitem', { name: '规则质量' }).click();
    await page.waitForURL(/#\/matching-quality$/);
    await page.getByTestId('quality-by-rule').waitFor();
    await settled(page);
    // The service's default period, up to today.
    expect(period.to).toBe(today());
    await expect(page.locator('input[name=from]').inputValue()).resolves.toBe(period.from);
    await expect(page.locator('input[name=to]').inputValue()).resolves.toBe(period.to);

    // 规则, 名单类型, 部门, 属实, 已更正数据, 不属实, 不属实原因, 已核实, 期末待核实, 期末逾期, 属实率.
    const figures = ['1', '0', '1', '部门数据有误 1', '2', '1', '0', '50.00%'];
    await expect(lineCells(page, 'quality-by-rule', '家庭成员有车辆登记')).resolves.toEqual([
      '家庭成员有车辆登记',
      '车辆登记（公安）',
      '公安',
      ...figures,
      '',
    ]);
    await expect(lineCells(page, 'quality-by-rule', '合计')).resolves.toEqual([
      '合计',
      ...figures,
      '',
    ]);
    await expect(lineCells(page, 'quality-by-list-type', '车辆登记（公安）')).resolves.toEqual([
      '车辆登记（公安）',
      '公安',
      ...figures,
      '',
    ]);
    const list = await lineCells(page, 'quality-by-list', '数据日期 2026-11-30');
    expect(list.slice(1, -1)).toEqual(['公安', ...figures]);

    // Its months: both decisions this month (Asia/Shanghai).
    const [year, month] = today().split('-');
    await page
      .getByTestId('quality-by-rule')
      .getByTestId('quality-line')
      .filter({ hasText: '家庭成员有车辆登记' })
      .getByRole('button', { name: '按核实月份查看' })
      .click();
    const months = page.getByTestId('quality-by-rule').getByTestId('quality-months');
    await months.waitFor();
    await expect(months.locator('tbody tr td').allInnerTexts()).resolves.toEqual([
      `${year}年${Number(month)}月`,
      '1',
      '0',
      '1',
      '部门数据有误 1',
      '2',
      '50.00%',
    ]);
    await expectChinese(page, 'matching-rule-quality');

    // Another list type: nothing verified or pending.
    await choose(page, '名单类型', '工商登记（市场监管）');
    await page.getByText('统计期间内没有核实过或待核实的比对问题').waitFor();
    await choose(page, '名单类型', '全部名单类型');
    await page.getByTestId('quality-by-rule').waitFor();

    // The export: the same figures as a workbook, fetched with the session's token.
    const [response, download] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/matching/exports/rule-quality.xlsx')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出规则质量' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain(XLSX_TYPE);
    expect(download.suggestedFilename()).toBe(`规则质量-${period.from}至${period.to}.xlsx`);
    const rows = await sheetRows(await download.path());
    const line = rows.find((r) => r['代码'] === 'VEHICLE_OWNER' && r['月份'] === '合计');
    expect(line).toMatchObject({
      维度: '规则',
      属实: '1',
      不属实: '1',
      '不属实：部门数据有误': '1',
      已核实: '2',
      期末待核实: '1',
      '属实率（%）': '50',
    });
    await page.getByText(/^已导出：规则质量-/).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }

  // 公安 sees its vehicle rule; 残联 supplies no vehicle list and sees none. Neither exports.
  for (const [username, department, sees] of [
    ['gongan', 'public_security', true],
    ['canlian', 'disabled_persons_federation', false],
  ] as const) {
    const user = await t.stack.platform.signedInUser({
      roles: ['department_staff'],
      areaCode: COUNTY,
      department,
      username,
    });
    const other = await consolePage(t.browser, t.stack.consoleUrl);
    try {
      await signIn(other.page, user.username, user.password);
      await other.page.getByRole('menuitem', { name: '规则质量' }).click();
      await other.page.getByTestId('quality-figures').waitFor();
      await settled(other.page);
      if (sees)
        await expect(
          lineCells(other.page, 'quality-by-rule', '家庭成员有车辆登记'),
        ).resolves.toContain('50.00%');
      else await other.page.getByText('统计期间内没有核实过或待核实的比对问题').waitFor();
      await expect(other.page.getByRole('button', { name: '导出规则质量' }).count()).resolves.toBe(
        0,
      );
      await expectChinese(other.page, `matching-rule-quality-${username}`);
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  }
}, 300_000);

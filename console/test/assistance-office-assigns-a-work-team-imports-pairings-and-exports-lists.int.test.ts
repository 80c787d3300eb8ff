import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import {
  consolePage,
  screenshot,
  settled,
  signIn,
  untranslated,
  walkPages,
} from './support/browser';
import { api, household, idNumber, sheetRows } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 帮扶管理 as the poverty office works it in the browser: it sends a work team to a village and
 * names the village's first secretary through the forms, then ends that term with a reason; it
 * imports a pairing list with good and bad rows and sees the import at 100% with every refused
 * row and its row number; a list's export button downloads the rows the list shows, filter
 * included. Every new page is all Chinese; a screenshot of each is kept.
 */
const H1 = '431121101-0401';
const H2 = '431121101-0402';
const ids: Record<string, string> = {};

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  for (const [no, name, birth, seq] of [
    [H1, '唐秀英', '1961-07-09', 401],
    [H2, '罗德胜', '1957-11-23', 402],
  ] as const) {
    const h = await api<{ id: string }>(
      gatewayUrl,
      token,
      'POST',
      '/api/registry/households',
      household(no, VILLAGE_A1, { name, idNumber: idNumber(birth, seq) }),
    );
    ids[no] = h.id;
  }
  // The assistance service learns of the households from the registry's events.
  for (let i = 0; ; i++) {
    const found = await api<unknown[]>(
      gatewayUrl,
      token,
      'GET',
      `/api/assistance/households?filter=${encodeURIComponent(JSON.stringify({ id: [ids[H1], ids[H2]] }))}`,
    );
    if (found.length === 2) break;
    if (i > 120) throw new Error('the households never reached the assistance service');
    await new Promise((r) => setTimeout(r, 250));
  }
  const helper = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/helpers', {
    name: '欧阳明',
    unit: '县农业农村局',
    rank: 'section_level',
    position: '副局长',
    department: 'agriculture',
    areaCode: TOWNSHIP_A,
  });
  ids.helper = helper.id;
});

const q = (filter: object) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;
const get = <T>(path: string) =>
  api<T>(t.stack.platform.gatewayUrl, t.stack.office.accessToken, 'GET', path);

/** Chooses the option of an autocomplete found by typing `text`. */
async function choose(page: Page, input: Locator, text: string, option: RegExp) {
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

test('the office sends a work team, names a first secretary and ends the secretary’s term', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);

    // 驻村工作队: a leader typed in, a member chosen among the helpers.
    await page.goto('/#/work-teams/create');
    await settled(page);
    await choose(page, page.getByLabel('所在村'), '桃花源', /桃花源村/);
    await page.getByLabel('派出单位').fill('县财政局');
    await page.getByLabel('工作队名称').fill('县财政局驻桃花源村工作队');
    await page.locator('input[name="members.0.name"]').fill('李向阳');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await choose(page, page.getByLabel('帮扶干部').nth(1), '欧阳', /欧阳明/);
    await screenshot(page, 'assistance-work-team-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/work-teams\/[^/]+\/show/);
    const team = page.locator('.RaShow-main');
    await team.getByText('李向阳').waitFor();
    await settled(page);
    const shown = await team.innerText();
    expect(shown).toContain('县财政局驻桃花源村工作队');
    expect(shown).toContain('李向阳');
    expect(shown).toContain('队长');
    expect(shown).toContain('欧阳明');
    expect(await untranslated(page, [t.stack.office.username])).toEqual([]);
    await screenshot(page, 'assistance-work-team-show');
    ids.team = /#\/work-teams\/([^/]+)\/show/.exec(page.url())![1]!;

    const teams = await get<
      {
        id: string;
        unit: string;
        status: string;
        members: { id: string; name: string; role: string; helperId: string | null }[];
      }[]
    >(`/api/assistance/work-teams?${q({ area: VILLAGE_A1 })}`);
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({ id: ids.team, unit: '县财政局', status: 'active' });
    expect(teams[0]!.members.map((m) => [m.name, m.role, m.helperId])).toEqual([
      ['李向阳', 'leader', null],
      ['欧阳明', 'member', ids.helper],
    ]);

    // 调整工作队: a member joins the team in office; the two already in it keep their records.
    await team.getByText('李向阳').waitFor();
    await page.getByRole('link', { name: '编辑' }).click();
    await page.waitForURL(/#\/work-teams\/[^/]+$/);
    await settled(page);
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.locator('input[name="members.2.name"]').fill('王小红');
    await screenshot(page, 'assistance-work-team-edit');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/work-teams\/[^/]+\/show/);
    await team.getByText('王小红').waitFor();
    const [edited] = await get<
      { revision: number; members: { id: string; name: string; role: string }[] }[]
    >(`/api/assistance/work-teams?${q({ area: VILLAGE_A1 })}`);
    expect(edited!.members.map((m) => [m.name, m.role])).toEqual([
      ['李向阳', 'leader'],
      ['欧阳明', 'member'],
      ['王小红', 'member'],
    ]);
    expect(edited!.members.slice(0, 2).map((m) => m.id)).toEqual(
      teams[0]!.members.map((m) => m.id),
    );

    // 驻村第一书记, chosen among the helpers: the name and the unit come from the helper.
    await page.goto('/#/village-assignments/create');
    await settled(page);
    await choose(page, page.getByLabel('所在村'), '桃花源', /桃花源村/);
    await choose(page, page.getByLabel('帮扶干部'), '欧阳', /欧阳明/);
    await page.getByLabel('职务').fill('驻村第一书记');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/village-assignments\/[^/]+\/show/);
    await settled(page);
    ids.assignment = /#\/village-assignments\/([^/]+)\/show/.exec(page.url())![1]!;
    const assignmentPage = page.locator('.RaShow-main');
    await assignmentPage.getByText('县农业农村局').waitFor();

    // The term ends with a reason; the page shows it ended.
    await page.getByRole('button', { name: '结束任期' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('离任原因').fill('任期届满，调回原单位');
    await screenshot(page, 'assistance-assignment-end-dialog');
    await dialog.getByRole('button', { name: '结束任期' }).click();
    await assignmentPage.getByText('已离任').waitFor();
    await settled(page);
    const ended = await assignmentPage.innerText();
    expect(ended).toContain('已离任');
    expect(ended).toContain('任期届满，调回原单位');
    await expect(page.getByRole('button', { name: '结束任期' }).count()).resolves.toBe(0);
    await screenshot(page, 'assistance-assignment-ended');

    const assignment = await get<Record<string, unknown>>(
      `/api/assistance/village-assignments/${ids.assignment}`,
    );
    expect(assignment).toMatchObject({
      kind: 'first_secretary',
      areaCode: VILLAGE_A1,
      helperId: ids.helper,
      personName: '欧阳明',
      unit: '县农业农村局',
      position: '驻村第一书记',
      status: 'ended',
      endReason: '任期届满，调回原单位',
    });
    expect(assignment.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The list's default filter (在任) no longer shows it; the ended filter does.
    await page.goto('/#/village-assignments');
    await settled(page);
    await expect(
      page.locator('.RaList-main tbody tr', { hasText: '欧阳明' }).count(),
    ).resolves.toBe(0);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

/** The pairing list as the county fills it in: two good rows, two refused ones. */
async function pairingWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('结对名单');
  ws.addRow([
    '帮扶干部姓名',
    '工作单位',
    '职级',
    '职务',
    '联系电话',
    '户编号',
    '帮扶类型',
    '开始日期',
  ]);
  ws.addRow(['周建国', '县财政局', '科级', '副局长', '13907361111', H1, '重点帮扶', '2019-03-01']);
  ws.addRow(['周建国', '县财政局', '科级', '副局长', '13907361111', H2, '联系', '2019-03-01']);
  ws.addRow(['周建国', '县财政局', '科级', '副局长', '13907361111', '431121101-9999', '联系', '']);
  ws.addRow(['吴新民', '县水利局', '部级', '', '', H2, '帮忙', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('the office imports a pairing list and sees 100% and each refused row with its number', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/pairing-imports/create');
    await settled(page);
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.locator('input[name=importFile]').setInputFiles({
      name: '桃花源村结对名单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await pairingWorkbook(),
    });
    await screenshot(page, 'assistance-pairing-import-upload');
    await page.getByRole('button', { name: '开始导入' }).click();

    await page.waitForURL(/#\/pairing-imports\/[^/]+\/show/);
    await page.getByTestId('job-progress-percent').filter({ hasText: '100%' }).waitFor();
    await expect(page.getByTestId('job-progress-rows').innerText()).resolves.toBe(
      '已处理 4 / 4 行',
    );
    await settled(page);
    const counts = (await page.getByTestId('import-counts').innerText()).replace(/\s+/g, ' ');
    expect(counts).toContain('新增结对 2');
    expect(counts).toContain('新登记干部 1');
    expect(counts).toContain('拒绝行 2');
    const lines = page.getByTestId('import-rejections').locator('tbody tr');
    const texts = await lines.allInnerTexts();
    // Row 4: the household is unknown; row 5: the rank and the role are not recognised.
    expect(texts.map((l) => l.split('\t')[0]!.trim())).toEqual(['4', '5', '5']);
    expect(texts[0]).toContain('431121101-9999');
    expect(texts[0]).toContain('不存在');
    expect(texts[1]).toContain('吴新民');
    expect(texts.slice(1).join('\n')).toContain('部级');
    expect(texts.slice(1).join('\n')).toContain('帮扶类型');
    expect(await untranslated(page, [t.stack.office.username, /^[A-Z]$/])).toEqual([]);
    await screenshot(page, 'assistance-pairing-import-report');
    ids.import = /#\/pairing-imports\/([^/]+)\/show/.exec(page.url())![1]!;

    const stored = await get<{ counts: Record<string, number>; rejected: { row: number }[] }>(
      `/api/assistance/imports/${ids.import}`,
    );
    expect(stored.counts).toMatchObject({ rows: 4, pairingsCreated: 2, rowsRejected: 2 });
    expect(stored.rejected.map((r) => r.row)).toEqual([4, 5]);
    const pairings = await get<{ householdNo: string; helperName: string; role: string }[]>(
      `/api/assistance/pairings?${q({ status: 'active' })}&sort=${encodeURIComponent('["householdNo","ASC"]')}`,
    );
    expect(pairings.map((p) => [p.householdNo, p.helperName, p.role])).toEqual([
      [H1, '周建国', 'key'],
      [H2, '周建国', 'contact'],
    ]);

    // Left and opened again from the list, the report is still there.
    await page.goto('/#/pairing-imports');
    await settled(page);
    await page.locator('.RaList-main tbody tr', { hasText: '桃花源村结对名单.xlsx' }).click();
    await page.waitForURL(new RegExp(`#/pairing-imports/${ids.import}/show`));
    await page.getByTestId('import-rejections').waitFor();
    await expect(page.getByTestId('import-rejections').locator('tbody tr').count()).resolves.toBe(
      3,
    );
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('the export button downloads the pairings the filtered list shows', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(
      `/#/pairings?${q({ status: 'active', role: 'key' })}&order=ASC&page=1&perPage=25&sort=householdNo`,
    );
    await settled(page);
    const listed = (await page.locator('.RaList-main tbody tr').allInnerTexts()).map(
      (r) => /431121101-\d{4}/.exec(r)?.[0],
    );
    expect(listed).toEqual([H1]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await sheetRows(await download.path());
    expect(rows.map((r) => [r['户编号'], r['帮扶干部'], r['帮扶类型'], r['状态']])).toEqual([
      [H1, '周建国', '重点帮扶', '在帮'],
    ]);
    await screenshot(page, 'assistance-pairings-exported');

    // Without the role filter the list and the export both have the contact pairing too.
    const all = await get<unknown[]>(`/api/assistance/pairings?${q({ status: 'active' })}`);
    expect(all).toHaveLength(2);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('every new assistance page in zh-CN is all Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    const problems = await walkPages(
      page,
      [
        ['work-teams-list', '/#/work-teams'],
        ['work-teams-create', '/#/work-teams/create'],
        ['work-teams-show', `/#/work-teams/${ids.team}/show`],
        ['work-teams-edit', `/#/work-teams/${ids.team}`],
        ['village-assignments-list', '/#/village-assignments'],
        ['village-assignments-create', '/#/village-assignments/create'],
        ['village-assignments-show', `/#/village-assignments/${ids.assignment}/show`],
        ['pairing-imports-list', '/#/pairing-imports'],
        ['pairing-imports-create', '/#/pairing-imports/create'],
        ['pairing-imports-show', `/#/pairing-imports/${ids.import}/show`],
      ],
      [t.stack.office.username, /^[A-Z]$/, /^[0-9a-f-]{36}$/],
    );
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, COUNTY, VILLAGE_A1 } from './support/stack';

/**
 * 数据比对 in the console: the poverty office uploads a department list (mapping its ID
 * column), matches it, watches the run's progress bar reach 100%, sees the findings with
 * masked evidence, verifies one and takes it to closing, where the service refuses the same
 * person as second reviewer (双人复核) and the refusal is shown; another officer closes it.
 */
const HEAD_1 = { name: '彭德华', idNumber: idNumber('1968-03-12', 311) };
const HEAD_2 = { name: '龙秀梅', idNumber: idNumber('1972-08-21', 322) };
const STRANGER = idNumber('1985-11-02', 333);
const households: Record<string, string> = {};

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  for (const [no, head] of [
    ['431121101-0311', HEAD_1],
    ['431121101-0322', HEAD_2],
  ] as const) {
    const h = await api<{ id: string }>(
      gatewayUrl,
      token,
      'POST',
      '/api/registry/households',
      household(no, VILLAGE_A1, head),
    );
    households[no] = h.id;
  }
  // The matching service takes the households in from the registry's events.
  for (let i = 0; ; i++) {
    const s = await api<{ people: number }>(
      gatewayUrl,
      token,
      'GET',
      '/api/matching/person-index/status',
    );
    if (s.people >= 2) break;
    if (i > 240) throw new Error(`the person index has ${s.people} people`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

/** A vehicle list as the public-security bureau exports it: the ID column has its own header. */
const vehiclesCsv = [
  '序号,车主姓名,车主身份证,号牌号码',
  `1,彭德华,${HEAD_1.idNumber},湘J·A1234`,
  `2,路人甲,${STRANGER},湘J·B5678`,
  // Row 4: 17 characters, not an ID number.
  '3,错号,43112119800101123,湘J·C9012',
  `4,龙秀梅,${HEAD_2.idNumber},湘J·D3456`,
].join('\r\n');

const DATA = [/^[0-9a-f-]{32,36}$/, 'fupinban', /^u\d+-povertyoffice$/];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

test('the poverty office uploads a list, watches the run reach 100%, verifies a finding and cannot close it alone', async () => {
  const { gatewayUrl } = t.stack.platform;
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);

    // Upload: type, date, file, then the column mapping (车主身份证 is no usual header).
    await page.goto('/#/department-lists/create');
    await settled(page);
    await page.locator('input[name=listDate]').fill('2026-10-31');
    await page.locator('input[name=listFile]').setInputFiles({
      name: '车辆登记.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(vehiclesCsv, 'utf8'),
    });
    await page.getByTestId('column-mapping').waitFor();
    await page.getByText('未找到“身份证号”').waitFor();
    await expect(page.getByRole('button', { name: '上传并生成报告' }).isDisabled()).resolves.toBe(
      true,
    );
    await page.getByLabel('身份证号所在列').click();
    await page.getByRole('option', { name: 'C · 车主身份证' }).click();
    await expectChinese(page, 'matching-list-upload');
    await page.getByRole('button', { name: '上传并生成报告' }).click();

    // The list's report: four rows read, the 17-character number rejected with its row.
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
    expect(row).toMatch(/^4\s+车主身份证/);
    expect(row).not.toContain('43112119800101123');
    expect(await page.getByTestId('list-columns').innerText()).toContain('车主身份证：身份证号列');
    // 保留期限: the day the rows that led to no open finding are deleted, 90 days on.
    const retention = await page.getByTestId('list-retention').innerText();
    const day = /名单明细保留至 (\d{4}-\d{2}-\d{2})/.exec(retention)?.[1];
    const daysAhead = (Date.parse(`${day}T00:00:00+08:00`) - Date.now()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(89);
    expect(daysAhead).toBeLessThan(90.01);
    await expectChinese(page, 'matching-list-report');

    // The run: its page shows the progress bar fed by the job, up to 100%.
    await page.getByRole('button', { name: '对此名单发起比对' }).click();
    await page.waitForURL(/#\/matching-runs\/[^/]+\/show/);
    const runUrl = page.url();
    await page.getByRole('group', { name: '进度' }).waitFor();
    await page
      .getByTestId('run-progress-percent')
      .filter({ hasText: '100%' })
      .waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('run-progress-rows').innerText()).resolves.toBe(
      '已读取 3 / 3 行，比中 2 人，发现问题 2 条',
    );
    await page.getByTestId('run-summary').waitFor();
    const summary = (await page.getByTestId('run-summary').innerText()).replace(/\s+/g, ' ');
    expect(summary).toContain('家庭成员有车辆登记 2');
    await expectChinese(page, 'matching-run-completed');

    // Left and opened again from the run list, the run is where it was.
    await page.goto('/#/matching-runs');
    await settled(page);
    await screenshot(page, 'matching-runs-list');
    await page.getByRole('cell', { name: '单个名单' }).first().click();
    await page.waitForURL(runUrl);
    await page.getByTestId('run-progress-percent').filter({ hasText: '100%' }).waitFor();

    // The dashboard counts the open findings.
    await page.goto('/#/');
    await settled(page);
    const card = (await page.getByTestId('open-findings').innerText()).replace(/\s+/g, ' ');
    expect(card).toContain('未销号 2');
    expect(card).toContain('待复核销号 0');

    // The run's findings, then one of them with its masked evidence.
    await page.goto(runUrl);
    await settled(page);
    await page.getByRole('link', { name: '查看本次发现的问题' }).click();
    await page.waitForURL(/#\/matching-findings\?/);
    await settled(page);
    const rows = page.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await expectChinese(page, 'matching-findings-list');
    await page.getByRole('cell', { name: HEAD_1.name }).click();
    await page.waitForURL(/#\/matching-findings\/[^/]+\/show/);
    await page.getByTestId('finding-evidence').waitFor();
    const findingId = /#\/matching-findings\/([^/]+)\/show/.exec(page.url())![1]!;
    const evidence = await page.getByTestId('finding-evidence').innerText();
    expect(evidence).toContain('比对依据：部门名单记录（已脱敏）');
    const masked = await page.getByTestId('evidence-id').innerText();
    expect(masked).toMatch(/^\d{4}\*+[\dX]{4}$/);
    expect(await page.locator('body').innerText()).not.toContain(HEAD_1.idNumber);
    await expectChinese(page, 'matching-finding-show');

    // 督办: the office sets the deadline, with its time of day and a reason.
    const due = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}T17:00`;
    await page.getByRole('button', { name: '调整整改期限', exact: true }).click();
    await page.getByRole('dialog').locator('input[name=dueAt]').fill(local);
    await page
      .getByRole('dialog')
      .locator('textarea[name=reason]')
      .fill('县扶贫办督办：限期反馈核实结果');
    await page.getByRole('dialog').getByRole('button', { name: '调整整改期限' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect(
      api<{ dueAt: string; history: { action: string }[] }>(
        gatewayUrl,
        t.stack.office.accessToken,
        'GET',
        `/api/matching/findings/${findingId}`,
      ),
    ).resolves.toMatchObject({
      // The browser's clock is Beijing time: 17:00 there.
      dueAt: new Date(`${local}:00+08:00`).toISOString(),
      history: [{ action: 'created' }, { action: 'due' }],
    });

    // 核实 → 整改 → 初审, each by the same officer.
    await page.getByRole('button', { name: '核实', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '核实' }).click();
    await page
      .getByTestId('finding-workflow')
      .getByRole('button', { name: '整改', exact: true })
      .waitFor();
    await page.getByText('已核实').first().waitFor();
    await page.getByRole('button', { name: '整改', exact: true }).click();
    await page
      .getByRole('dialog')
      .locator('textarea[name=note]')
      .fill('已核实车辆为亲属借名登记，已调整帮扶措施');
    await page.getByRole('dialog').getByRole('button', { name: '整改' }).click();
    await page.getByTestId('finding-workflow').getByRole('button', { name: '初审' }).waitFor();
    await page.getByRole('button', { name: '初审', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '初审' }).click();
    await page.getByText('待另一人复核销号').waitFor();

    // Closing by the first reviewer is refused, and the service's reason is on the page.
    await page.getByRole('button', { name: '复核销号', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '复核销号' }).click();
    const refusal = page.getByTestId('finding-refusal');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toBe('操作被拒绝：销号须由初审人以外的第二人复核');
    await expectChinese(page, 'matching-finding-close-refused');
    const stored = await api<{ status: string; conclusion: string }>(
      gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/matching/findings/${findingId}`,
    );
    expect(stored).toMatchObject({ status: 'reviewed', conclusion: 'confirmed' });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }

  // A second officer closes it.
  const second = await t.stack.platform.signedInUser({
    roles: ['poverty_office'],
    areaCode: COUNTY,
  });
  const other = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(other.page, second.username, second.password);
    const list = await api<{ id: string; memberName: string }[]>(
      gatewayUrl,
      second.accessToken,
      'GET',
      `/api/matching/findings?filter=${encodeURIComponent(JSON.stringify({ status: 'reviewed' }))}`,
    );
    expect(list.map((f) => f.memberName)).toEqual([HEAD_1.name]);
    await other.page.goto(`/#/matching-findings/${list[0]!.id}/show`);
    await settled(other.page);
    // 登记系统处理结果: what the registry did with the confirmed finding reaches its page.
    const outcome = other.page.getByTestId('finding-registry-outcome');
    for (let i = 0; (await outcome.innerText()).includes('尚未反馈'); i++) {
      if (i > 40)
        throw new Error(`no registry outcome on the finding: ${await outcome.innerText()}`);
      await other.page.waitForTimeout(500);
      await other.page.reload();
      await settled(other.page);
    }
    const said = await outcome.innerText();
    expect(said).toMatch(
      /已发起清退|清退已批准|清退未通过|已提出排除条件待确认|无需变更|登记系统拒绝/,
    );
    await other.page.getByRole('button', { name: '复核销号', exact: true }).click();
    // After a refusal the dialog asks why the finding is closed all the same.
    if (/清退未通过|登记系统拒绝/.test(said))
      await other.page
        .getByRole('dialog')
        .locator('textarea[name=reason]')
        .fill('经复核该户情况已如实登记，登记系统无需再变更');
    await other.page.getByRole('dialog').getByRole('button', { name: '复核销号' }).click();
    await other.page.getByText(`已由 ${second.username} 复核销号`).waitFor();
    await other.page.goto(`/#/matching-findings/${list[0]!.id}/show/history`);
    await settled(other.page);
    const history = await other.page.getByTestId('finding-history').innerText();
    for (const step of ['比对发现', '调整整改期限', '核实', '整改', '初审', '复核销号'])
      expect(history).toContain(step);
    expect(history).toContain('县扶贫办督办：限期反馈核实结果');
    expect(history).toContain('整改期限：');
    await expectChinese(other.page, 'matching-finding-history');
    expect(other.errors).toEqual([]);
  } finally {
    await other.close();
  }
}, 300_000);

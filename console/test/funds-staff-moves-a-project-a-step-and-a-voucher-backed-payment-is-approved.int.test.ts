import type { Page } from 'playwright-core';
import { formatDay } from '../src/common/format';
import { consolePage, screenshot, settled, signIn, walkPages } from './support/browser';
import { api } from './support/data';
import { consoleStackForThisFile } from './support/stack';

/**
 * 项目资金 in the browser: the finance department's staff registers a project in the library
 * and approves it into the library (one status step), the county issues money to it, the
 * staff submits a payment with an uploaded voucher (报账), and the poverty office — a second
 * person — approves it; the project's ledger and the dashboard show the money paid, in yuan
 * with thousands separators. Every page of the module is all Chinese.
 */
const PROJECT_CODE = '2020-0701';
const ids: Record<string, string> = {};
let finance: { username: string; password: string; accessToken: string };

const t = consoleStackForThisFile(async (stack) => {
  finance = await stack.platform.signedInUser({
    roles: ['department_staff'],
    department: 'finance',
    areaCode: '431121000000',
  });
});

/** An input by its label, whether or not it is marked required (`名称 *`). */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}\\s*\\*?$`));

async function choose(page: Page, label: string, option: string | RegExp) {
  await field(page, label).click();
  await page.getByRole('option', { name: option }).click();
}

test('a project moves one step, a voucher-backed payment is submitted and approved by a second person', async () => {
  const { gatewayUrl } = t.stack.platform;
  const staff = await consolePage(t.browser, t.stack.consoleUrl);
  const office = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    const page = staff.page;
    await signIn(page, finance.username, finance.password);

    // 项目申报 — a new project in the library.
    await page.goto('/#/projects/create');
    await settled(page);
    await field(page, '项目编号').fill(PROJECT_CODE);
    await field(page, '项目名称').fill('桃花源村通组公路硬化');
    await choose(page, '项目类型', '道路');
    await field(page, '项目地点（地区）').fill('桃花源');
    await page.getByRole('option', { name: /桃花源村/ }).click();
    await field(page, '实施单位').fill('临溪县路桥建设有限公司');
    await field(page, '中央').fill('100000');
    await field(page, '县级配套').fill('20,000.50');
    await field(page, '受益户数').fill('86');
    await field(page, '受益人数').fill('312');
    await screenshot(page, 'funds-project-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/projects\/[^/]+\/show$/);
    ids.project = /#\/projects\/([^/]+)\/show/.exec(page.url())![1]!;
    await settled(page);
    await expect(page.locator('.RaTabbedShowLayout-content').innerText()).resolves.toContain(
      '120,000.50',
    );

    // One status step: 申报 → 审批入库 — refused until the proposal's notice (立项公示) has
    // been up 10 days; the dialog says so.
    await page.getByRole('tab', { name: '项目进度' }).click();
    await settled(page);
    await page.getByRole('button', { name: '审批入库' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    const refusal = await page.getByTestId('step-refused').innerText();
    expect(refusal).toContain('立项公示满 10 天');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // 登记公示 — posted on the village board 11 days ago.
    await page.getByRole('tab', { name: '公示' }).click();
    await settled(page);
    await page.getByRole('button', { name: '登记公示' }).click();
    const posting = page.getByRole('dialog');
    await posting
      .getByLabel('张贴日期')
      .fill(formatDay(new Date(Date.now() - 11 * 86_400_000).toISOString()));
    await posting.getByLabel('公示内容').fill('桃花源村通组公路硬化项目立项公示，公示期 10 天。');
    await posting.getByRole('button', { name: '提交' }).click();
    await page.getByText('公示已登记').waitFor();
    await settled(page);
    await expect(page.getByTestId('project-notices').innerText()).resolves.toContain('村务公开栏');

    await page.getByRole('tab', { name: '项目进度' }).click();
    await settled(page);
    await page.getByRole('button', { name: '审批入库' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('项目已审批入库').waitFor();
    await settled(page);
    await page.getByRole('button', { name: '开工' }).waitFor();
    const steps = await page.getByTestId('project-steps').innerText();
    expect(steps).toContain(formatDay(new Date().toISOString()));
    await screenshot(page, 'funds-project-approved');

    // 资金下达 — the county's batch reaches the project (arranged through the API).
    const batch = await api<{ id: string }>(
      gatewayUrl,
      t.stack.office.accessToken,
      'POST',
      '/api/funds/batches',
      {
        documentNo: '临财农〔2020〕18号',
        title: '2020年第二批中央财政专项扶贫资金',
        source: 'central',
        amountFen: 8_000_000,
        issuedOn: formatDay(new Date().toISOString()),
        allocations: [{ projectId: ids.project, amountFen: 8_000_000 }],
      },
    );
    ids.batch = batch.id;

    // 报账 — a payment with its voucher.
    await page.goto('/#/disbursements/create');
    await settled(page);
    await field(page, '项目').fill(PROJECT_CODE);
    await page.getByRole('option', { name: new RegExp(PROJECT_CODE) }).click();
    await choose(page, '资金来源', '中央');
    await field(page, '拨付金额（元）').fill('12345.67');
    await field(page, '收款单位或个人').fill('临溪县路桥建设有限公司');
    await field(page, '用途').fill('路基工程进度款');
    await page.locator('input[name=voucherFile]').setInputFiles({
      name: '工程进度款发票.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% 发票\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'utf8'),
    });
    await page.getByTestId('vouchers').getByText('工程进度款发票.pdf').waitFor();
    await screenshot(page, 'funds-disbursement-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/disbursements\/[^/]+\/show$/);
    ids.disbursement = /#\/disbursements\/([^/]+)\/show/.exec(page.url())![1]!;
    await settled(page);
    await page.getByText('待审批').first().waitFor();
    await expect(page.getByTestId('voucher-list').innerText()).resolves.toContain(
      '工程进度款发票.pdf',
    );

    // 审批 — the poverty office, not the submitter, approves.
    await signIn(office.page, t.stack.office.username, t.stack.office.password);
    await office.page.goto(`/#/disbursements/${ids.disbursement}/show`);
    await settled(office.page);
    await office.page.getByRole('button', { name: '审批通过' }).click();
    await office.page.getByRole('dialog').getByRole('button', { name: '审批通过' }).click();
    await office.page.getByText('已审批拨付').waitFor();
    await settled(office.page);
    await office.page.getByText('已拨付').first().waitFor();
    await screenshot(office.page, 'funds-disbursement-approved');

    // The project's ledger shows the payment in yuan.
    await office.page.goto(`/#/projects/${ids.project}/show/money`);
    await settled(office.page);
    const money = await office.page.getByTestId('project-money').innerText();
    expect(money).toContain('80,000.00');
    expect(money).toContain('12,345.67');
    expect(money).toContain('67,654.33');
    await screenshot(office.page, 'funds-project-money');

    const stored = await api<{ status: string; amountFen: number; vouchers: unknown[] }>(
      gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/funds/disbursements/${ids.disbursement}`,
    );
    expect(stored).toMatchObject({ status: 'approved', amountFen: 1_234_567 });
    expect(stored.vouchers).toHaveLength(1);

    // The dashboard's card: 12,345.67 paid of 80,000.00 allocated.
    await office.page.goto('/#/');
    await settled(office.page);
    const card = await office.page.getByTestId('disbursement-rate').innerText();
    expect(card).toContain('15.43%');
    expect(card).toContain('80,000.00');
    expect([...staff.errors, ...office.errors]).toEqual([]);
  } finally {
    await staff.close();
    await office.close();
  }
}, 240_000);

test('every funds page in zh-CN, as the poverty office sees it, is all Chinese', async () => {
  const { gatewayUrl } = t.stack.platform;
  const token = t.stack.office.accessToken;
  if (!ids.project) throw new Error('the workflow test did not create the project');
  const notice = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/funds/notices', {
    kind: 'project',
    projectId: ids.project,
    issuer: '桃花源村村民委员会',
    periodDays: 7,
    supervisionPhone: '0736-6612345',
  });
  await api(gatewayUrl, token, 'POST', '/api/funds/idle-funds/runs');
  let runDate: string | undefined;
  for (let i = 0; i < 80 && !runDate; i++) {
    const runs = await api<{ date: string }[]>(
      gatewayUrl,
      token,
      'GET',
      '/api/funds/idle-funds/runs',
    );
    runDate = runs[0]?.date;
    if (!runDate) await new Promise((r) => setTimeout(r, 250));
  }
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    const p = `/#/projects/${ids.project}/show`;
    const pages: [string, string][] = [
      ['funds-dashboard', '/#/'],
      ['projects-list', '/#/projects'],
      ['projects-create', '/#/projects/create'],
      ['projects-show', p],
      ['projects-show-steps', `${p}/steps`],
      ['projects-show-progress', `${p}/progress`],
      ['projects-show-notices', `${p}/notices`],
      ['projects-show-money', `${p}/money`],
      ['projects-show-history', `${p}/history`],
      ['projects-edit', `/#/projects/${ids.project}`],
      ['batches-list', '/#/batches'],
      ['batches-create', '/#/batches/create'],
      ['batches-show', `/#/batches/${ids.batch}/show`],
      ['disbursements-list', '/#/disbursements'],
      ['disbursements-create', '/#/disbursements/create'],
      ['disbursements-show', `/#/disbursements/${ids.disbursement}/show`],
      ['idle-funds-list', '/#/idle-funds'],
      ['slow-projects-list', '/#/slow-projects'],
      ...(runDate
        ? [['idle-funds-show', `/#/idle-funds/${runDate}/show`] as [string, string]]
        : []),
      ['loans-list', '/#/loans'],
      ['notices-list', '/#/notices'],
      ['notices-create', '/#/notices/create'],
      ['notices-show', `/#/notices/${notice.id}/show`],
    ];
    // Data with Latin letters: the users' names and the voucher's file type.
    const allowed = [t.stack.office.username, finance.username, 'pdf'];
    const problems = await walkPages(page, pages, allowed);
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

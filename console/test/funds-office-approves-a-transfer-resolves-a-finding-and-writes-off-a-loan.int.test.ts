import type { Page } from 'playwright-core';
import { formatDay } from '../src/common/format';
import { consolePage, screenshot, settled, signIn, walkPages } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, VILLAGE_A1 } from './support/stack';

/**
 * 资金调剂, 问题线索 and 小额信贷 in the browser: the poverty office requests moving money
 * from one project to another and the finance department — a second person — approves it,
 * so the projects' balances change; the office confirms a misuse finding (a payment the
 * finance staff attempted above a project's balance) with its conclusion; the office
 * registers a micro-credit loan for a registered household and writes it off after a flood.
 * Every new page is all Chinese.
 */
const FROM = { code: '2020-0801', name: '桃花源村茶叶加工厂' };
const TO = { code: '2020-0802', name: '桃花源村饮水安全巩固提升' };
const HOUSEHOLD_NO = '431121101-0801';
const CONTRACT_NO = '临农信贷〔2020〕0801号';
const ids: Record<string, string> = {};
let finance: { username: string; password: string; accessToken: string };

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const office = stack.office.accessToken;
  finance = await stack.platform.signedInUser({
    roles: ['department_staff'],
    department: 'finance',
    areaCode: '431121000000',
  });
  // Two projects approved into the library; the county's central money reaches the first.
  for (const [key, p, type] of [
    ['from', FROM, 'industry'],
    ['to', TO, 'drinking_water'],
  ] as const) {
    const project = await api<{ id: string }>(gatewayUrl, office, 'POST', '/api/funds/projects', {
      ...p,
      type,
      year: 2020,
      areaCode: VILLAGE_A1,
      contractor: `${p.name}承建单位`,
      plannedInvestment: { central: 20_000_000 },
    });
    ids[key] = project.id;
    // 立项公示 posted on the village board 11 days ago: the 10 days an approval needs are over.
    await api(gatewayUrl, office, 'POST', `/api/funds/projects/${project.id}/notices`, {
      step: 'approval',
      postedOn: formatDay(new Date(Date.now() - 11 * 86_400_000).toISOString()),
      place: 'village_board',
      text: `${p.name}立项公示`,
    });
    await api(gatewayUrl, office, 'POST', `/api/funds/projects/${project.id}/steps`, {
      action: 'approve',
    });
  }
  await api(gatewayUrl, office, 'POST', '/api/funds/batches', {
    documentNo: '临财农〔2020〕25号',
    title: '2020年第三批中央财政专项扶贫资金',
    source: 'central',
    amountFen: 10_000_000,
    issuedOn: formatDay(new Date().toISOString()),
    allocations: [{ projectId: ids.from, amountFen: 10_000_000 }],
  });

  // The finance staff attempts a payment on the second project, which has no money yet: it
  // is refused, and the attempt is kept as a finding.
  const upload = await fetch(
    `${gatewayUrl}/api/funds/files?fileName=${encodeURIComponent('进度款发票.pdf')}&purpose=voucher`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${finance.accessToken}`,
        'content-type': 'application/octet-stream',
      },
      body: Buffer.from('%PDF-1.4\n% 发票 0801\ntrailer <<>>\n%%EOF\n', 'utf8'),
    },
  );
  if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const voucher = (await upload.json()) as { id: string };
  const refused = await fetch(`${gatewayUrl}/api/funds/disbursements`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${finance.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      projectId: ids.to,
      source: 'central',
      amountFen: 1_250_000,
      purpose: '管网材料款',
      payeeKind: 'contractor',
      payee: { name: `${TO.name}承建单位`, bankAccount: null },
      voucherFileIds: [voucher.id],
    }),
  });
  const problem = (await refused.json()) as { code?: string; findingId?: string };
  if (problem.code !== 'FUNDS_DISBURSEMENT_OVER_ALLOCATION') {
    throw new Error(`over-allocation: ${refused.status} ${JSON.stringify(problem)}`);
  }
  const findings = await api<{ id: string }[]>(
    gatewayUrl,
    office,
    'GET',
    `/api/funds/findings?filter=${encodeURIComponent(JSON.stringify({ projectId: ids.to }))}`,
  );
  ids.finding = problem.findingId ?? findings[0]!.id;

  // A registered household, once the funds service's projection of the registry has it.
  const h = await api<{ id: string }>(
    gatewayUrl,
    office,
    'POST',
    '/api/registry/households',
    household(HOUSEHOLD_NO, VILLAGE_A1, { name: '向秋生', idNumber: idNumber('1975-03-12', 81) }),
  );
  ids.household = h.id;
  for (let i = 0; ; i++) {
    const res = await fetch(`${gatewayUrl}/api/funds/projection/status`, {
      headers: { authorization: `Bearer ${office}` },
    });
    const status = (await res.json()) as { households?: number };
    if ((status.households ?? 0) >= 1) break;
    if (i > 240) throw new Error('the funds projection did not receive the household');
    await new Promise((r) => setTimeout(r, 250));
  }
});

/** An input by its label, whether or not it is marked required (`名称 *`). */
const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[()（）%]/g, '\\$&')}\\s*\\*?$`));

async function choose(page: Page, label: string, option: string | RegExp) {
  await field(page, label).click();
  await page.getByRole('option', { name: option }).click();
}

async function lookup(page: Page, label: string, typed: string, option: RegExp) {
  await field(page, label).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

const money = (token: string, id: string) =>
  api<{ money: { allocatedFen: number; availableFen: number } }>(
    t.stack.platform.gatewayUrl,
    token,
    'GET',
    `/api/funds/projects/${id}`,
  ).then((p) => p.money);

test('a transfer requested by the office is approved by a second person and the balances move', async () => {
  const { gatewayUrl } = t.stack.platform;
  const office = await consolePage(t.browser, t.stack.consoleUrl);
  const second = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    const page = office.page;
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/transfers/create');
    await settled(page);
    await lookup(page, '调出项目', FROM.code, new RegExp(FROM.code));
    await lookup(page, '调入项目', TO.code, new RegExp(TO.code));
    await choose(page, '资金来源', '中央');
    await field(page, '调剂金额（元）').fill('30,000.50');
    await field(page, '文号').fill('临扶办〔2020〕12号');
    await field(page, '调剂理由').fill('茶叶加工厂设备价格下降，结余资金调剂用于饮水工程');
    await screenshot(page, 'funds-transfer-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/transfers(\?.*)?$/);
    await settled(page);
    const requested = page.getByRole('row', { name: new RegExp(FROM.code) });
    await expect(requested.innerText()).resolves.toContain('30,000.50');
    await expect(requested.innerText()).resolves.toContain('待审批');

    // 审批 — the finance department's staff, not the requester.
    await signIn(second.page, finance.username, finance.password);
    await second.page.goto('/#/transfers');
    await settled(second.page);
    const row = second.page.getByRole('row', { name: new RegExp(FROM.code) });
    await row.getByRole('button', { name: '审批通过' }).click();
    await second.page.getByRole('dialog').getByRole('button', { name: '审批通过' }).click();
    await second.page.getByText('已审批，资金已调剂').waitFor();
    await settled(second.page);
    await expect(row.innerText()).resolves.toContain('已调剂');
    await expect(row.getByRole('button', { name: '审批通过' }).count()).resolves.toBe(0);
    await screenshot(second.page, 'funds-transfer-approved');

    // The receiving project's funds page shows the money that arrived.
    await second.page.goto(`/#/projects/${ids.to}/show/money`);
    await settled(second.page);
    await expect(second.page.getByTestId('project-money').innerText()).resolves.toContain(
      '30,000.50',
    );

    const transfers = await api<{ status: string; amountFen: number; executedOn: string }[]>(
      gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      '/api/funds/transfers',
    );
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      status: 'executed',
      amountFen: 3_000_050,
      executedOn: formatDay(new Date().toISOString()),
    });
    await expect(money(t.stack.office.accessToken, ids.from!)).resolves.toMatchObject({
      availableFen: 10_000_000 - 3_000_050,
    });
    await expect(money(t.stack.office.accessToken, ids.to!)).resolves.toMatchObject({
      availableFen: 3_000_050,
    });
    expect([...office.errors, ...second.errors]).toEqual([]);
  } finally {
    await office.close();
    await second.close();
  }
}, 240_000);

test('the office confirms a misuse finding with its conclusion, and the list shows it resolved', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/fund-findings');
    await settled(page);
    const row = page.getByRole('row', { name: new RegExp(TO.code) });
    await expect(row.innerText()).resolves.toContain('超可用余额申请拨付');
    await expect(row.innerText()).resolves.toContain('待核实');
    await row.click();
    await page.waitForURL(new RegExp(`#/fund-findings/${ids.finding}/show$`));
    await settled(page);
    const evidence = await page.getByTestId('finding-evidence').innerText();
    expect(evidence).toContain('申请拨付（元）');
    expect(evidence).toContain('12,500.00');
    expect(evidence).toContain('管网材料款');

    await page.getByRole('button', { name: '核实', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('确认属实').check();
    await dialog
      .getByLabel(/^核实结论/)
      .fill('经查，报账人未核对项目可用余额即申请拨付，已约谈并责令整改');
    await dialog.getByRole('button', { name: '核实', exact: true }).click();
    await page.getByText('已核实问题线索').waitFor();
    await settled(page);
    await expect(page.getByTestId('finding-resolution').innerText()).resolves.toContain('责令整改');
    await screenshot(page, 'funds-finding-resolved');

    await page.goto('/#/fund-findings');
    await settled(page);
    const resolved = page.getByRole('row', { name: new RegExp(TO.code) });
    await resolved.getByText('已确认属实').waitFor();
    await expect(resolved.getByText('待核实').count()).resolves.toBe(0);
    await screenshot(page, 'funds-findings-resolved-list');

    const stored = await api<{ status: string; resolution: { outcome: string; note: string } }>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/funds/findings/${ids.finding}`,
    );
    expect(stored.status).toBe('confirmed');
    expect(stored.resolution).toMatchObject({ outcome: 'confirmed' });
    expect(stored.resolution.note).toContain('责令整改');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('the office registers a micro-credit loan and writes it off after a disaster', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/loans/create');
    await settled(page);
    await field(page, '合同编号').fill(CONTRACT_NO);
    await lookup(page, '借款户', HOUSEHOLD_NO, new RegExp(HOUSEHOLD_NO));
    await settled(page);
    await choose(page, '借款人', '向秋生');
    await field(page, '放款机构').fill('临溪县农村信用合作联社');
    await field(page, '贷款金额（元）').fill('50000');
    await field(page, '年利率（%）').fill('4.35');
    await field(page, '贴息（%）').fill('4.35');
    await field(page, '担保联系人').fill('向春生');
    await field(page, '用途').fill('发展生猪养殖');
    await screenshot(page, 'funds-loan-form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/#\/loans\/[^/]+\/show$/);
    ids.loan = /#\/loans\/([^/]+)\/show/.exec(page.url())![1]!;
    await settled(page);
    await page.getByText('还款中').first().waitFor();
    await page.getByText('50,000.00', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: '核销', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^灾害或原因类别/).fill('2020年7月特大洪灾');
    await dialog.getByLabel(/^核销理由/).fill('猪舍及存栏生猪全部被洪水冲毁，借款户已无偿还能力');
    await dialog.getByLabel(/^批准文号/).fill('临扶办〔2020〕31号');
    await dialog.getByRole('button', { name: '核销', exact: true }).click();
    await page.getByText('贷款已核销').waitFor();
    await settled(page);
    await page.getByText('已核销').first().waitFor();
    const writeOff = await page.getByTestId('loan-write-off').innerText();
    expect(writeOff).toContain('2020年7月特大洪灾');
    expect(writeOff).toContain('临扶办〔2020〕31号');
    await expect(page.getByRole('button', { name: '核销', exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'funds-loan-written-off');

    const stored = await api<{
      status: string;
      principalFen: number;
      annualRateBp: number;
      discountBp: number;
      borrower: { name: string };
      writeOff: { disaster: string; reason: string; documentNo: string };
    }>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/funds/loans/${ids.loan}`,
    );
    expect(stored).toMatchObject({
      status: 'written_off',
      principalFen: 5_000_000,
      annualRateBp: 435,
      discountBp: 435,
      borrower: { name: '向秋生' },
      writeOff: { disaster: '2020年7月特大洪灾', documentNo: '临扶办〔2020〕31号' },
    });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('the projects list exports its current filter as a spreadsheet', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, finance.username, finance.password);
    await page.goto('/#/projects');
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^项目库导出-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.getByText(/已导出/).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

test('every new funds page in zh-CN, as the poverty office sees it, is all Chinese', async () => {
  if (!ids.loan) throw new Error('the loan test did not create the loan');
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    const problems = await walkPages(
      page,
      [
        ['transfers-list', '/#/transfers'],
        ['transfers-create', '/#/transfers/create'],
        ['fund-findings-list', '/#/fund-findings'],
        ['fund-findings-show', `/#/fund-findings/${ids.finding}/show`],
        ['loans-list', '/#/loans'],
        ['loans-create', '/#/loans/create'],
        ['loans-show', `/#/loans/${ids.loan}/show`],
        ['projects-list-export', '/#/projects'],
        ['disbursements-list-export', '/#/disbursements'],
      ],
      // Data with Latin letters: the users' names.
      [t.stack.office.username, finance.username],
    );
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

import { readFile } from 'node:fs/promises';
import { maskIdNumber } from '@fupin/reference';
import { pdfText } from '@fupin/testing';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import {
  COUNTY,
  type ConsoleStack,
  consoleStackForThisFile,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from './support/stack';

/**
 * 一户一档 in the browser, on the real stack: a township user opens a household of its township,
 * follows 一户一档 from the household page and reads its members with masked ID numbers, the
 * student and the in-patient stay the support service holds (with the top-up to 90% owed), and
 * one timeline across the parts, newest first; the helper paired with it and its visit, the
 * micro-credit loan and the finding of a matching run on 公安's vehicles list, each in its tab in
 * Chinese. A user of another township opening the same address is told the household is not there.
 */
type Person = { id: string; name: string; registered: boolean };

const HEAD_ID = idNumber('1975-08-21', 411);
const SCHOOL = '桃源县漳江小学';
const HOSPITAL = '桃源县人民医院';
const HELPER = { name: '李帮扶', phone: '13612340412' };
const CONTRACT = 'XD-CONSOLE-DOSSIER-1';
const GUARANTOR_PHONE = '13912340413';
/** A funds project a 3,000 元 measure names but that never paid the household. */
const PROJECT = '漳江生猪项目-0412';
const ids: { household?: string } = {};
type User = { username: string; password: string; accessToken: string };
let users: Record<'own' | 'other', User>;

/** A day in Asia/Shanghai, `days` after today. */
const shanghaiDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Asks `read` until it answers something `done` accepts (about a minute at most). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string) {
  for (let i = 0; i < 240; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen`);
}

/**
 * 帮扶: the township pairs a helper with the household as its key helper; the helper visits; a
 * measure names a funds project.
 */
async function assist(gatewayUrl: string, township: User, householdId: string) {
  const helper = await api<{ id: string }>(
    gatewayUrl,
    township.accessToken,
    'POST',
    '/api/assistance/helpers',
    { ...HELPER, unit: '漳江街道办事处', rank: 'section_level' },
  );
  await api(gatewayUrl, township.accessToken, 'POST', '/api/assistance/pairings', {
    helperId: helper.id,
    householdId,
    role: 'key',
    startDate: shanghaiDay(-60),
  });
  await api(gatewayUrl, township.accessToken, 'POST', '/api/assistance/visits', {
    householdId,
    helperId: helper.id,
    date: shanghaiDay(-20),
    findings: '户主出院后在家休养',
    actions: '宣讲医疗救助政策',
    nextSteps: '下月回访',
  });
  // 受益底册核对: a measure of 3,000 元 naming a project the funds never paid from.
  await api(gatewayUrl, township.accessToken, 'POST', '/api/assistance/measures', {
    householdId,
    category: 'production',
    type: '生猪养殖补助',
    amountFen: 300_000,
    startDate: shanghaiDay(-10),
    projectId: PROJECT,
  });
}

/** 小额信贷: the county records a 50,000 元 loan to the head. */
async function loan(stack: ConsoleStack, householdId: string, headId: string) {
  await api(stack.platform.gatewayUrl, stack.office.accessToken, 'POST', '/api/funds/loans', {
    contractNo: CONTRACT,
    kind: 'micro_credit',
    householdId,
    borrowerMemberId: headId,
    lender: '桃源农村商业银行',
    purpose: '生猪养殖',
    principalFen: 5_000_000,
    termMonths: 36,
    intervalMonths: 3,
    annualRateBp: 435,
    discountBp: 435,
    repayment: 'bullet',
    startOn: shanghaiDay(-90),
    guarantor: { name: '村支部书记', phone: GUARANTOR_PHONE, role: '还款责任人' },
  });
}

/**
 * 数据比对: once matching's person index holds both members, the county uploads 公安's vehicles
 * list naming the head and runs matching on it to completion.
 */
async function vehicleFinding(stack: ConsoleStack, householdId: string) {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  await until(
    () => api<{ people: number }>(gatewayUrl, token, 'GET', '/api/matching/person-index/status'),
    (s) => s.people >= 2,
    "matching's person index",
  );
  const csv = ['序号,姓名,身份证号,车牌号', `1,宋德明,${HEAD_ID},湘J54321`].join('\r\n');
  const q = new URLSearchParams({
    type: 'vehicles',
    date: shanghaiDay(),
    area: COUNTY,
    fileName: '车辆.csv',
  });
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
  await until(
    () => api<{ status: string }>(gatewayUrl, token, 'GET', `/api/matching/runs/${run.id}`),
    (r) => {
      if (r.status === 'failed') throw new Error('the matching run failed');
      return r.status === 'completed';
    },
    'the matching run',
  );
  const filter = encodeURIComponent(JSON.stringify({ householdId, rule: 'VEHICLE_OWNER' }));
  const found = await api<unknown[]>(
    gatewayUrl,
    token,
    'GET',
    `/api/matching/findings?filter=${filter}`,
  );
  if (found.length !== 1) throw new Error(`vehicle findings: ${JSON.stringify(found)}`);
}

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const childBirth = `${Number(shanghaiDay().slice(0, 4)) - 9}-05-10`;
  const [own, other] = await Promise.all([
    stack.platform.signedInUser({
      roles: ['township_staff'],
      areaCode: TOWNSHIP_A,
      username: 'zhangjiangzhen',
    }),
    stack.platform.signedInUser({
      roles: ['township_staff'],
      areaCode: TOWNSHIP_B,
      username: 'lingjinxiang',
    }),
  ]);
  users = { own, other };
  const h = await api<{ id: string; members: { id: string; name: string }[] }>(
    gatewayUrl,
    token,
    'POST',
    '/api/registry/households',
    {
      ...household(
        '431121101-0411',
        VILLAGE_A1,
        { name: '宋德明', idNumber: HEAD_ID },
        { status: 'in_poverty' },
      ),
      members: [
        { name: '宋德明', idNumber: HEAD_ID, relation: 'head' },
        { name: '宋小芳', idNumber: idNumber(childBirth, 412), relation: 'daughter' },
      ],
    },
  );
  ids.household = h.id;
  // The support service learns of the members from the registry's events.
  const people: Record<string, Person> = {};
  for (let i = 0; i < 240 && !(people['宋德明'] && people['宋小芳']); i++) {
    const found = await api<Person[]>(
      gatewayUrl,
      token,
      'GET',
      `/api/support/persons?filter=${encodeURIComponent(JSON.stringify({ q: '宋' }))}`,
    );
    for (const p of found) if (p.registered) people[p.name] = p;
    await new Promise((r) => setTimeout(r, 250));
  }
  if (!people['宋德明'] || !people['宋小芳']) throw new Error('support did not see the household');
  await api(gatewayUrl, token, 'POST', '/api/support/education/students', {
    personId: people['宋小芳'].id,
    school: SCHOOL,
    stage: 'primary',
    grade: 3,
  });
  // 7,500 of 10,000 reimbursed (75%): 1,500 owed to reach 90%.
  await api(gatewayUrl, token, 'POST', '/api/support/health/inpatient-episodes', {
    personId: people['宋德明'].id,
    hospital: HOSPITAL,
    admittedOn: shanghaiDay(-40),
    dischargedOn: shanghaiDay(-30),
    diagnosis: '腰椎间盘突出',
    totalCostFen: 1_000_000,
    basicInsuranceFen: 600_000,
    seriousIllnessInsuranceFen: 100_000,
    medicalAssistanceFen: 50_000,
  });
  await assist(gatewayUrl, own, h.id);
  await loan(stack, h.id, h.members.find((m) => m.name === '宋德明')!.id);
  await vehicleFinding(stack, h.id);
});

/** Data with Latin letters on these pages: the users' names, ids. */
const DATA = ['zhangjiangzhen', 'lingjinxiang', 'fupinban', /^[0-9a-f-]{36}$/];

test('a township user opens the dossier from the household page: members masked, the student and the stay, the timeline newest first', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, users.own.username, users.own.password);
    await page.goto(`/#/households/${ids.household}/show`);
    await settled(page);
    await page.getByRole('link', { name: '一户一档' }).click();
    await page.waitForURL(new RegExp(`#/households/${ids.household}/dossier$`));
    await settled(page);

    // The header, and the household page one click away.
    const header = page.getByTestId('dossier-header');
    await expect(header.innerText()).resolves.toContain('431121101-0411');
    await expect(header.innerText()).resolves.toContain('宋德明');
    await expect(page.getByTestId('dossier-status').innerText()).resolves.toBe('未脱贫');
    await expect(page.getByTestId('dossier-back').getAttribute('href')).resolves.toBe(
      `#/households/${ids.household}/show`,
    );

    // 家庭与成员: each member with the ID number masked, never in clear.
    const members = page.getByTestId('dossier-members');
    const rows = (await members.locator('tbody tr').allInnerTexts()).map((r) =>
      r.replace(/\s+/g, ' '),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('宋德明');
    expect(rows[0]).toContain(maskIdNumber(HEAD_ID));
    expect(rows[1]).toContain('宋小芳');
    expect(await page.locator('main').innerText()).not.toContain(HEAD_ID);
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-registry');

    // 教育医疗: the student at school, the stay with the top-up owed.
    await page.getByRole('tab', { name: '教育医疗' }).click();
    await page.waitForURL(/\/dossier\/support$/);
    const student = page.getByTestId('dossier-students').locator('tbody tr');
    await student.first().waitFor();
    await expect(student.count()).resolves.toBe(1);
    await expect(student.innerText()).resolves.toMatch(/宋小芳\s+桃源县漳江小学\s+小学 3 年级/);
    const stay = (
      await page.getByTestId('dossier-inpatient').locator('tbody tr').innerText()
    ).replace(/\s+/g, ' ');
    expect(stay).toContain(HOSPITAL);
    expect(stay).toContain(shanghaiDay(-40));
    expect(stay).toContain('75.00%');
    expect(stay).toContain('1,500.00 元');
    expect(stay).toContain('待追补');
    await expect(
      page.getByTestId('dossier-inpatient').locator('tbody tr').getAttribute('data-tone'),
    ).resolves.toBe('error');
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-support');

    // 时间轴: every part's entries, newest first — the finding of the last run and the
    // registration today, the stay 40 days ago.
    await page.getByRole('tab', { name: '时间轴' }).click();
    const entries = page.getByTestId('dossier-timeline').locator('tbody tr');
    await entries.first().waitFor();
    const times = await entries.locator('td:first-child').allInnerTexts();
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort().reverse()).toEqual(times);
    const lines = (await entries.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(lines[0]).toContain('数据比对');
    const registered = lines.findIndex((l) => l.includes('建档立卡登记（未脱贫）'));
    expect(registered).toBeGreaterThan(0);
    const stayLine = lines.findIndex((l) => l.includes(`在${HOSPITAL}住院`));
    expect(stayLine).toBeGreaterThan(registered);
    expect(lines[stayLine]).toContain('教育医疗');
    expect(lines[stayLine]).toContain(shanghaiDay(-40));
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-timeline');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

/** Opens a tab of the dossier and waits for its underline to have slid under it. */
async function openTab(page: Page, name: string, path: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.waitForURL(new RegExp(`/dossier/${path}$`));
  await settled(page);
  await page.waitForFunction(() => {
    const tab = document.querySelector('[role="tab"][aria-selected="true"]');
    const line = document.querySelector('.MuiTabs-indicator');
    if (!tab || !line) return false;
    const [a, b] = [tab.getBoundingClientRect(), line.getBoundingClientRect()];
    return Math.abs(a.left - b.left) < 1 && Math.abs(a.width - b.width) < 1;
  });
}

test('a township user reads the helper and the visited month, the loan in 元 and the vehicle finding, each in its tab in Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  try {
    await signIn(page, users.own.username, users.own.password);
    await page.goto(`/#/households/${ids.household}/dossier`);
    await settled(page);

    // 帮扶: the key helper with the phone masked; the visit's month green in the calendar.
    await openTab(page, '帮扶', 'assistance');
    const helper = page.getByTestId('dossier-helpers').locator('tbody tr');
    await helper.first().waitFor();
    await expect(helper.count()).resolves.toBe(1);
    const helperLine = oneLine(await helper.innerText());
    expect(helperLine).toContain(HELPER.name);
    expect(helperLine).toContain('136****0412');
    expect(helperLine).toContain('科级');
    expect(helperLine).toContain(shanghaiDay(-60));
    expect(await page.locator('main').innerText()).not.toContain(HELPER.phone);
    const [year, month] = shanghaiDay(-20).split('-');
    const visited = page.getByTestId('dossier-visit-calendar').locator('[data-visited="true"]');
    await expect(visited.count()).resolves.toBe(1);
    await expect(visited.innerText()).resolves.toMatch(
      new RegExp(`${year}年${Number(month)}月\\s+1 次`),
    );
    await expect(
      page.getByTestId('dossier-visit-calendar').locator('[data-visited="false"]').count(),
    ).resolves.toBe(11);
    const visit = oneLine(
      await page.getByTestId('dossier-visits').locator('tbody tr').first().innerText(),
    );
    expect(visit).toContain(shanghaiDay(-20));
    expect(visit).toContain(HELPER.name);
    expect(visit).toContain('宣讲医疗救助政策');
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-assistance');

    // 项目资金: the micro-credit loan, its contract number and principal in 元.
    await openTab(page, '项目资金', 'funds');
    const loan = page.getByTestId('dossier-loans').locator('tbody tr');
    await loan.first().waitFor();
    await expect(loan.count()).resolves.toBe(1);
    const loanLine = oneLine(await loan.innerText());
    expect(loanLine).toContain(CONTRACT);
    expect(loanLine).toContain('50,000.00 元');
    expect(loanLine).toContain('桃源农村商业银行');
    expect(loanLine).toContain('139****0413');
    expect(loanLine).not.toContain(GUARANTOR_PHONE);
    expect(await untranslated(page, DATA.concat(/^XD-CONSOLE-DOSSIER-1$/))).toEqual([]);
    await screenshot(page, 'dossier-funds');

    // 受益底册: the loan granted and the top-up still owed after the stay, in 元, by year.
    await openTab(page, '受益底册', 'ledger');
    const ledger = page.getByTestId('dossier-ledger');
    await ledger.locator('tbody tr').first().waitFor();
    const ledgerText = oneLine(await ledger.innerText());
    expect(ledgerText).toContain('小额信贷');
    expect(ledgerText).toContain('50,000.00 元');
    expect(ledgerText).toContain('已发放贷款');
    expect(ledgerText).toContain('医疗兜底追补');
    expect(ledgerText).toMatch(/共 \d+ 笔，合计 [\d,.]+ 元，已到户 [\d,.]+ 元/);
    expect(await untranslated(page, DATA.concat(/^XD-CONSOLE-DOSSIER-1$/))).toEqual([]);
    await screenshot(page, 'dossier-ledger');

    // 数据比对与预警: the vehicle finding on the head, by its rule's Chinese label, to be verified.
    await openTab(page, '数据比对与预警', 'checks');
    const finding = page.getByTestId('dossier-findings').locator('tbody tr');
    await finding.first().waitFor();
    await expect(finding.count()).resolves.toBe(1);
    const findingLine = oneLine(await finding.innerText());
    expect(findingLine).toContain('家庭成员有车辆登记');
    expect(findingLine).toContain('宋德明');
    expect(findingLine).toContain('待核实');
    expect(findingLine).not.toContain('VEHICLE_OWNER');
    expect(await page.locator('main').innerText()).not.toContain('湘J54321');
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-checks');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('a township user checks the 受益底册 of its village in a year: the measure the funds never paid, and the XLSX export', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  const year = shanghaiDay(-10).slice(0, 4);
  try {
    await signIn(page, users.own.username, users.own.password);
    await page.goto('/#/benefit-ledger');
    await settled(page);
    // The township is the user's own; the village and the year are picked.
    await expect(page.getByLabel('乡镇', { exact: true }).inputValue()).resolves.toContain(
      TOWNSHIP_A,
    );
    await page.getByLabel('村（不选则核对全乡镇）').click();
    await page.getByRole('option', { name: new RegExp(VILLAGE_A1) }).click();
    await page.getByLabel('年度', { exact: true }).click();
    await page.getByRole('option', { name: year, exact: true }).click();
    // The year's menu fades out before the screenshot.
    await page.locator('#menu-year').waitFor({ state: 'detached' });
    await settled(page);

    const row = page.getByTestId('benefit-ledger-mismatches').locator('tbody tr');
    await row.first().waitFor();
    const cells = await row.filter({ hasText: PROJECT }).locator('td').allInnerTexts();
    expect(cells).toEqual([
      '431121101-0411',
      year,
      PROJECT,
      '措施已记录但资金未支付',
      '3,000.00 元',
      '0.00 元',
    ]);
    await expect(
      page.getByTestId('benefit-ledger-household').first().getAttribute('href'),
    ).resolves.toBe(`/#/households/${ids.household}/dossier/ledger`);
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'benefit-ledger');

    // 导出受益底册（XLSX）: the village's workbook of the year, the household in its 受益明细.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出受益底册（XLSX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['受益明细', '汇总', '不一致']),
    );
    const mismatches = wb.getWorksheet('不一致')!;
    const sheet: string[] = [];
    mismatches.eachRow((r) => sheet.push(JSON.stringify(r.values)));
    expect(sheet.join('\n')).toContain('431121101-0411');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('a township user prints the household’s 明白卡 from the dossier: one page with its helper, the phone masked, and 12317', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, users.own.username, users.own.password);
    await page.goto(`/#/households/${ids.household}/dossier`);
    await settled(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '打印明白卡' }).click(),
    ]);
    const year = shanghaiDay().slice(0, 4);
    expect(download.suggestedFilename()).toBe(`明白卡-431121101-0411-${year}.pdf`);
    const pdf = await readFile(await download.path());
    expect(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
    const text = (await pdfText(pdf)).replace(/[ \t]+/g, '');
    for (const s of [
      '精准扶贫政策明白卡',
      '431121101-0411',
      '宋德明',
      HELPER.name,
      '136****0412',
      '12317',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain(HELPER.phone);
    // The loan was granted 90 days ago: on this year's card unless the year has just begun.
    if (shanghaiDay(-90).startsWith(year)) expect(text).toContain('50,000.00');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('a user of another township opening the dossier by its address is told the household is not there', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, users.other.username, users.other.password);
    await page.goto(`/#/households/${ids.household}/dossier`);
    await settled(page);
    const refused = page.getByTestId('dossier-refused');
    await expect(refused.innerText()).resolves.toBe('该户不存在');
    await expect(page.getByTestId('dossier-header').count()).resolves.toBe(0);
    await expect(page.locator('main').innerText()).resolves.not.toContain('宋德明');
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-another-township');
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

test('a township user prints its village’s 扶贫手册 from the village page: the progress bar counts households to the end and the file holds the household', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, users.own.username, users.own.password);
    await page.goto(`/#/villages/${VILLAGE_A1}/show`);
    await settled(page);
    await page.getByTestId('village-print-handbook').click();
    await page.getByTestId('village-print-start').click();
    await expect(
      page
        .getByTestId('village-print-state')
        .filter({ hasText: '打印完成' })
        .waitFor({ timeout: 120_000 }),
    ).resolves.toBeUndefined();
    await expect(page.getByTestId('job-progress-rows').innerText()).resolves.toMatch(
      /^已处理 (\d+) \/ \1 户$/,
    );
    await expect(page.getByTestId('job-progress-percent').innerText()).resolves.toBe('100%');
    await screenshot(page, 'village-handbooks-printed');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^扶贫手册-.+\.pdf$/);
    const text = (await pdfText(await readFile(await download.path()))).replace(/[ \t]+/g, '');
    for (const s of ['扶贫手册', '431121101-0411', '宋德明', HELPER.name])
      expect(text).toContain(s);
    expect(text).not.toContain(HELPER.phone);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

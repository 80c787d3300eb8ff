import { maskIdNumber } from '@fupin/reference';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from './support/stack';

/**
 * 一户一档 in the browser, on the real stack: a township user opens a household of its township,
 * follows 一户一档 from the household page and reads its members with masked ID numbers, the
 * student and the in-patient stay the support service holds (with the top-up to 90% owed), and
 * one timeline across the parts, newest first. A user of another township opening the same
 * address is told the household is not there.
 */
type Person = { id: string; name: string; registered: boolean };

const HEAD_ID = idNumber('1975-08-21', 411);
const SCHOOL = '桃源县漳江小学';
const HOSPITAL = '桃源县人民医院';
const ids: { household?: string } = {};
let users: Record<'own' | 'other', { username: string; password: string }>;

/** A day in Asia/Shanghai, `days` after today. */
const shanghaiDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const childBirth = `${Number(shanghaiDay().slice(0, 4)) - 9}-05-10`;
  const h = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/registry/households', {
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
  });
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

    // 时间轴: every part's entries, newest first — the registration now, the stay 40 days ago.
    await page.getByRole('tab', { name: '时间轴' }).click();
    const entries = page.getByTestId('dossier-timeline').locator('tbody tr');
    await entries.first().waitFor();
    const times = await entries.locator('td:first-child').allInnerTexts();
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect([...times].sort().reverse()).toEqual(times);
    const lines = (await entries.allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(lines[0]).toContain('建档立卡');
    expect(lines[0]).toContain('建档立卡登记（未脱贫）');
    const stayLine = lines.findIndex((l) => l.includes(`在${HOSPITAL}住院`));
    expect(stayLine).toBeGreaterThan(0);
    expect(lines[stayLine]).toContain('教育医疗');
    expect(lines[stayLine]).toContain(shanghaiDay(-40));
    expect(await untranslated(page, DATA)).toEqual([]);
    await screenshot(page, 'dossier-timeline');
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

import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, walkPages } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, VILLAGE_A1 } from './support/stack';

/**
 * Every page of the 教育健康 module — each resource's list, show, create and edit page, the
 * coverage page and the dashboard cards — in zh-CN, as the poverty office sees it (both
 * halves), shows no raw translation key and no English fallback; a screenshot of each is kept.
 */
const ids: Record<string, string> = {};
type Person = { id: string; name: string; registered: boolean };

function currentTerm(): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m >= 9 ? `${y}-autumn` : m === 1 ? `${y - 1}-autumn` : `${y}-spring`;
}

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const call = <T>(method: string, path: string, body?: unknown) =>
    api<T>(gatewayUrl, token, method, `/api/support${path}`, body);
  const term = currentTerm();
  const year = Number(term.slice(0, 4));
  const adult = { name: '罗志强', idNumber: idNumber('1975-04-08', 401) };
  await api(gatewayUrl, token, 'POST', '/api/registry/households', {
    ...household('431121101-0401', VILLAGE_A1, adult),
    members: [
      { ...adult, relation: 'head' },
      { name: '罗佳怡', idNumber: idNumber(`${year - 11}-05-20`, 402), relation: 'daughter' },
      { name: '罗佳明', idNumber: idNumber(`${year - 9}-02-11`, 403), relation: 'son' },
    ],
  });
  const people: Record<string, Person> = {};
  for (let i = 0; i < 240 && Object.values(people).filter((p) => p.registered).length < 3; i++) {
    const found = await call<Person[]>(
      'GET',
      `/persons?filter=${encodeURIComponent(JSON.stringify({ q: '罗' }))}`,
    );
    for (const p of found) people[p.name] = p;
    await new Promise((r) => setTimeout(r, 250));
  }
  const person = (name: string) => {
    const p = people[name];
    if (!p) throw new Error(`the support service did not see ${name}`);
    return p.id;
  };

  // 教育: a student enrolled this term and paid the standard; her brother is not enrolled.
  const student = await call<{ id: string }>('POST', '/education/students', {
    personId: person('罗佳怡'),
    school: '漳江镇中心小学',
    stage: 'primary',
    grade: 5,
  });
  ids.student = student.id;
  await call('PUT', `/education/students/${student.id}/enrollments/${term}`, {
    status: 'enrolled',
  });
  await call('PUT', '/education/subsidy-standards', {
    type: 'nutritious_lunch',
    stage: 'primary',
    fromTerm: term,
    amountFen: 40_000,
    note: '农村义务教育学生营养改善计划',
  });
  await call('POST', '/education/subsidy-payments', {
    studentId: student.id,
    type: 'nutritious_lunch',
    term,
    paidOn: `${year}-03-01`,
    department: '县教育局',
  });
  await call('POST', '/education/dropout-cases/scan', { term });
  const cases = await call<{ id: string }[]>('GET', '/education/dropout-cases');
  ids.dropout = cases[0]!.id;

  // 健康: insurance, an episode with a top-up owed, a contract, a relief case, an import.
  await call('POST', '/health/insurance', {
    personId: person('罗志强'),
    year,
    kind: 'basic_medical',
    enrolled: true,
  });
  const episode = await call<{ id: string }>('POST', '/health/inpatient-episodes', {
    personId: person('罗志强'),
    hospital: '桃源县人民医院',
    admittedOn: `${year}-02-03`,
    dischargedOn: `${year}-02-10`,
    diagnosis: '慢性阻塞性肺疾病',
    totalCostFen: 800_000,
    basicInsuranceFen: 520_000,
    seriousIllnessInsuranceFen: 60_000,
    medicalAssistanceFen: 40_000,
    treatFirstPayLater: true,
  });
  ids.episode = episode.id;
  const contract = await call<{ id: string }>('POST', '/health/chronic-care-contracts', {
    personId: person('罗志强'),
    disease: '高血压',
    doctor: '王医生',
    team: '漳江镇卫生院家庭医生团队',
    signedOn: `${year}-01-15`,
  });
  ids.contract = contract.id;
  const illness = await call<{ id: string }>('POST', '/health/serious-illness-cases', {
    personId: person('罗志强'),
    disease: '慢性阻塞性肺疾病',
    hospital: '桃源县人民医院',
    includedOn: `${year}-02-12`,
  });
  ids.illness = illness.id;
  const csv = [
    '身份证号,姓名',
    `${adult.idNumber},${adult.name}`,
    `${idNumber('1980-01-01', 499)},无名`,
  ].join('\r\n');
  const res = await fetch(
    `${gatewayUrl}/api/support/imports/health-insurance?year=${year}&fileName=${encodeURIComponent('医保参保名单.csv')}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: Buffer.from(csv, 'utf8'),
    },
  );
  if (res.status !== 202) throw new Error(`import: ${res.status} ${await res.text()}`);
  ids.import = ((await res.json()) as { id: string }).id;
  for (let i = 0; i < 240; i++) {
    const job = await call<{ status: string }>('GET', `/imports/${ids.import}`);
    if (job.status === 'completed' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
});

/** Data values with Latin letters that may appear on these pages. */
const DATA = ['fupinban', /^[0-9a-f-]{36}$/, /^\d{17}[\dX]$/, /^[\d*]+X?$/];

const walk = (page: Page, pages: [string, string][]) => walkPages(page, pages, DATA);

test('every support page in zh-CN, as the poverty office sees it, is all Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.getByTestId('education-support-card').waitFor();
    await page.getByTestId('health-support-card').waitFor();
    const problems = await walk(page, [
      ['support-dashboard', '/#/'],
      ['support-students-list', '/#/support-students'],
      ['support-students-create', '/#/support-students/create'],
      ['support-students-show', `/#/support-students/${ids.student}/show`],
      ['support-students-show-enrollments', `/#/support-students/${ids.student}/show/enrollments`],
      ['support-students-show-payments', `/#/support-students/${ids.student}/show/payments`],
      ['support-students-edit', `/#/support-students/${ids.student}`],
      ['support-enrollments-list', '/#/support-enrollments'],
      ['support-subsidy-payments-list', '/#/support-subsidy-payments'],
      ['support-subsidy-payments-create', '/#/support-subsidy-payments/create'],
      ['support-subsidy-standards-list', '/#/support-subsidy-standards'],
      ['support-subsidy-standards-create', '/#/support-subsidy-standards/create'],
      ['support-dropout-cases-list', '/#/support-dropout-cases'],
      ['support-dropout-cases-show', `/#/support-dropout-cases/${ids.dropout}/show`],
      ['support-insurance-list', '/#/support-insurance'],
      ['support-insurance-create', '/#/support-insurance/create'],
      ['support-coverage', '/#/support-coverage'],
      ['support-inpatient-episodes-list', '/#/support-inpatient-episodes'],
      ['support-inpatient-episodes-create', '/#/support-inpatient-episodes/create'],
      ['support-inpatient-episodes-show', `/#/support-inpatient-episodes/${ids.episode}/show`],
      ['support-inpatient-episodes-edit', `/#/support-inpatient-episodes/${ids.episode}`],
      ['support-chronic-care-list', '/#/support-chronic-care'],
      ['support-chronic-care-create', '/#/support-chronic-care/create'],
      ['support-chronic-care-show', `/#/support-chronic-care/${ids.contract}/show`],
      ['support-chronic-care-edit', `/#/support-chronic-care/${ids.contract}`],
      ['support-serious-illness-list', '/#/support-serious-illness'],
      ['support-serious-illness-create', '/#/support-serious-illness/create'],
      ['support-serious-illness-show', `/#/support-serious-illness/${ids.illness}/show`],
      ['support-serious-illness-edit', `/#/support-serious-illness/${ids.illness}`],
      ['support-imports-list', '/#/support-imports'],
      ['support-imports-create', '/#/support-imports/create'],
      ['support-imports-show', `/#/support-imports/${ids.import}/show`],
    ]);
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 300_000);

test('the import report lists each row of the department list with what became of it', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/support-imports/${ids.import}/show`);
    await page.getByTestId('job-progress-percent').filter({ hasText: '100%' }).waitFor();
    await settled(page);
    const counts = (await page.getByTestId('support-import-counts').innerText()).replace(
      /\s+/g,
      ' ',
    );
    expect(counts).toContain('名单行数 2');
    expect(counts).toContain('比对入库 1');
    expect(counts).toContain('非建档立卡人员 1');
    const rows = await page.getByTestId('import-rows').locator('tbody tr').allInnerTexts();
    expect(rows.join('\n')).toContain('罗志强');
    expect(rows.join('\n')).toContain('已比对入库');
    // ID numbers appear masked only.
    expect(rows.join('\n')).not.toContain(idNumber('1975-04-08', 401));
    await screenshot(page, 'support-import-report');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

import {
  consolePage,
  screenshot,
  settled,
  signIn,
  untranslated,
  walkPages,
} from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 帮扶管理 in the browser: a township user opens the month's visit calendar, sees a paired
 * household not yet visited, records the visit (with a photo) through the form, and the
 * household leaves the calendar's unvisited list while the day shows the visit. Every page of
 * the module, as the poverty office sees it, is all Chinese; a screenshot of each is kept.
 */
const HOUSEHOLD_NO = '431121101-0301';
const ids: Record<string, string> = {};

/** A 1×1 PNG, as a phone's camera would not make it but the service's byte check accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const h = await api<{ id: string }>(
    gatewayUrl,
    token,
    'POST',
    '/api/registry/households',
    household(HOUSEHOLD_NO, VILLAGE_A1, { name: '黄桂兰', idNumber: idNumber('1958-03-12', 301) }),
  );
  ids.household = h.id;
  // The assistance service learns of the household from the registry's events.
  for (let i = 0; ; i++) {
    const found = await api<unknown[]>(
      gatewayUrl,
      token,
      'GET',
      `/api/assistance/households?filter=${encodeURIComponent(JSON.stringify({ id: h.id }))}`,
    );
    if (found.length === 1) break;
    if (i > 120) throw new Error('the household never reached the assistance service');
    await new Promise((r) => setTimeout(r, 250));
  }
  const helper = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/helpers', {
    name: '欧阳明',
    unit: '县农业农村局',
    rank: 'section_level',
    position: '副局长',
    phone: '13907360001',
    areaCode: TOWNSHIP_A,
  });
  ids.helper = helper.id;
  const pairing = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/pairings', {
    helperId: helper.id,
    householdId: h.id,
    role: 'key',
  });
  ids.pairing = pairing.id;
  const measure = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/measures', {
    householdId: h.id,
    category: 'production',
    type: '发放鸡苗',
    description: '发放鸡苗 50 羽，技术员上门指导',
    amountFen: 125_050,
    quantity: 50,
    unit: '羽',
    helperId: helper.id,
  });
  ids.measure = measure.id;
  await api(gatewayUrl, token, 'PUT', `/api/assistance/plans/${h.id}`, {
    summary: '发展养殖增收，落实医疗保障',
    targets: [
      { year: 2020, perCapitaIncomeFen: 450_000, guarantees: ['basic_medical'], exit: true },
    ],
    revision: 0,
  });
});

const walk = walkPages;

test('a township user records a visit and the household leaves the month’s unvisited list', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto('/#/unvisited-households');
    await settled(page);
    const unvisited = page.locator('.RaList-main tbody tr', { hasText: HOUSEHOLD_NO });
    await unvisited.waitFor();
    await expect(unvisited.innerText()).resolves.toContain('欧阳明');
    await expect(page.getByTestId('calendar-summary').innerText()).resolves.toBe(
      '应走访 1 户，已走访 0 户，未走访 1 户',
    );
    expect(await untranslated(page, [township.username])).toEqual([]);
    await screenshot(page, 'assistance-calendar-before-visit');

    await page.getByRole('link', { name: '录入走访' }).click();
    await page.waitForURL(/#\/visits\/create/);
    await settled(page);
    await page.getByLabel('走访户').fill(HOUSEHOLD_NO);
    await page.getByRole('option', { name: new RegExp(HOUSEHOLD_NO) }).click();
    await page.getByLabel('走访人').fill('欧阳');
    await page.getByRole('option', { name: /欧阳明/ }).click();
    await page.getByLabel('了解情况').fill('鸡苗长势良好，户主腿疾复发');
    await page.getByLabel('帮扶举措').fill('联系村医上门复诊');
    await page.getByLabel('下一步打算').fill('下月跟进医保报销');
    await screenshot(page, 'assistance-visit-form');
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/visits\/[^/]+\/show/);
    await settled(page);
    await page.locator('input[name=visitPhoto]').setInputFiles({
      name: '走访照片.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByText('已上传照片').waitFor();
    await page.locator('figure img').waitFor();
    await screenshot(page, 'assistance-visit-recorded');

    await page.goto('/#/unvisited-households');
    await settled(page);
    await page.getByTestId('no-unvisited').waitFor();
    await expect(
      page.locator('.RaList-main tbody tr', { hasText: HOUSEHOLD_NO }).count(),
    ).resolves.toBe(0);
    await expect(page.getByTestId('calendar-summary').innerText()).resolves.toBe(
      '应走访 1 户，已走访 1 户，未走访 0 户',
    );
    await expect(page.getByTestId('visit-calendar').innerText()).resolves.toContain('1 次走访');
    await screenshot(page, 'assistance-calendar-after-visit');

    // What the service stored is what was typed.
    const visits = await api<{ findings: string; helperId: string; photos: unknown[] }[]>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/assistance/visits?filter=${encodeURIComponent(JSON.stringify({ householdId: ids.household }))}`,
    );
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      findings: '鸡苗长势良好，户主腿疾复发',
      helperId: ids.helper,
    });
    expect(visits[0]!.photos).toHaveLength(1);

    // The dashboard's card counts the visit.
    await page.goto('/#/');
    await settled(page);
    await expect(page.getByTestId('visit-coverage').innerText()).resolves.toContain('100.00%');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('every assistance page in zh-CN, as the poverty office sees it, is all Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    const h = `/#/assistance-households/${ids.household}/show`;
    const problems = await walk(
      page,
      [
        ['assistance-dashboard', '/#/'],
        ['unvisited-households-list', '/#/unvisited-households'],
        ['helpers-list', '/#/helpers'],
        ['helpers-create', '/#/helpers/create'],
        ['helpers-show', `/#/helpers/${ids.helper}/show`],
        ['helpers-edit', `/#/helpers/${ids.helper}`],
        ['pairings-list', '/#/pairings'],
        ['pairings-create', '/#/pairings/create'],
        ['pairings-show', `/#/pairings/${ids.pairing}/show`],
        ['plans-list', '/#/plans'],
        ['plans-create', '/#/plans/create'],
        ['plans-show', `/#/plans/${ids.household}/show`],
        ['plans-show-progress', `/#/plans/${ids.household}/show/progress`],
        ['plans-show-measures', `/#/plans/${ids.household}/show/measures`],
        ['plans-show-history', `/#/plans/${ids.household}/show/history`],
        ['plans-edit', `/#/plans/${ids.household}`],
        ['measures-list', '/#/measures'],
        ['measures-create', '/#/measures/create'],
        ['measures-show', `/#/measures/${ids.measure}/show`],
        ['measures-edit', `/#/measures/${ids.measure}`],
        ['visits-list', '/#/visits'],
        ['visits-create', '/#/visits/create'],
        ['assistance-households-list', '/#/assistance-households'],
        ['assistance-households-show', h],
        ['assistance-households-show-pairings', `${h}/pairings`],
        ['assistance-households-show-measures', `${h}/measures`],
        ['assistance-households-show-visits', `${h}/visits`],
      ],
      [t.stack.office.username],
    );
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

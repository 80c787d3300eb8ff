import type { Page } from 'playwright-core';
import { consolePage, screenshot, signIn, walkPages } from './support/browser';
import { api, household, householdCsv, idNumber, importCsv } from './support/data';
import { COUNTY, consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * Every resource's list, show, edit and create page (and every tab of a household) in
 * zh-CN shows no raw translation key and no English fallback; a screenshot of each is kept.
 * English stays selectable.
 */
const ids: Record<string, string> = {};
let admin: { username: string; password: string };

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const h = await api<{ id: string }>(
    gatewayUrl,
    token,
    'POST',
    '/api/registry/households',
    household(
      '431121101-0101',
      VILLAGE_A1,
      { name: '刘春生', idNumber: idNumber('1962-04-05', 71) },
      {
        status: 'in_poverty',
        otherCauses: ['lack_of_skills'],
        housingGrade: 'B',
        // Insured: 基本医疗 is derived from the members, so the exit below may start.
        members: [
          {
            name: '刘春生',
            idNumber: idNumber('1962-04-05', 71),
            relation: 'head',
            medicalInsurance: true,
          },
        ],
        guarantees: Object.fromEntries(
          [
            'food',
            'clothing',
            'compulsory_education',
            'basic_medical',
            'housing_safety',
            'safe_water',
          ].map((g) => [g, { met: true, note: null }]),
        ),
      },
    ),
  );
  ids.household = h.id;
  // A workflow under way, so the steps page shows taken and pending steps.
  await api(gatewayUrl, token, 'POST', `/api/registry/households/${h.id}/workflows/exit/steps`, {
    action: 'start',
    reason: '收入稳定，两不愁三保障均已达标',
    year: 2019,
  });
  await api(gatewayUrl, token, 'PUT', `/api/registry/villages/${VILLAGE_A1}`, {
    ruralPopulation: 860,
    poorVillage: true,
    poorVillageLevel: 'provincial',
    groups: [{ no: 3, name: '三组' }],
    firstSecretary: { name: '陈立', unit: '县财政局', since: '2018-03-01' },
    revision: 0,
  });
  await api(gatewayUrl, token, 'PUT', `/api/registry/exit-targets/${COUNTY}/2019`, {
    households: 12,
    revision: 0,
  });
  ids.import = (await importCsv(gatewayUrl, token, householdCsv('WALK', VILLAGE_A1, 200))).id;
  const townshipUser = await stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang',
  });
  ids.user = townshipUser.userId;
  const audit = await api<{ id: string }[]>(
    gatewayUrl,
    stack.platform.admin.accessToken,
    'GET',
    '/audit',
  );
  ids.audit = audit[0]!.id;
  admin = stack.platform.admin;
});

/** Data values with Latin letters that may appear on these pages. */
const DATA = [/^WALK-\d$/, 'zhangjiang', 'fupinban', 'admin', /^[0-9a-f-]{36}$/];

const walk = (page: Page, pages: [string, string][]) => walkPages(page, pages, DATA);

test('every registry page in zh-CN, as the poverty office sees it, is all Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    const h = `/#/households/${ids.household}`;
    const problems = await walk(page, [
      ['dashboard', '/#/'],
      ['households-list', '/#/households'],
      ['households-create', '/#/households/create'],
      ['households-show', `${h}/show`],
      ['households-show-income', `${h}/show/income`],
      ['households-show-members', `${h}/show/members`],
      ['households-show-workflows', `${h}/show/workflows`],
      ['households-show-history', `${h}/show/history`],
      ['households-show-risk', `${h}/show/risk`],
      ['households-edit', h],
      // 一户一档: each tab of the household's dossier (most of them empty for this household).
      ['households-dossier', `${h}/dossier`],
      ...['assistance', 'funds', 'support', 'ledger', 'checks', 'timeline'].map(
        (tab): [string, string] => [`households-dossier-${tab}`, `${h}/dossier/${tab}`],
      ),
      // 受益底册核对: the county picks a township or a village first.
      ['benefit-ledger', '/#/benefit-ledger'],
      // 一户一档核对: the start form and the runs so far (none yet here).
      ['consistency-check', '/#/consistency-check'],
      ['villages-list', '/#/villages'],
      ['villages-show', `/#/villages/${VILLAGE_A1}/show`],
      ['villages-edit', `/#/villages/${VILLAGE_A1}`],
      ['areas-list', '/#/areas'],
      ['areas-create', '/#/areas/create'],
      ['areas-show', `/#/areas/${TOWNSHIP_A}/show`],
      ['areas-edit', `/#/areas/${TOWNSHIP_A}`],
      ['imports-list', '/#/imports'],
      ['imports-create', '/#/imports/create'],
      ['imports-show', `/#/imports/${ids.import}/show`],
      ['exit-targets-list', '/#/exit-targets'],
      ['exit-targets-create', '/#/exit-targets/create'],
      ['exit-targets-edit', `/#/exit-targets/${COUNTY}:2019`],
      ['monitoring-warnings-list', '/#/monitoring-warnings'],
      ['monitoring-screenings-list', '/#/monitoring-screenings'],
      ['monitoring-rules', '/#/monitoring-rules'],
      ['monitoring-disasters-list', '/#/monitoring-disasters'],
      ['monitoring-disasters-create', '/#/monitoring-disasters/create'],
      // 数据比对's own page (its resources are walked by the matching browser test).
      ['matching-quality', '/#/matching-quality'],
      // A mistyped address: react-admin's page titled itself with the raw key (app.title).
      ['not-found', '/#/monitoring/warnings'],
    ]);
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('every administration page in zh-CN, as the county administrator sees it, is all Chinese', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, admin.username, admin.password);
    const problems = await walk(page, [
      ['admin-dashboard', '/#/'],
      ['users-list', '/#/users'],
      ['users-create', '/#/users/create'],
      ['users-show', `/#/users/${ids.user}/show`],
      ['users-edit', `/#/users/${ids.user}`],
      ['roles-list', '/#/roles'],
      ['roles-show', '/#/roles/township_staff/show'],
      ['audit-list', '/#/audit'],
      ['audit-show', `/#/audit/${ids.audit}/show`],
      ['scopes', '/#/scopes'],
      // 密钥轮换: each sealed service's key ids, values left on old keys and latest reseal.
      ['key-rotation', '/#/key-rotation'],
    ]);
    expect(problems).toEqual({});
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('English can be chosen instead, and is remembered', async () => {
  const { page, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    // react-admin's language button has an empty accessible name; it shows the current language.
    await page.locator('header button', { hasText: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.goto('/#/households');
    await page.getByRole('columnheader', { name: 'Household no.' }).waitFor();
    await page.reload();
    await page.getByRole('columnheader', { name: 'Household no.' }).waitFor();
    await screenshot(page, 'households-list-english');
  } finally {
    await close();
  }
}, 120_000);

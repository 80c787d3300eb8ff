import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import {
  TOWNSHIP_A,
  VILLAGE_A1,
  consoleStackForThisFile,
  type ConsoleStack,
} from './support/stack';

/**
 * A township user's daily work in the console: registering a household with its members,
 * then trying to take a household out of poverty that does not meet the conditions — the
 * console shows every failing check, and nothing changes.
 */
let township: Awaited<ReturnType<ConsoleStack['platform']['signedInUser']>>;
let page: Page;
let errors: string[];
let closePage: () => Promise<void>;

const t = consoleStackForThisFile(async (stack) => {
  township = await stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang',
  });
});
beforeAll(async () => {
  ({ page, errors, close: closePage } = await consolePage(t.browser, t.stack.consoleUrl));
  await signIn(page, township.username, township.password);
});
afterAll(async () => {
  await closePage?.();
});

const select = async (p: Page, label: string, option: string) => {
  await p.getByRole('combobox', { name: label }).first().click();
  await p.getByRole('option', { name: option, exact: true }).click();
};

test('a township user registers a household and its members, which the registry keeps as a candidate', async () => {
  await page.goto('/#/households/create');
  await page.getByLabel('户编号').fill('431121101-0001');
  await page.getByLabel('所在村').fill('桃花');
  await page.getByRole('option', { name: /桃花源村/ }).click();
  await page.getByLabel('住址').fill('桃花源村三组');
  await select(page, '主要致贫原因', '因病');

  await page.getByRole('tab', { name: '收入与保障' }).click();
  await page.getByLabel('工资性收入（元）').fill('1,200.50');

  await page.getByRole('tab', { name: '家庭成员' }).click();
  await page.getByLabel('姓名').first().fill('赵大山');
  await page.getByLabel('身份证号').first().fill(idNumber('1965-03-04', 31));
  expect(await untranslated(page, [township.username])).toEqual([]);
  await screenshot(page, 'household-create');
  await page.getByRole('button', { name: '保存' }).click();

  // The new household's page: a candidate (识别中) until the identification workflow ends.
  await page.waitForURL(/#\/households\/[^/]+\/show/);
  await page.getByText('识别中').first().waitFor();
  await page.getByText('赵大山').first().waitFor();

  await page.getByRole('tab', { name: '家庭成员' }).click();
  await page.getByRole('button', { name: '新增成员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('钱小花');
  await dialog.getByLabel('身份证号').fill(idNumber('1968-11-12', 42));
  await dialog.getByRole('combobox', { name: '与户主关系' }).click();
  await page.getByRole('option', { name: '配偶', exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.getByText('已新增家庭成员').waitFor();
  await settled(page);
  const rows = page.getByTestId('member-row');
  await expect(rows.count()).resolves.toBe(2);
  await expect(rows.nth(1).innerText()).resolves.toContain('钱小花');
  // Personal data stays masked: no ID number in clear on the page.
  await expect(page.locator('body').innerText()).resolves.not.toContain(idNumber('1968-11-12', 42));
  expect(await untranslated(page, [township.username])).toEqual([]);
  await screenshot(page, 'household-members');

  // Stored as the console showed it.
  const [stored] = await api<
    {
      householdNo: string;
      status: string;
      members: { name: string }[];
      income: { wagesFen: number };
    }[]
  >(
    t.stack.platform.gatewayUrl,
    t.stack.office.accessToken,
    'GET',
    `/api/registry/households?filter=${encodeURIComponent(JSON.stringify({ q: '431121101-0001' }))}`,
  );
  expect(stored).toMatchObject({
    householdNo: '431121101-0001',
    status: 'candidate',
    income: { wagesFen: 120050 },
  });
  expect(stored!.members.map((m) => m.name)).toEqual(['赵大山', '钱小花']);

  await page.getByRole('tab', { name: '变更历史' }).click();
  await page.getByTestId('household-history').getByText('新增成员').waitFor();
  await page.getByTestId('household-history').getByText('登记').first().waitFor();
  expect(errors).toEqual([]);
}, 120_000);

test('an exit is refused and the console shows each failing check: income below the line and a guarantee not met', async () => {
  const poor = await api<{ id: string }>(
    t.stack.platform.gatewayUrl,
    t.stack.office.accessToken,
    'POST',
    '/api/registry/households',
    household(
      '431121101-0002',
      VILLAGE_A1,
      { name: '孙有福', idNumber: idNumber('1959-06-07', 53) },
      {
        status: 'in_poverty',
        income: { year: 2019, wagesFen: 100_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
        // A new household's guarantees are unknown: the others are typed met, the head insured.
        guarantees: {
          food: { met: true },
          clothing: { met: true },
          compulsory_education: { met: true },
          basic_medical: { met: true },
          safe_water: { met: true },
          housing_safety: { met: false, note: 'C级危房' },
        },
        members: [
          {
            name: '孙有福',
            idNumber: idNumber('1959-06-07', 53),
            relation: 'head',
            medicalInsurance: true,
          },
        ],
      },
    ),
  );

  await page.goto(`/#/households/${poor.id}/show/workflows`);
  await page.getByRole('button', { name: '发起脱贫退出' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('脱贫年度').fill('2019');
  await dialog.getByLabel('办理意见').fill('已达到脱贫标准，申请退出');
  await dialog.getByRole('button', { name: '提交' }).click();

  const refusal = page.getByTestId('workflow-refusal');
  await refusal.waitFor();
  const failed = refusal.getByTestId('check-failed');
  await expect(failed.count()).resolves.toBe(2);
  const text = await refusal.innerText();
  expect(text).toContain('2019年人均纯收入 1000.00 元，扶贫标准 3747.00 元');
  expect(text).toContain('住房安全保障：未达标（C级危房）');
  // The checks that passed are listed too, after the failing ones.
  await expect(refusal.getByTestId('check-passed').count()).resolves.toBeGreaterThan(0);
  expect(await untranslated(page, [township.username])).toEqual([]);
  await screenshot(page, 'household-exit-refused');

  // Nothing changed: no workflow runs and the household is still in poverty.
  const wf = await api<{ status: string; active: unknown }>(
    t.stack.platform.gatewayUrl,
    t.stack.office.accessToken,
    'GET',
    `/api/registry/households/${poor.id}/workflows`,
  );
  expect(wf).toMatchObject({ status: 'in_poverty', active: null });
  expect(errors).toEqual([]);
}, 120_000);

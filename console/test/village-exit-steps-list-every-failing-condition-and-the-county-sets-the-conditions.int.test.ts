import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api } from './support/data';
import {
  COUNTY,
  TOWNSHIP_A,
  VILLAGE_A1,
  consoleStackForThisFile,
  type ConsoleStack,
} from './support/stack';

/**
 * A township user proposes a poor village's exit from the village page: the console lists
 * every failing condition, and once the facts hold the run starts with its steps shown; the
 * county sets the conditions on their own page and sees each version with who and why.
 */
let township: Awaited<ReturnType<ConsoleStack['platform']['signedInUser']>>;
let page: Page;
let errors: string[];
let closePage: () => Promise<void>;

const facts = (clinic: boolean) =>
  api(
    t.stack.platform.gatewayUrl,
    t.stack.office.accessToken,
    'PUT',
    `/api/registry/villages/${VILLAGE_A1}`,
    {
      poorVillage: true,
      ruralPopulation: 400,
      infrastructure: {
        roadHardening: { inPlace: true },
        tapWater: { inPlace: true },
        electricity: { inPlace: true },
        broadband: { inPlace: true },
        clinic: { inPlace: clinic },
        activityRoom: { inPlace: true },
      },
    },
  );

const t = consoleStackForThisFile(async (stack) => {
  township = await stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang-cun',
  });
});
beforeAll(async () => {
  await facts(false);
  ({ page, errors, close: closePage } = await consolePage(t.browser, t.stack.consoleUrl));
  await signIn(page, township.username, township.password);
});
afterAll(async () => {
  await closePage?.();
});

async function propose() {
  await page.getByTestId('village-exit').getByRole('button', { name: '申请退出' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('办理意见').fill('基础设施和贫困发生率达标，申请退出');
  await dialog.getByRole('button', { name: '提交' }).click();
}

test('the village page lists the failing condition of a refused exit, then shows the run once the facts hold', async () => {
  await page.goto(`/#/villages/${VILLAGE_A1}/show`);
  await page.getByTestId('village-exit').waitFor();
  await settled(page);
  await propose();
  const refusal = page.getByTestId('village-exit-refusal');
  await refusal.waitFor();
  await expect(refusal.getByTestId('condition-failed').count()).resolves.toBe(1);
  await expect(refusal.innerText()).resolves.toContain('基础设施未达标：有标准化卫生室');
  expect(await untranslated(page, [township.username])).toEqual([]);
  await screenshot(page, 'village-exit-refused');

  await facts(true);
  await page.reload();
  await page.getByTestId('village-exit').waitFor();
  await settled(page);
  await propose();
  await page.getByRole('button', { name: '村民主评议' }).waitFor();
  await expect(page.getByTestId('village-exit').innerText()).resolves.toContain(
    '基础设施和贫困发生率达标，申请退出',
  );
  expect(await untranslated(page, [township.username])).toEqual([]);
  await screenshot(page, 'village-exit-started');
  expect(errors).toEqual([]);
}, 120_000);

test('the county sets the exit conditions as a new version with its reason', async () => {
  const county = await t.stack.platform.signedInUser({
    roles: ['poverty_office'],
    areaCode: COUNTY,
    username: 'fupinban-cond',
  });
  const office = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(office.page, county.username, county.password);
    await office.page.goto('/#/village-exit-conditions');
    await office.page.getByText('湖南省').first().waitFor();
    await office.page.getByLabel('贫困发生率须低于（%）').fill('3');
    await office.page.getByLabel('变更理由').fill('按省级文件调整');
    await office.page.getByRole('button', { name: '保存为新版本' }).click();
    await office.page.getByText('退出条件已更新为第 1 版').waitFor();
    await office.page.getByTestId('exit-condition-versions').getByText('按省级文件调整').waitFor();
    expect(await untranslated(office.page, [county.username])).toEqual([]);
    await screenshot(office.page, 'village-exit-conditions');
    expect(office.errors).toEqual([]);
  } finally {
    await office.close();
  }
}, 120_000);

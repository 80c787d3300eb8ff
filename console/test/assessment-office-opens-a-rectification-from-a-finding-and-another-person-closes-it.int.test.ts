import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, signOut, untranslated } from './support/browser';
import { api } from './support/data';
import { COUNTY, consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 督查 in the console: an inspection of a village with two findings (arranged through the
 * API), the office opens a rectification order from a finding on the inspection's page, sends
 * the evidence itself, is refused the review (双人复核: the refusal stays on the page), and a
 * second office user closes it; the unit's counts show it — every page in Chinese.
 */
let reviewer: { username: string; password: string };
let inspectionId = '';

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const plan = await api<{ id: string }>(
    gatewayUrl,
    token,
    'POST',
    '/api/assessment/inspection-plans',
    {
      name: '月督查计划',
      cadence: 'monthly',
      areas: [TOWNSHIP_A],
      checks: ['home_visits', 'guarantees'],
      inspectorUnit: '县扶贫办督查组',
      startsOn: today,
    },
  );
  const inspection = await api<{ id: string }>(
    gatewayUrl,
    token,
    'POST',
    '/api/assessment/inspections',
    {
      planId: plan.id,
      areaCode: VILLAGE_A1,
      inspectedOn: today,
      inspectors: ['张督查'],
      inspectorUnit: '县扶贫办督查组',
      findings: [
        { check: 'home_visits', text: '三户本月未走访', severity: 'major' },
        { check: 'guarantees', text: '一户饮水不安全', severity: 'serious' },
      ],
    },
  );
  inspectionId = inspection.id;
  reviewer = await stack.platform.signedInUser({
    roles: ['poverty_office'],
    areaCode: COUNTY,
    username: 'ducha-fuhe',
  });
});

const DATA = ['fupinban', 'ducha-fuhe'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

test('the office opens an order from a finding, is refused its own review, and another person closes it', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/inspections/${inspectionId}/show`);
    await page.getByTestId('inspection-findings').waitFor();
    await expectChinese(page, 'inspection-show');

    const row = page.getByRole('row', { name: /三户本月未走访/ });
    await row.getByRole('button', { name: '下发整改' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^整改要求/).fill('一周内补齐走访记录');
    const due = new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByLabel(/^整改时限/).fill(due);
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('整改通知已下发').waitFor();
    await settled(page);
    await row.getByText('查看整改通知').click();
    await page.waitForURL(/#\/rectifications\/.+\/show$/);
    await page.getByTestId('rectification-steps').waitFor();
    await expectChinese(page, 'rectification-open');

    await page.getByRole('button', { name: '提交整改材料' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^整改情况/).fill('已补齐三户走访记录');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('整改材料已提交，待复核').waitFor();
    await settled(page);
    expect(await page.getByTestId('rectification-submissions').innerText()).toContain(
      '已补齐三户走访记录',
    );

    // 双人复核: the sender of the evidence may not close it.
    await page.getByRole('button', { name: '复核销号' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    const refusal = page.getByTestId('rectification-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('须由另一人复核销号');
    await expectChinese(page, 'rectification-refused');
    const url = page.url();

    await signOut(page);
    await signIn(page, reviewer.username, reviewer.password);
    await page.goto(`/${new URL(url).hash}`);
    await page.getByTestId('rectification-steps').waitFor();
    await settled(page);
    await page.getByRole('button', { name: '复核销号' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^复核意见/).fill('材料齐全，同意销号');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已销号').first().waitFor();
    await settled(page);
    expect(await page.getByTestId('inspection-history').innerText()).toContain('复核销号');
    await expectChinese(page, 'rectification-closed');

    await page.goto('/#/rectification-units');
    await page.getByTestId('rectification-units').waitFor();
    await settled(page);
    const units = await page.getByTestId('rectification-units').innerText();
    expect(units).toContain('乡镇');
    await expectChinese(page, 'rectification-units');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 300_000);

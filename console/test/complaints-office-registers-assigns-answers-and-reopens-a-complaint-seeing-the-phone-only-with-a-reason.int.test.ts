import { TOWNSHIP_A } from '@fupin/testing';
import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api } from './support/data';
import { consoleStackForThisFile } from './support/stack';

/**
 * 信访件 in the console: a complaint registered for township A is listed with the phone masked;
 * the office sees it in clear only after giving a reason, assigns it to 民政, answers it,
 * records 不满意 and reopens it — every page in Chinese.
 */
const t = consoleStackForThisFile(async (stack) => {
  await api(
    stack.platform.gatewayUrl,
    stack.office.accessToken,
    'POST',
    '/api/assessment/complaints',
    {
      receivedOn: '2019-03-01',
      channel: 'hotline_12317',
      complainantName: '王秀英',
      complainantPhone: '13812345678',
      areaCode: TOWNSHIP_A,
      subject: 'assistance_lacking',
      text: '帮扶干部半年未入户走访',
    },
  );
});

/** Data, not words: the user's name and the complaint's number (信访编号, XF…). */
const DATA = ['fupinban'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  const [complaint] = await api<{ complaintNo: string }[]>(
    t.stack.platform.gatewayUrl,
    t.stack.office.accessToken,
    'GET',
    '/api/assessment/complaints',
  );
  const data = [...DATA, complaint?.complaintNo ?? ''];
  expect({ name, problems: await untranslated(page, data) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

test('the office assigns, answers and reopens a complaint, and sees the phone only with a reason', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/complaints');
    await settled(page);
    const row = page.getByRole('row', { name: /帮扶不到位/ });
    const listed = await row.innerText();
    expect(listed).toContain('王**');
    expect(listed).toContain('待办理');
    await expectChinese(page, 'complaints-list');

    await row.click();
    await page.waitForURL(/#\/complaints\/.+\/show$/);
    await page.getByTestId('complaint-steps').waitFor();
    await settled(page);
    expect(await page.locator('main').innerText()).toContain('138****5678');
    await expectChinese(page, 'complaint-pending');

    await page.getByRole('button', { name: '显示完整信息' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^查看原因/).fill('回访信访人');
    await dialog.getByRole('button', { name: '显示', exact: true }).click();
    await page.getByText('13812345678').waitFor();

    await page.getByRole('button', { name: '交办' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^承办部门/).click();
    await page.getByRole('option', { name: '民政' }).click();
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已交办').waitFor();
    await settled(page);

    await page.getByRole('button', { name: '答复', exact: true }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^答复内容/).fill('已督促帮扶干部入户走访');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已记录答复').waitFor();
    await settled(page);

    await page.getByRole('button', { name: '登记满意度' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^信访人满意度/).click();
    await page.getByRole('option', { name: '不满意' }).click();
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已登记满意度，信访件办结').waitFor();
    await settled(page);

    await page.getByRole('button', { name: '重新办理' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^重新办理原因/).fill('群众反映仍未走访');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已重新办理').waitFor();
    await settled(page);
    const rounds = await page.getByTestId('complaint-rounds').innerText();
    expect(rounds).toContain('已督促帮扶干部入户走访');
    expect(rounds).toContain('不满意');
    await expectChinese(page, 'complaint-reopened');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

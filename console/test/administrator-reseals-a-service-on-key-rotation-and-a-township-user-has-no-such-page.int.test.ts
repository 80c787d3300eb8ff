import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 系统管理 › 密钥轮换: the administrator sees each service that keeps sealed personal data with
 * the ids of the keys it holds (k1, nothing previous), starts the registry's reseal through the
 * confirm dialog, and follows it to completed with no value left on an old key; a township user
 * has no such menu entry, and the page reached by its address says 无权访问.
 */
const t = consoleStackForThisFile(async (stack) => {
  // One household, so the registry's run reads something.
  await api(
    stack.platform.gatewayUrl,
    stack.office.accessToken,
    'POST',
    '/api/registry/households',
    household('431121101-0301', VILLAGE_A1, {
      name: '周秋菊',
      idNumber: idNumber('1970-03-02', 12),
    }),
  );
});

const SERVICES = ['建档立卡', '帮扶管理', '项目资金', '数据比对', '考核评估'];
const row = (page: Page, service: string) => page.getByTestId(`key-rotation-${service}`);

test('the administrator sees every sealed service on k1 and reseals the registry to nothing left', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  const admin = t.stack.platform.admin;
  try {
    await signIn(page, admin.username, admin.password);
    await page.getByRole('menuitem', { name: '密钥轮换', exact: true }).click();
    await page.getByTestId('key-rotation-services').waitFor();
    await settled(page);
    const rows = page.locator('[data-testid=key-rotation-services] tbody tr');
    expect(await rows.count()).toBe(SERVICES.length);
    for (const [i, name] of SERVICES.entries()) {
      const text = await rows.nth(i).innerText();
      expect(text).toContain(name);
      // Both keys by id, never a key: k1 current, none previous.
      expect(text.match(/当前：k1/g)).toHaveLength(2);
      expect(text.match(/历史：无/g)).toHaveLength(2);
    }
    await expect(page.getByTestId('key-rotation-steps').innerText()).resolves.toContain(
      '开始重新加密',
    );
    expect(await row(page, 'registry').innerText()).toContain('尚未重新加密');

    await row(page, 'registry').getByRole('button', { name: '开始重新加密' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('开始重新加密：建档立卡').waitFor();
    await expect(dialog.innerText()).resolves.toContain('仍用旧密钥加密的个人信息');
    await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
    await screenshot(page, 'key-rotation-confirm');
    await dialog.getByRole('button', { name: '开始', exact: true }).click();
    await page.getByText('已开始重新加密').waitFor();

    const registry = row(page, 'registry');
    await registry.getByText('状态：已完成').waitFor({ timeout: 30_000 });
    await settled(page);
    await expect(registry.getByTestId('key-rotation-old-total').innerText()).resolves.toBe('0 个');
    await expect(registry.getByTestId('job-progress-percent').innerText()).resolves.toBe('100%');
    await expect(registry.getByTestId('job-progress-rows').innerText()).resolves.toBe(
      '已处理 1 / 1 条记录',
    );
    // The other services are left as they were.
    expect(await row(page, 'funds').innerText()).toContain('尚未重新加密');
    expect(await untranslated(page, [admin.username])).toEqual([]);
    await screenshot(page, 'key-rotation-resealed');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 180_000);

test('a township user has no 密钥轮换 in the menu, and its address says 无权访问', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'xiangzhen01',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await settled(page);
    const menu = page.locator('.RaSidebar-fixed, .RaMenu-root').first();
    await expect(menu.getByRole('menuitem', { name: '贫困户', exact: true }).count()).resolves.toBe(
      1,
    );
    await expect(menu.getByRole('menuitem', { name: '密钥轮换' }).count()).resolves.toBe(0);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.includes('/keys/reseal')) asked.push(r.url());
    });
    await page.goto('/#/key-rotation');
    await settled(page);
    await expect(page.locator('#react-admin-title').innerText()).resolves.toContain('无权访问');
    await expect(page.getByTestId('key-rotation-services').count()).resolves.toBe(0);
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

import { consolePage, screenshot, settled, signIn, signOut, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { TOWNSHIP_A, VILLAGE_A1, consoleStackForThisFile } from './support/stack';

/**
 * Personal data is masked until a user with the unmask right gives a reason (which the
 * audit log keeps); households, villages and users are changed through their forms, each
 * sending only what changed.
 */
let householdId: string;
const ID_NUMBER = idNumber('1971-08-09', 81);

const t = consoleStackForThisFile(async (stack) => {
  householdId = (
    await api<{ id: string }>(
      stack.platform.gatewayUrl,
      stack.office.accessToken,
      'POST',
      '/api/registry/households',
      household(
        '431121101-0301',
        VILLAGE_A1,
        { name: '黄桂兰', idNumber: ID_NUMBER },
        { status: 'in_poverty' },
      ),
    )
  ).id;
});

test('the poverty office sees an ID number in clear only after giving a reason, and the reason is in the audit log', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/households/${householdId}/show/members`);
    await settled(page);
    expect(await page.locator('body').innerText()).not.toContain(ID_NUMBER);

    await page.getByRole('button', { name: '显示完整信息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '显示' }).click();
    await dialog.getByText('请填写原因（2–200 个字）').waitFor();
    await dialog.getByLabel('查看原因').fill('核对医保参保信息');
    await dialog.getByRole('button', { name: '显示' }).click();
    await page.getByText('当前显示完整个人信息').waitFor();
    await page.getByText(ID_NUMBER).waitFor();
    await screenshot(page, 'household-unmasked');

    await page.getByRole('button', { name: '恢复脱敏' }).click();
    await page.getByText(ID_NUMBER).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  } finally {
    await close();
  }

  const entries = await api<{ action: string; reason: string | null; subjectIds: string[] }[]>(
    t.stack.platform.gatewayUrl,
    t.stack.platform.admin.accessToken,
    'GET',
    `/audit?filter=${encodeURIComponent(JSON.stringify({ action: 'unmask' }))}`,
  ).catch(() => []);
  // The registry reports the entry through Kafka; the gateway stores it a moment later.
  let found = entries.find((e) => e.subjectIds.includes(householdId));
  for (let i = 0; !found && i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    found = (
      await api<{ action: string; reason: string | null; subjectIds: string[] }[]>(
        t.stack.platform.gatewayUrl,
        t.stack.platform.admin.accessToken,
        'GET',
        `/audit?filter=${encodeURIComponent(JSON.stringify({ action: 'unmask' }))}`,
      )
    ).find((e) => e.subjectIds.includes(householdId));
  }
  expect(found).toMatchObject({ action: 'unmask', reason: '核对医保参保信息' });
}, 180_000);

test('a township user without the unmask right is not offered it', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang',
  });
  const { page, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto(`/#/households/${householdId}/show`);
    await settled(page);
    await expect(page.getByRole('button', { name: '显示完整信息' }).count()).resolves.toBe(0);
  } finally {
    await close();
  }
}, 120_000);

test("a household's facts are changed in its form; only the changes are sent, masked values never", async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/households/${householdId}`);
    await settled(page);
    await page.getByLabel('住址').fill('桃花源村五组');
    await page.getByRole('tab', { name: '收入与保障' }).click();
    await page.getByLabel('转移性收入（元）').fill('3,456.78');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await settled(page);
    const stored = await api<{
      address: string;
      income: { transferFen: number; wagesFen: number };
      phone: string;
    }>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/registry/households/${householdId}?unmask=true&reason=${encodeURIComponent('核对修改结果')}`,
    );
    expect(stored.address).toBe('桃花源村五组');
    expect(stored.income).toMatchObject({ transferFen: 345_678, wagesFen: 600_000 });
    // The masked phone the form showed was not written back.
    expect(stored.phone).toBe('13812345678');
    await page.getByRole('tab', { name: '收入与保障' }).click();
    await page.getByText('3,456.78').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

test("a village's facts are recorded in its form", async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/villages/${VILLAGE_A1}`);
    await settled(page);
    await page.getByLabel('农村人口').fill('920');
    await page.getByLabel('第一书记').fill('陈立');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/show$/);
    await settled(page);
    const v = await api<{ ruralPopulation: number; firstSecretary: { name: string } }>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/registry/villages/${VILLAGE_A1}`,
    );
    expect(v).toMatchObject({ ruralPopulation: 920, firstSecretary: { name: '陈立' } });
    expect(await untranslated(page, [t.stack.office.username])).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 120_000);

test('the county administrator creates a township user and sees its initial password once', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.platform.admin.username, t.stack.platform.admin.password);
    await page.goto('/#/users/create');
    await settled(page);
    await page.getByLabel('用户名').fill('lixiangzhang');
    await page.getByLabel('姓名').fill('李乡长');
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '乡镇工作人员' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('管辖范围').fill('漳江');
    await page.getByRole('option', { name: /漳江街道/ }).click();
    await page.getByRole('button', { name: '保存' }).click();
    const password = await page.getByTestId('initial-password').innerText();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'user-initial-password');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.waitForURL(/#\/users\/[^/]+\/show/);
    await settled(page);
    const [user] = await api<
      { username: string; roles: string[]; areaCode: string; mustChangePassword: boolean }[]
    >(
      t.stack.platform.gatewayUrl,
      t.stack.platform.admin.accessToken,
      'GET',
      `/users?filter=${encodeURIComponent(JSON.stringify({ q: 'lixiangzhang' }))}`,
    );
    expect(user).toMatchObject({
      username: 'lixiangzhang',
      roles: ['township_staff'],
      areaCode: TOWNSHIP_A,
      mustChangePassword: true,
    });
    expect(errors).toEqual([]);

    // At the first sign-in the login page asks the new user for a password of their own.
    await signOut(page);
    await page.locator('input[name=username]').fill('lixiangzhang');
    await page.locator('input[name=password]').fill(password);
    await page.locator('button[type=submit]').click();
    await page.getByRole('heading', { name: '请修改初始密码' }).waitFor();
    await page.locator('input[name=newPassword]').fill('Xiangzhen-2024!');
    await page.locator('input[name=repeatPassword]').fill('Xiangzhen-2024!');
    await page.getByRole('button', { name: '修改密码并登录' }).click();
    await page.getByRole('heading', { name: '您好，lixiangzhang' }).waitFor();
    await page.getByText('管辖范围：漳江街道').waitFor();
  } finally {
    await close();
  }
}, 120_000);

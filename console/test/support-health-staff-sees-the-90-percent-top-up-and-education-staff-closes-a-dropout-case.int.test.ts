import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, COUNTY, VILLAGE_A1 } from './support/stack';

/**
 * 教育健康 in the browser, on the real stack: health staff record an in-patient episode and see
 * the service's ratio and the top-up to 90% (previewed while typing), then pay it; education
 * staff check for dropouts, and take the case of the child found from an owner through a
 * follow-up to its closing. Each sees only its own half of the dashboard.
 */
type Person = { id: string; name: string; registered: boolean };

const people: Record<string, Person> = {};

/** Today's term as the service counts it (spring February–August, autumn September–January). */
function currentTerm(): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m >= 9 ? `${y}-autumn` : m === 1 ? `${y - 1}-autumn` : `${y}-spring`;
}

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  // A registered household: the father (in-patient) and a daughter of primary-school age
  // (10 this autumn) whom no school has enrolled.
  const childBirth = `${Number(currentTerm().slice(0, 4)) - 10}-03-15`;
  await api(gatewayUrl, token, 'POST', '/api/registry/households', {
    ...household('431121101-0301', VILLAGE_A1, {
      name: '何建华',
      idNumber: idNumber('1978-06-12', 301),
    }),
    members: [
      { name: '何建华', idNumber: idNumber('1978-06-12', 301), relation: 'head' },
      { name: '何小雨', idNumber: idNumber(childBirth, 302), relation: 'daughter' },
    ],
  });
  // The support service learns of them from the registry's events.
  for (let i = 0; i < 240; i++) {
    const found = await api<Person[]>(
      gatewayUrl,
      token,
      'GET',
      `/api/support/persons?filter=${encodeURIComponent(JSON.stringify({ q: '何' }))}`,
    );
    for (const p of found) people[p.name] = p;
    if (people['何建华']?.registered && people['何小雨']?.registered) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the support service did not see the household');
});

/** The support entries of the menu, in order (once the menu shows its support group). */
async function supportMenu(page: Page): Promise<string[]> {
  const menu = page.locator('.RaSidebar-fixed').first();
  await menu.getByRole('menuitem', { name: '部门名单导入' }).waitFor();
  return menu
    .getByRole('menuitem')
    .evaluateAll((items) =>
      items.map((a) => a.getAttribute('href') ?? '').filter((h) => h.startsWith('#/support-')),
    );
}

test('health staff record an in-patient episode, see the top-up to 90% and pay it', async () => {
  const health = await t.stack.platform.signedInUser({
    roles: ['department_staff'],
    department: 'health',
    areaCode: COUNTY,
    username: 'weijian01',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, health.username, health.password);
    await settled(page);
    // The health half only: coverage on the dashboard, no education card.
    await page.getByTestId('health-support-card').waitFor();
    await expect(page.getByTestId('education-support-card').count()).resolves.toBe(0);
    // The menu offers their half of support only.
    expect(await supportMenu(page)).toEqual([
      '#/support-insurance',
      '#/support-inpatient-episodes',
      '#/support-chronic-care',
      '#/support-serious-illness',
      '#/support-imports',
      '#/support-coverage',
    ]);
    await screenshot(page, 'support-dashboard-health');

    await page.goto('/#/support-inpatient-episodes/create');
    await settled(page);
    await page.locator('input[name=personId]').fill('何建');
    await page.getByRole('option', { name: /何建华/ }).click();
    await page.locator('input[name=hospital]').fill('桃源县人民医院');
    await page.locator('input[name=admittedOn]').fill('2026-03-02');
    await page.locator('input[name=dischargedOn]').fill('2026-03-12');
    await page.locator('input[name=diagnosis]').fill('肺炎');
    await page.getByRole('textbox', { name: /^住院总费用/ }).fill('12,345.67');
    await page.getByRole('textbox', { name: /^基本医保报销/ }).fill('7000');
    await page.getByRole('textbox', { name: /^大病保险报销/ }).fill('1200.50');
    await page.getByRole('textbox', { name: /^医疗救助/ }).fill('800');
    // 9,000.50 of 12,345.67 is 72.90%; 90% of it, rounded up to the fen, is 11,111.11.
    const preview = page.getByTestId('top-up-preview');
    await expect(preview.innerText()).resolves.toContain('72.90%');
    await expect(preview.innerText()).resolves.toContain('2,110.61');
    await screenshot(page, 'support-episode-create');
    await page.getByRole('button', { name: '保存' }).click();

    await page.waitForURL(/#\/support-inpatient-episodes\/[^/]+\/show/);
    await settled(page);
    const figures = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(figures).toContain('已报销合计（元） 9,000.50');
    expect(figures).toContain('报销比例 72.90%');
    expect(figures).toContain('保障目标 90.00%');
    expect(figures).toContain('应追补（元） 2,110.61');
    expect(figures).toContain('待追补');
    expect(await untranslated(page, [health.username])).toEqual([]);
    await screenshot(page, 'support-episode-show-owed');

    await page.getByRole('button', { name: '追补发放' }).click();
    await page.getByRole('dialog').getByText('尚欠追补 2,110.61 元').waitFor();
    await page.getByRole('dialog').locator('input[name=voucherNo]').fill('YB-2026-0031');
    await page.getByRole('dialog').getByRole('button', { name: '追补发放' }).click();
    await page.getByTestId('top-up-payments').waitFor();
    await settled(page);
    const paid = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(paid).toContain('已追补（元） 2,110.61');
    expect(paid).toContain('YB-2026-0031');
    await screenshot(page, 'support-episode-show-paid');

    // What the service stored is what the page showed.
    const stored = await api<
      { topUpFen: number; topUpPaidFen: number; topUpStatus: string; ratioBasisPoints: number }[]
    >(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/support/health/inpatient-episodes?filter=${encodeURIComponent(JSON.stringify({ personId: people['何建华']!.id }))}`,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        ratioBasisPoints: 7290,
        topUpFen: 211_061,
        topUpPaidFen: 211_061,
        topUpStatus: 'paid',
      }),
    ]);
    // The list shows it paid.
    await page.goto('/#/support-inpatient-episodes');
    await settled(page);
    await page.getByRole('cell', { name: '已追补' }).waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('education staff find the child out of school and take the case to its closing', async () => {
  const education = await t.stack.platform.signedInUser({
    roles: ['department_staff'],
    department: 'education',
    areaCode: COUNTY,
    username: 'jiaoyu01',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, education.username, education.password);
    await settled(page);
    await page.getByTestId('education-support-card').waitFor();
    await expect(page.getByTestId('health-support-card').count()).resolves.toBe(0);
    expect(await supportMenu(page)).toEqual([
      '#/support-students',
      '#/support-enrollments',
      '#/support-subsidy-payments',
      '#/support-subsidy-standards',
      '#/support-dropout-cases',
      '#/support-imports',
    ]);

    await page.goto('/#/support-dropout-cases');
    await settled(page);
    await page.getByRole('button', { name: '控辍保学排查' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始排查' }).click();
    const result = page.getByTestId('scan-result');
    await result.waitFor();
    expect((await result.innerText()).replace(/\s+/g, ' ')).toContain('新立案 1');
    await screenshot(page, 'support-dropout-scan');
    await page.keyboard.press('Escape');

    await page.getByRole('cell', { name: '何小雨' }).click();
    await page.waitForURL(/#\/support-dropout-cases\/[^/]+\/show/);
    await settled(page);
    const facts = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('小学 5 年级');
    expect(facts).toContain('跟踪中');

    // Closing first is refused: the case needs an owner and a follow-up.
    await page.getByRole('button', { name: '销号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=school]').fill('漳江镇中心小学');
    await dialog.locator('textarea[name=note]').fill('已返校就读');
    await dialog.getByRole('button', { name: '提交' }).click();
    const refused = dialog.getByTestId('step-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('销号前须指定包保责任人');
    expect(await refused.innerText()).toContain('销号前须至少有一条跟踪记录');
    await screenshot(page, 'support-dropout-close-refused');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '指定包保责任人' }).click();
    await page.getByRole('dialog').locator('input[name=name]').fill('李老师');
    await page.getByRole('dialog').locator('input[name=unit]').fill('漳江镇中心小学');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByText('已指定包保责任人').waitFor();
    await settled(page);

    await page.getByRole('button', { name: '添加跟踪记录' }).click();
    await page
      .getByRole('dialog')
      .locator('textarea[name=note]')
      .fill('入户走访，家长同意下周一送孩子返校');
    await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
    await page.getByTestId('dropout-follow-ups').getByText('家长同意下周一送孩子返校').waitFor();
    await settled(page);
    await screenshot(page, 'support-dropout-show-followed');

    await page.getByRole('button', { name: '销号' }).click();
    const closing = page.getByRole('dialog');
    await closing.locator('input[name=school]').fill('漳江镇中心小学');
    await closing.locator('textarea[name=note]').fill('已返校就读，班主任确认');
    await closing.getByRole('button', { name: '提交' }).click();
    await page.getByText('已销号').first().waitFor();
    await settled(page);
    const closed = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(closed).toContain('已劝返复学');
    expect(closed).toContain('漳江镇中心小学');
    expect(await untranslated(page, [education.username])).toEqual([]);
    await screenshot(page, 'support-dropout-show-closed');

    const stored = await api<
      { status: string; closeReason: string; returnedTo: string; owner: { name: string } }[]
    >(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/support/education/dropout-cases?filter=${encodeURIComponent(JSON.stringify({ personId: people['何小雨']!.id }))}`,
    );
    expect(stored).toEqual([
      expect.objectContaining({
        status: 'closed',
        closeReason: 'returned_to_school',
        returnedTo: '漳江镇中心小学',
        owner: expect.objectContaining({ name: '李老师' }),
      }),
    ]);
    // Health pages are not theirs: the page says so instead of failing.
    await page.goto('/#/support-inpatient-episodes');
    await settled(page);
    await page.getByText('健康扶贫数据仅限').waitFor();
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

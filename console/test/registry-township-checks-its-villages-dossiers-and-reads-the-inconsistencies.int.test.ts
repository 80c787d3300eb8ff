import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 一户一档核对 in the browser, on the real stack: a household of village A1 has a measure of
 * 3,000 元 naming a funds project that never paid it. Its township opens 一户一档核对 (its own
 * township already picked), starts the check, watches it to the end and reads the inconsistency
 * under its kind, in Chinese; the list narrowed to that kind; the workbook downloaded.
 */
const HOUSEHOLD_NO = '431121101-0521';
const PROJECT = '漳江产业项目-0521';
type User = { username: string; password: string; accessToken: string };
let township: User;

/** A day in Asia/Shanghai, `days` after today. */
const shanghaiDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

const t = consoleStackForThisFile(async (stack) => {
  const { gatewayUrl } = stack.platform;
  township = await stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiangzhen',
  });
  const h = await api<{ id: string }>(
    gatewayUrl,
    stack.office.accessToken,
    'POST',
    '/api/registry/households',
    household(HOUSEHOLD_NO, VILLAGE_A1, { name: '罗核对', idNumber: idNumber('1972-02-14', 521) }),
  );
  // Assistance learns of the household from the registry's events: asked until it knows it.
  let made = false;
  for (let i = 0; i < 240 && !made; i++) {
    made = await api(gatewayUrl, township.accessToken, 'POST', '/api/assistance/measures', {
      householdId: h.id,
      category: 'production',
      type: '产业扶持资金',
      amountFen: 300_000,
      startDate: shanghaiDay(-5),
      projectId: PROJECT,
    }).then(
      () => true,
      async () => {
        await new Promise((r) => setTimeout(r, 250));
        return false;
      },
    );
  }
  if (!made) throw new Error('assistance did not learn of the household');
});

const DATA = ['zhangjiangzhen', /^[0-9a-f-]{36}$/];

test('a township starts a check of its township, watches it end and reads the unpaid measure, exported', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto('/#/consistency-check');
    await settled(page);
    await page.getByTestId('consistency-start').click();
    const summary = page.getByTestId('consistency-summary');
    await summary.waitFor({ timeout: 90_000 });
    await expect(summary.innerText()).resolves.toMatch(/共核对 \d+ 户，发现 1 处不一致/);
    await expect(page.getByTestId('consistency-count-measure_unpaid').innerText()).resolves.toBe(
      '措施已记录但资金未支付：1',
    );
    const rows = page.getByTestId('consistency-items').locator('tbody tr');
    // The village by its name (桃花源村 in the console stack's areas), its code only as a tooltip.
    await rows.first().getByText('桃花源村').waitFor();
    const line = (await rows.innerText()).replace(/\s+/g, ' ');
    expect(line).toContain(HOUSEHOLD_NO);
    expect(line).not.toContain(VILLAGE_A1);
    expect(line).toContain('措施已记录但资金未支付（');
    expect(line).toContain('措施金额3000.00元，资金已付0.00元');
    expect(await untranslated(page, DATA)).toEqual([]);
    await expect(page.getByTestId('consistency-recent').innerText()).resolves.toContain(
      '漳江街道 ',
    );
    await screenshot(page, 'consistency-check');

    // Narrowed to the kind: the same row.
    await page.getByTestId('consistency-filter-kind').getByRole('combobox').click();
    await page.getByRole('option', { name: '措施已记录但资金未支付' }).click();
    await settled(page);
    await expect(rows.count()).resolves.toBe(1);

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('consistency-export').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^一户一档核对-431121101000-\d{4}.*\.xlsx$/);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

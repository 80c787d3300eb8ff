import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import { consoleStackForThisFile, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 到户资金确认 in the browser: on a visit page a township user opens the confirmation dialog,
 * which lists the household's paid 受益底册 rows, records that the household did not receive
 * one (with the visit's photo as its signature), and the 截留预警 page lists that payment with
 * its township's count — every page in Chinese.
 */
const HOUSEHOLD_NO = '431121101-0701';
const ids: Record<string, string> = {};

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
    household(HOUSEHOLD_NO, VILLAGE_A1, { name: '石秀英', idNumber: idNumber('1961-07-02', 701) }),
  );
  ids.household = h.id;
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
    name: '向东升',
    unit: '县财政局',
    rank: 'section_level',
    phone: '13907360007',
    areaCode: TOWNSHIP_A,
  });
  // A measure with money, done: a paid row of the household's 受益底册.
  const measure = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/measures', {
    householdId: h.id,
    category: 'production',
    type: '产业奖补',
    amountFen: 200_000,
    startDate: '2026-01-05',
    endDate: '2026-01-20',
  });
  await api(gatewayUrl, token, 'POST', `/api/assistance/measures/${measure.id}/status`, {
    to: 'in_progress',
  });
  await api(gatewayUrl, token, 'POST', `/api/assistance/measures/${measure.id}/status`, {
    to: 'done',
  });
  const visit = await api<{ id: string }>(gatewayUrl, token, 'POST', '/api/assistance/visits', {
    householdId: h.id,
    helperId: helper.id,
    date: '2026-03-01',
    findings: '核对到户资金',
  });
  ids.visit = visit.id;
  const res = await fetch(
    `${gatewayUrl}/api/assistance/visits/${visit.id}/photos?fileName=签字.png`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: PNG,
    },
  );
  if (res.status !== 201) throw new Error(`photo: ${res.status} ${await res.text()}`);
});

test('a household says a payment never arrived, and the withholding page lists it first', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto(`/#/visits/${ids.visit}/show`);
    await settled(page);
    await page.getByRole('button', { name: '到户资金确认' }).click();
    const row = page.getByTestId('receipt-row').filter({ hasText: '产业奖补' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('2,000.00');
    await row.getByLabel('确认结果').click();
    await page.getByRole('option', { name: '未收到' }).click();
    await row.getByLabel('农户所说金额').fill('0');
    await page.getByLabel('签字照片').click();
    await page.getByRole('option', { name: '签字.png' }).click();
    // The photo's file name is the uploader's data.
    expect(await untranslated(page, [township.username, 'png'])).toEqual([]);
    await screenshot(page, 'assistance-receipt-dialog');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已记录到户资金确认').waitFor();

    const receipts = await api<{ result: string; amountFen: number; signaturePhotoId: string }[]>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/assistance/receipts?filter=${encodeURIComponent(JSON.stringify({ visitId: ids.visit }))}`,
    );
    expect(receipts).toEqual([expect.objectContaining({ result: 'not_received', amountFen: 0 })]);

    await page.goto('/#/unconfirmed-payments');
    await settled(page);
    const rows = page.getByTestId('unconfirmed-rows');
    await rows.waitFor();
    const first = rows.locator('tbody tr').first();
    await expect(first.innerText()).resolves.toContain('农户称未收到');
    await expect(first.innerText()).resolves.toContain(HOUSEHOLD_NO);
    await expect(page.getByTestId('unconfirmed-townships').innerText()).resolves.toContain(
      '2,000.00',
    );
    expect(await untranslated(page, [township.username])).toEqual([]);
    await screenshot(page, 'assistance-unconfirmed-payments');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

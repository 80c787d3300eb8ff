import { findContract } from '@fupin/contracts';
import type { Page } from 'playwright-core';
import { EVENTS, SCHEME_2019, UNIT } from '../../services/assessment/test/fixtures/scenario';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api } from './support/data';
import { consoleStackForThisFile } from './support/stack';

/**
 * 考核评估 in the console: the first quarter of 2019 as the assessment service's own tests
 * arrange it (its events: three townships, their households, pairings, visits and open
 * findings), ranked by the poverty office from the rankings page; the last township gets its
 * yellow card (预黄牌), its score is explained down to the households behind it, and the
 * dashboard, scheme and bulletin pages show the same.
 */
const t = consoleStackForThisFile(async (stack) => {
  const { gatewayRt: rt, gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  // The events of the quarter, published as their producers publish them (dated in 2019).
  const producer = rt.kafka.producer();
  await producer.connect();
  try {
    for (const e of EVENTS.Q1) {
      const contract = findContract(e.type, e.version);
      if (!contract) throw new Error(`no contract for ${e.type}`);
      await producer.send({
        topic: rt.topic(contract.topic),
        acks: -1,
        messages: [{ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.id } }],
      });
    }
  } finally {
    await producer.disconnect();
  }
  // The scheme names its townships once their areas have arrived.
  for (let i = 0; ; i++) {
    const res = await fetch(`${gatewayUrl}/api/assessment/schemes/2019`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(SCHEME_2019),
    });
    if (res.ok) break;
    if (i > 240) throw new Error(`scheme: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // Every event is in once the preview scores the quarter as the service's tests expect.
  for (let i = 0; ; i++) {
    const p = await api<{ results: { unitId: string; scoreCenti: number }[] }>(
      gatewayUrl,
      token,
      'GET',
      '/api/assessment/quarters/2019/1/preview',
    );
    const scores = Object.fromEntries(p.results.map((r) => [r.unitId, r.scoreCenti]));
    if (scores[UNIT.A] === 10000 && scores[UNIT.B] === 5000 && scores[UNIT.C] === 0) break;
    if (i > 240) throw new Error(`preview: ${JSON.stringify(scores)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

const DATA = ['fupinban'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

test('the poverty office ranks 2019 Q1 and sees the yellow card, explained down to the households', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/rankings');
    await settled(page);
    await page.getByRole('button', { name: '季度排名' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=year]').fill('2019');
    await dialog.getByLabel('季度').click();
    await page.getByRole('option', { name: '第 1 季度' }).click();
    await dialog.getByRole('button', { name: '计算并发布' }).click();

    // The ranking table: 汾市乡 last with its yellow card, nobody else warned.
    await page.waitForURL(/#\/rankings\/2019-Q1-v1\/show/);
    await page.getByTestId('ranking-township').waitFor();
    await settled(page);
    const rows = page.getByTestId('ranking-township').getByTestId('ranking-row');
    await expect(rows.count()).resolves.toBe(3);
    const table = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(table[0]).toMatch(/^1 \S+ 100\.00/);
    expect(table[1]).toMatch(/^2 \S+ 50\.00/);
    expect(table[2]).toMatch(/^3 汾市乡 0\.00 预黄牌/);
    await expect(page.getByTestId('yellow-card').count()).resolves.toBe(1);
    expect(await page.locator('body').innerText()).toContain('2019年第1季度（第1版）');
    await expectChinese(page, 'assessment-ranking-show');

    // The list of versions names the warned township too.
    await page.goto('/#/rankings');
    await settled(page);
    expect(await page.locator('table tbody').innerText()).toContain('汾市乡');
    await expectChinese(page, 'assessment-rankings-list');

    // Drill-down: the score explained, then the households not visited behind the value.
    await page.goto('/#/rankings/2019-Q1-v1/show');
    await settled(page);
    await rows.nth(2).getByRole('link', { name: '0.00' }).click();
    await page.waitForURL(/#\/ranking-results\/.+\/show/);
    await page.getByTestId('result-explanation').waitFor();
    await settled(page);
    const explanation = await page.getByTestId('result-explanation').innerText();
    expect(explanation).toContain('在 3 个单位中排第 3 名');
    expect(explanation).toContain('排名倒数第一，给予预黄牌警告');
    const visits = page.getByTestId('indicator-visit_coverage');
    expect(await visits.innerText()).toContain('0.00%');
    await visits.getByRole('button', { name: /明细 6 条/ }).click();
    const records = page.getByTestId('indicator-records');
    await records.waitFor();
    await expect(records.locator('tbody tr').count()).resolves.toBe(6);
    expect(await records.innerText()).toContain('共 6 条');
    await expectChinese(page, 'assessment-result-records');

    // The dashboard's latest ranking, the scheme and the bulletins.
    await page.goto('/#/');
    await settled(page);
    const card = await page.getByTestId('latest-ranking').innerText();
    expect(card).toContain('2019年第1季度（第1版）');
    expect(card).toContain('汾市乡');
    expect(card).toContain('预黄牌');
    await expectChinese(page, 'assessment-dashboard');

    await page.goto('/#/assessment-schemes');
    await settled(page);
    await expectChinese(page, 'assessment-schemes-list');
    await page.goto('/#/assessment-schemes/2019/show');
    await settled(page);
    const scheme = await page.getByTestId('scheme-township').innerText();
    expect(scheme).toContain('汾市乡');
    expect(scheme).toContain('排名计分');
    await expectChinese(page, 'assessment-scheme-show');

    // 考核预览: the quarter scored as of today, each unit's indicator values in one table.
    await page.goto('/#/assessment-preview');
    await settled(page);
    await page.locator('input[name=year]').fill('2019');
    await page.locator('input[name=year]').press('Enter');
    await page.getByLabel('季度').click();
    await page.getByRole('option', { name: '第 1 季度' }).click();
    const preview = page.getByTestId('preview-township');
    await preview.waitFor();
    await settled(page);
    await expect(preview.getByTestId('preview-row').count()).resolves.toBe(3);
    const previewRows = (await preview.getByTestId('preview-row').allInnerTexts()).map((r) =>
      r.replace(/\s+/g, ' ').trim(),
    );
    expect(previewRows[2]).toMatch(/^3 汾市乡 0\.00 0\.00%/);
    expect(await preview.locator('thead').innerText()).toContain('入户走访覆盖率');
    // Computed on the household projection caught up with the registry, and it says so.
    expect(await page.getByTestId('assessment-preview').innerText()).toContain('指标数据已同步');
    await expectChinese(page, 'assessment-preview');

    await page.goto('/#/assessment-bulletins');
    await settled(page);
    await page.locator('input[name=month]').fill('2019-03');
    const [bulletin] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载月通报' }).click(),
    ]);
    expect(bulletin.suggestedFilename()).toMatch(/\.pdf$/);
    await expectChinese(page, 'assessment-bulletins');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

import { findContract } from '@fupin/contracts';
import type { Page } from 'playwright-core';
import { EVENTS, SCHEME_2019, UNIT } from '../../services/assessment/test/fixtures/scenario';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api } from './support/data';
import { consoleStackForThisFile } from './support/stack';

/**
 * 问责案件 in the console: the first two quarters of 2019 as the assessment service's tests
 * arrange them (汾市乡 last in both), ranked by the poverty office; the case opened for 汾市乡
 * is in the list, its page shows both rankings, and the office records the decision, a
 * follow-up and the closing through the page's dialogs — every page in Chinese.
 */
const t = consoleStackForThisFile(async (stack) => {
  const { gatewayRt: rt, gatewayUrl } = stack.platform;
  const token = stack.office.accessToken;
  const producer = rt.kafka.producer();
  await producer.connect();
  try {
    for (const e of [...EVENTS.Q1, ...EVENTS.Q2]) {
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
  // Every event is in once the second quarter scores as the service's tests expect.
  for (let i = 0; ; i++) {
    const p = await api<{ results: { unitId: string; scoreCenti: number }[] }>(
      gatewayUrl,
      token,
      'GET',
      '/api/assessment/quarters/2019/2/preview',
    );
    const scores = Object.fromEntries(p.results.map((r) => [r.unitId, r.scoreCenti]));
    if (scores[UNIT.A] === 10000 && scores[UNIT.B] === 10000 && scores[UNIT.C] === 2500) break;
    if (i > 240) throw new Error(`preview: ${JSON.stringify(scores)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const quarter of [1, 2])
    await api(gatewayUrl, token, 'POST', '/api/assessment/rankings', { year: 2019, quarter });
});

const DATA = ['fupinban'];

async function expectChinese(page: Page, name: string) {
  await settled(page);
  expect({ name, problems: await untranslated(page, DATA) }).toEqual({ name, problems: [] });
  await screenshot(page, name);
}

test('the poverty office decides, follows up and closes the case two yellow cards opened', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto('/#/accountability-cases');
    await settled(page);
    const row = page.getByRole('row', { name: /汾市乡/ });
    await expect(row.innerText()).resolves.toContain('待处理');
    expect(await row.innerText()).toContain('2019年第2季度');
    await expectChinese(page, 'accountability-cases-list');

    await row.click();
    await page.waitForURL(/#\/accountability-cases\/2019-Q2\.township\.\d+\/show$/);
    await page.getByTestId('case-facts').waitFor();
    await settled(page);
    const facts = await page.getByTestId('case-facts').innerText();
    expect(facts).toContain('2019年第1季度（第1版）');
    expect(facts).toContain('2019年第2季度（第1版）');
    expect(facts).toContain('排名倒数第一，给予预黄牌警告');
    expect(await page.getByTestId('case-reason').innerText()).toContain('问责');
    await expectChinese(page, 'accountability-case-open');

    await page.getByRole('button', { name: '作出问责决定' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('约谈', { exact: true }).check();
    await dialog.getByLabel(/^决定机关（领导）/).fill('县扶贫开发领导小组');
    await dialog.getByLabel(/^决定内容/).fill('约谈汾市乡党委书记和分管副乡长，限期整改');
    await dialog.getByLabel(/^文号/).fill('县扶组〔2019〕12号');
    await dialog.getByRole('button', { name: '作出问责决定' }).click();
    await page.getByText('已记录问责决定').waitFor();
    await settled(page);
    const decision = await page.getByTestId('case-decision').innerText();
    expect(decision).toContain('约谈');
    expect(decision).toContain('县扶组〔2019〕12号');
    await expect(page.getByRole('button', { name: '办结' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: '记录跟进情况' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^跟进内容/).fill('已约谈，汾市乡提交整改方案');
    await dialog.getByRole('button', { name: '记录跟进情况' }).click();
    await page.getByText('已记录跟进情况').waitFor();
    await settled(page);
    expect(await page.getByTestId('case-follow-ups').innerText()).toContain('提交整改方案');

    await page.getByRole('button', { name: '办结' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^办结意见/).fill('整改到位，予以办结');
    await dialog.getByRole('button', { name: '办结' }).click();
    await page.getByText('案件已办结').waitFor();
    await settled(page);
    await page.getByText('已跟进完毕').first().waitFor();
    expect(await page.getByTestId('case-history').innerText()).toContain('作出问责决定');
    await expect(page.getByRole('button', { name: '记录跟进情况' }).count()).resolves.toBe(0);
    await expectChinese(page, 'accountability-case-closed');

    // The unit's score page lists its case.
    await page.getByRole('link', { name: '明细' }).last().click();
    await page.waitForURL(/#\/ranking-results\/.+\/show/);
    await page.getByTestId('unit-cases').waitFor();
    expect(await page.getByTestId('unit-cases').innerText()).toContain('已跟进完毕');
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

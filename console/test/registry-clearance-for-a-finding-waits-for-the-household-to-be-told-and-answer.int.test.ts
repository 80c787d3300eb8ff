import type { Page } from 'playwright-core';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, household, idNumber } from './support/data';
import {
  TOWNSHIP_A,
  VILLAGE_A1,
  consoleStackForThisFile,
  type ConsoleStack,
} from './support/stack';

/**
 * 告知与答复 in the console: a 清退 opened for a matching finding (another department's data)
 * shows that the household has not been told yet; the township tells it through the dialog
 * (the text generated from the finding), records its answer (an objection), and the workflow
 * panel shows both — the day, the channel, the text, the window, the answer.
 */
let township: Awaited<ReturnType<ConsoleStack['platform']['signedInUser']>>;
let page: Page;
let errors: string[];
let closePage: () => Promise<void>;

const t = consoleStackForThisFile(async (stack) => {
  township = await stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'gaozhi',
  });
});
beforeAll(async () => {
  ({ page, errors, close: closePage } = await consolePage(t.browser, t.stack.consoleUrl));
  await signIn(page, township.username, township.password);
});
afterAll(async () => {
  await closePage?.();
});

/** A day in Asia/Shanghai (the registry's days), `days` after today. */
const shanghaiDay = (days = 0) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

interface Workflows {
  active: {
    kind: string;
    findingId: string | null;
    householdNotice: {
      givenOn: string;
      channel: string;
      text: string;
      respondBy: string;
      response: { receivedOn: string; text: string; objects: boolean } | null;
    } | null;
  } | null;
}

test('a township user tells the household of the finding and records its objection; the panel shows both', async () => {
  const { gatewayUrl } = t.stack.platform;
  const h = await api<{ id: string }>(
    gatewayUrl,
    t.stack.office.accessToken,
    'POST',
    '/api/registry/households',
    household(
      '431121101-0301',
      VILLAGE_A1,
      { name: '李长顺', idNumber: idNumber('1966-04-05', 61) },
      { status: 'in_poverty' },
    ),
  );
  // A 清退 opened for a finding: started as the matching flow-back would, naming the finding.
  await api(
    gatewayUrl,
    township.accessToken,
    'POST',
    `/api/registry/households/${h.id}/workflows/clearance/steps`,
    { action: 'start', reason: '比对发现家庭成员名下登记有小型汽车一辆', findingId: 'f-demo' },
  );

  await page.goto(`/#/households/${h.id}/show/workflows`);
  const section = page.getByTestId('household-notice');
  await section.getByText('尚未告知农户').waitFor();
  await settled(page);

  // 告知农户: the day is today, the channel chosen, the text left to the registry.
  await section.getByRole('button', { name: '告知农户', exact: true }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('告知日期').inputValue()).resolves.toBe(shanghaiDay());
  await dialog.getByRole('combobox', { name: '告知方式' }).click();
  await page.getByRole('option', { name: '书面告知书', exact: true }).click();
  await dialog.getByRole('button', { name: '提交' }).click();
  await page.getByText('已告知农户', { exact: true }).first().waitFor();
  await dialog.waitFor({ state: 'detached' });

  const given = section.getByTestId('household-notice-given');
  await given.waitFor();
  await expect(given.innerText()).resolves.toContain(`${shanghaiDay()} 已告知农户（书面告知书）`);
  await expect(given.innerText()).resolves.toContain(`答复期至 ${shanghaiDay(15)}`);
  // The text the registry generated from the finding, and the answer still awaited.
  await expect(section.innerText()).resolves.toContain('问题编号f-demo');
  await expect(section.innerText()).resolves.toContain('如有异议');
  await section.getByText(`等待答复（至 ${shanghaiDay(15)}）`).waitFor();

  // 登记答复: the household objects.
  await section.getByRole('button', { name: '登记答复', exact: true }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('提出异议').check();
  await dialog.getByLabel('答复内容').fill('该车辆已于去年转让给他人，非家庭所有，附转让合同');
  await dialog.getByRole('button', { name: '提交' }).click();
  await page.getByText('已登记农户答复').first().waitFor();
  await dialog.waitFor({ state: 'detached' });

  const answer = section.getByTestId('household-answer');
  await answer.waitFor();
  await expect(answer.innerText()).resolves.toContain(`${shanghaiDay()} 收到答复`);
  await expect(answer.innerText()).resolves.toContain('提出异议');
  await expect(answer.innerText()).resolves.toContain('该车辆已于去年转让给他人');
  await expect(section.getByTestId('household-answer-awaited').count()).resolves.toBe(0);
  await expect(section.getByRole('button', { name: '登记答复' }).count()).resolves.toBe(0);
  await settled(page);
  expect(await untranslated(page, [township.username, 'f-demo'])).toEqual([]);
  await screenshot(page, 'registry-clearance-household-notice');

  // Stored as the console showed it.
  const wf = await api<Workflows>(
    gatewayUrl,
    township.accessToken,
    'GET',
    `/api/registry/households/${h.id}/workflows`,
  );
  expect(wf.active).toMatchObject({
    kind: 'clearance',
    findingId: 'f-demo',
    householdNotice: {
      givenOn: shanghaiDay(),
      channel: 'letter',
      respondBy: shanghaiDay(15),
      response: {
        receivedOn: shanghaiDay(),
        objects: true,
        text: '该车辆已于去年转让给他人，非家庭所有，附转让合同',
      },
    },
  });

  // Both are in the household's history, named in Chinese.
  await page.getByRole('tab', { name: '变更历史' }).click();
  const history = page.getByTestId('household-history');
  await history.getByText('清退 · 告知农户').waitFor();
  await history.getByText('清退 · 农户答复').waitFor();
  await history.getByText('比对问题 f-demo').first().waitFor();
  // The office user who registered the household is named in its history.
  expect(await untranslated(page, [township.username, 'fupinban', 'f-demo'])).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);

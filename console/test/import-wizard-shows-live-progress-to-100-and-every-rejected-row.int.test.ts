import fs from 'node:fs';
import { consolePage, screenshot, settled, signIn, untranslated } from './support/browser';
import { api, householdCsv } from './support/data';
import { TOWNSHIP_A, VILLAGE_A1, consoleStackForThisFile } from './support/stack';

/**
 * The import wizard: the template downloads, the file uploads, the job's page shows its
 * progress bar fed by the job until 100%, then the counts and every rejected row with its
 * row number, column and reason; the page can be left and opened again from the job list.
 */
const t = consoleStackForThisFile();

test('a township user imports a household file and watches it reach 100% with the bad row reported', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
    username: 'zhangjiang',
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto('/#/imports/create');
    await settled(page);

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/\.xlsx$/);
    const templatePath = await template.path();
    expect(fs.statSync(templatePath).size).toBeGreaterThan(1000);

    await page.locator('input[name=importFile]').setInputFiles({
      name: '桃花源村贫困户.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(householdCsv('IMP', VILLAGE_A1, 500), 'utf8'),
    });
    await screenshot(page, 'import-wizard-upload');
    await page.getByRole('button', { name: '开始导入' }).click();

    // The job's own page: progress until done, then the report.
    await page.waitForURL(/#\/imports\/[^/]+\/show/);
    await page
      .getByTestId('job-progress-percent')
      .filter({ hasText: '100%' })
      .waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('job-progress-rows').innerText()).resolves.toBe(
      '已处理 4 / 4 行',
    );
    await page.getByText('已完成').first().waitFor();
    await settled(page);
    const counts = await page.getByTestId('import-counts').innerText();
    expect(counts.replace(/\s+/g, ' ')).toContain('新增户 2');
    expect(counts.replace(/\s+/g, ' ')).toContain('拒绝行 1');
    const rejected = page.getByTestId('import-rejections').locator('tbody tr');
    await expect(rejected.count()).resolves.toBe(1);
    const row = await rejected.first().innerText();
    expect(row).toContain('5');
    expect(row).toContain('与户主关系');
    expect(row).toContain('邻居');
    expect(await untranslated(page, [township.username, /^IMP-\d$/])).toEqual([]);
    await screenshot(page, 'import-report');

    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载错误报告' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);

    // Left and opened again from the job list, the report is still there.
    const jobId = /#\/imports\/([^/]+)\/show/.exec(page.url())![1]!;
    await page.goto('/#/imports');
    await settled(page);
    await page.getByText('桃花源村贫困户.csv').click();
    await page.waitForURL(new RegExp(`#/imports/${jobId}/show`));
    await page.getByTestId('import-rejections').waitFor();

    // What the registry stored is what the report said.
    const stored = await api<{ householdNo: string }[]>(
      t.stack.platform.gatewayUrl,
      t.stack.office.accessToken,
      'GET',
      `/api/registry/households?filter=${encodeURIComponent(JSON.stringify({ q: 'IMP-' }))}&sort=${encodeURIComponent('["householdNo","ASC"]')}`,
    );
    expect(stored.map((h) => h.householdNo)).toEqual(['IMP-1', 'IMP-2']);
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

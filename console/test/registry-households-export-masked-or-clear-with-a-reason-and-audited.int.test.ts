import { VILLAGE_B1 } from '@fupin/testing';
import { consolePage, screenshot, settled, signIn } from './support/browser';
import { api, household, idNumber, sheetRows } from './support/data';
import { consoleStackForThisFile, COUNTY, TOWNSHIP_A, VILLAGE_A1 } from './support/stack';

/**
 * 导出贫困户 in the browser: the export follows the list's filter, always asks a reason (the
 * registry audits every export), gives masked ID numbers, phones and bank accounts unless a user
 * with the unmask right ticks the box for them in clear; a township user without that right is
 * not offered the box. Each export is found in the audit log with its reason.
 */
const A1 = '431121101-0501';
const A2 = '431121101-0502';
const B1 = '431121201-0501';
const HEADS: Record<string, { name: string; idNumber: string }> = {
  [A1]: { name: '彭桂兰', idNumber: idNumber('1959-03-14', 501) },
  [A2]: { name: '向德明', idNumber: idNumber('1966-10-02', 502) },
  [B1]: { name: '覃玉梅', idNumber: idNumber('1972-06-21', 503) },
};

const t = consoleStackForThisFile(async (stack) => {
  for (const [no, village] of [
    [A1, VILLAGE_A1],
    [A2, VILLAGE_A1],
    [B1, VILLAGE_B1],
  ] as const) {
    await api(
      stack.platform.gatewayUrl,
      stack.office.accessToken,
      'POST',
      '/api/registry/households',
      household(no, village, HEADS[no]!),
    );
  }
});

const filterQuery = (filter: object) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&order=ASC&page=1&perPage=25&sort=householdNo`;

/** Opens the export dialog of the household list, fills the reason, downloads the workbook. */
async function exportHouseholds(
  page: import('playwright-core').Page,
  opts: { reason: string; clear?: boolean },
) {
  await page.getByRole('button', { name: '导出' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: '导出贫困户' }).waitFor();
  if (opts.clear) {
    await dialog.getByText('导出完整个人信息（需有查看权限并填写原因）').click();
    await expect(dialog.getByRole('checkbox').isChecked()).resolves.toBe(true);
  }
  await dialog.locator('textarea[name=reason]').fill(opts.reason);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: '导出' }).click(),
  ]);
  const rows = await sheetRows(await download.path());
  // Once the file is saved the dialog closes and says so.
  await page
    .getByText(/^已导出：/)
    .first()
    .waitFor();
  await dialog.waitFor({ state: 'detached' });
  return rows;
}

type AuditEntry = {
  action: string;
  service: string;
  actorId: string;
  reason: string | null;
  fields: string[];
  subjectIds: string[];
};

/** The registry's export records of one user, once `n` of them reached the gateway's audit log. */
async function auditedExports(actorId: string, n: number): Promise<AuditEntry[]> {
  const auditor = await t.stack.platform.signedInUser({ roles: ['auditor'], areaCode: COUNTY });
  const filter = encodeURIComponent(
    JSON.stringify({ action: 'export', service: 'registry', actorId }),
  );
  for (let i = 0; ; i++) {
    const found = await api<AuditEntry[]>(
      t.stack.platform.gatewayUrl,
      auditor.accessToken,
      'GET',
      `/audit?filter=${filter}&range=[0,99]`,
    );
    if (found.length >= n || i > 120) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('the office exports a township masked, then in clear with a reason; both are audited', async () => {
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, t.stack.office.username, t.stack.office.password);
    await page.goto(`/#/households?${filterQuery({ area: TOWNSHIP_A })}`);
    await settled(page);
    await page.locator('.RaList-main').getByText(A2).waitFor();

    // A reason is asked even for a masked export: without one nothing is downloaded.
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '导出' }).click();
    await dialog.getByText('请填写原因').first().waitFor();
    await screenshot(page, 'registry-households-export-needs-reason');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    const masked = await exportHouseholds(page, { reason: '乡镇季度核查，按户核对' });
    // Only the township's households, one row per member, ID numbers and accounts masked.
    expect(masked.map((r) => [r['户编号'], r['成员姓名']])).toEqual([
      [A1, HEADS[A1]!.name],
      [A2, HEADS[A2]!.name],
    ]);
    for (const r of masked) {
      expect(r['身份证号']).toMatch(/\*{4,}/);
      expect(r['银行账号']).toMatch(/\*{4,}/);
    }
    expect(JSON.stringify(masked)).not.toContain(HEADS[A1]!.idNumber);

    const clear = await exportHouseholds(page, {
      reason: '省级扶贫成效考核抽查需核对身份证号',
      clear: true,
    });
    expect(clear.map((r) => [r['户编号'], r['身份证号']])).toEqual([
      [A1, HEADS[A1]!.idNumber],
      [A2, HEADS[A2]!.idNumber],
    ]);
    expect(clear.map((r) => r['银行账号'])).toEqual(['6222020200112233445', '6222020200112233445']);
    await screenshot(page, 'registry-households-exported');

    const audited = await auditedExports(t.stack.office.userId, 2);
    expect(
      audited
        .map((a) => ({ reason: a.reason, clear: a.fields.length > 0, n: a.subjectIds.length }))
        .sort((a, b) => String(a.reason).localeCompare(String(b.reason))),
    ).toEqual(
      [
        { reason: '乡镇季度核查，按户核对', clear: false, n: 2 },
        { reason: '省级扶贫成效考核抽查需核对身份证号', clear: true, n: 2 },
      ].sort((a, b) => a.reason.localeCompare(b.reason)),
    );
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

test('a township user without the unmask right is not offered clear data and sees its township only', async () => {
  const township = await t.stack.platform.signedInUser({
    roles: ['township_staff'],
    areaCode: TOWNSHIP_A,
  });
  const { page, errors, close } = await consolePage(t.browser, t.stack.consoleUrl);
  try {
    await signIn(page, township.username, township.password);
    await page.goto(`/#/households?${filterQuery({})}`);
    await settled(page);
    await page.locator('.RaList-main').getByText(A2).waitFor();
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name=reason]').waitFor();
    await expect(dialog.getByRole('checkbox').count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });

    const rows = await exportHouseholds(page, { reason: '村级台账更新核对' });
    expect(rows.map((r) => r['户编号'])).toEqual([A1, A2]);
    expect(JSON.stringify(rows)).not.toMatch(
      new RegExp(
        Object.values(HEADS)
          .map((h) => h.idNumber)
          .join('|'),
      ),
    );
    expect(errors).toEqual([]);
  } finally {
    await close();
  }
}, 240_000);

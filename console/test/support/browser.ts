import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CONSOLE_DIR } from './console-build';

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const ARTIFACTS = path.join(CONSOLE_DIR, 'test-artifacts');

/** Requests under way per page, so a test can wait until the page has everything it asked for. */
const inFlight = new WeakMap<Page, { inFlight: number; lastChange: number }>();

/** A page of the console with every uncaught error of the app collected. */
export async function consolePage(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const traffic = { inFlight: 0, lastChange: Date.now() };
  inFlight.set(page, traffic);
  const change = (d: number) => {
    traffic.inFlight += d;
    traffic.lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfinished', () => change(-1));
  page.on('requestfailed', () => change(-1));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // React reports errors its boundaries caught (react-admin's error page) on the console.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(m.text().slice(0, 500));
  });
  return { page, errors, close: () => context.close() };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/#/login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByRole('heading', { name: /您好/ }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /个人|Profile/ }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.locator('input[name=username]').waitFor();
}

/** Saves a full-page screenshot under console/test-artifacts/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until the page has rendered its data: no request under way for a moment (lazy page
 * chunks and API calls alike; hash navigation starts no page load, so the browser's own
 * load states say nothing), a title in the app bar, and no spinner or skeleton showing.
 */
export async function settled(page: Page): Promise<void> {
  const traffic = inFlight.get(page);
  // Generous: the machines running the tests share two cores with the servers.
  const deadline = Date.now() + 45_000;
  await page.waitForTimeout(100);
  for (;;) {
    const quiet = !traffic || (traffic.inFlight <= 0 && Date.now() - traffic.lastChange > 500);
    const shown = quiet
      ? await page.evaluate(() => {
          const title = document.getElementById('react-admin-title')?.textContent?.trim() ?? '';
          const busy = document.querySelector(
            '.RaLoadingIndicator-loader, .RaLoading-root, .MuiCircularProgress-root, .MuiSkeleton-root',
          );
          return title !== '' && !busy;
        })
      : false;
    if (shown) return;
    if (Date.now() > deadline) throw new Error('the page did not settle');
    await page.waitForTimeout(100);
  }
}

/**
 * Opens each page (`[name, path]`), waits for it to settle, collects what is not Chinese on it
 * (`untranslated`) and saves a screenshot `page-<name>`. A page that does not settle is loaded
 * once more before it counts as a problem: on a loaded machine a lookup input's first fetch can
 * stall behind the other test files' traffic; a second load that also stalls is a real failure.
 */
export async function walkPages(
  page: Page,
  pages: [string, string][],
  allowed: (string | RegExp)[] = [],
): Promise<Record<string, string[]>> {
  const problems: Record<string, string[]> = {};
  const ready = () =>
    settled(page).then(
      () => true,
      () => false,
    );
  for (const [name, path] of pages) {
    await page.goto(path);
    let ok = await ready();
    if (!ok) {
      await page.reload();
      ok = await ready();
    }
    const found = ok ? await untranslated(page, allowed) : ['the page did not finish loading'];
    if (found.length) problems[name] = found;
    await screenshot(page, `page-${name}`);
  }
  return problems;
}

/** The namespaces of the console's messages: any of these in the page is a raw key. */
const RAW_KEY =
  /\b(?:ra|resources|app|menu|dashboard|enums|workflow|history)\.[A-Za-z_-]+(?:\.[A-Za-z_-]+)*/g;

/**
 * What in a page is not Chinese: raw translation keys, keys the translator was asked for
 * and had not, and Latin words (react-admin falls back to a field's English name when its
 * label is missing) other than the data and terms the caller allows.
 */
export async function untranslated(
  page: Page,
  allowed: (string | RegExp)[] = [],
): Promise<string[]> {
  const { text, missing } = await page.evaluate(() => {
    const w = window as unknown as { __fupinMissingKeys?: Set<string> };
    return { text: document.body.innerText, missing: [...(w.__fupinMissingKeys ?? [])] };
  });
  const problems = [...missing.map((k) => `missing key: ${k}`)];
  if (await page.locator('.RaError-root, .RaNotFound-root, .RaAccessDenied-root').count()) {
    problems.push('the page shows an error instead of its content');
  }
  for (const m of text.matchAll(RAW_KEY)) problems.push(`raw key: ${m[0]}`);
  // File formats, and file names' extensions (data: 贫困户.csv).
  const allow = [/^(Excel|CSV|XLSX|GBK|UTF|csv|xlsx)$/, ...allowed];
  // Whole tokens (`u8-auditor`, `4311210001`), so data with letters is judged as one value.
  for (const m of text.matchAll(/[A-Za-z0-9][A-Za-z0-9._@-]*/g)) {
    const word = m[0];
    if (!/[A-Za-z]{2,}/.test(word)) continue;
    if (allow.some((a) => (typeof a === 'string' ? a === word : a.test(word)))) continue;
    problems.push(
      `latin text: ${word} (…${text.slice(Math.max(0, m.index - 20), m.index + word.length + 20).replace(/\s+/g, ' ')}…)`,
    );
  }
  return [...new Set(problems)];
}

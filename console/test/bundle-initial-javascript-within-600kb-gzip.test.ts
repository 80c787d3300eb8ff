import fs from 'node:fs';
import { buildConsole, initialJavaScript } from './support/console-build';

/**
 * Lighthouse-style budget: what a browser must download before the first page shows — the
 * entry chunk and its static imports — stays within 600 KB gzipped; every resource page,
 * the dashboard's charts and the English messages load lazily.
 */
let outDir: string;
beforeAll(() => {
  outDir = buildConsole();
}, 180_000);
afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

test('the initial JavaScript is at most 600 KB gzipped', () => {
  const { gzipBytes, files } = initialJavaScript(outDir);
  expect(files.length).toBeGreaterThan(0);
  expect(gzipBytes).toBeLessThanOrEqual(600 * 1024);
});

test('resource pages, dashboard charts and the English messages are separate lazy chunks', () => {
  const initial = new Set(initialJavaScript(outDir).files);
  const lazy = fs
    .readdirSync(`${outDir}/assets`)
    .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
  for (const page of [
    'HouseholdList',
    'HouseholdShow',
    'ImportWizard',
    'UserList',
    'AuditList',
    'Dashboard',
    'en',
  ]) {
    expect(lazy.some((f) => f.startsWith(`${page}-`))).toBe(true);
  }
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// docs/security.md links each threat's control to the code and the test that covers it: every
// path it names must exist, so a renamed or deleted test shows up here, not in an audit.

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/security.md'), 'utf8');

test('every path the threat model names exists', () => {
  const paths = [
    ...doc.matchAll(/`((?:packages|services|console|deploy|test|scripts|docs)\/[^`\s]+)`/g),
  ].map((m) => m[1]!);
  expect(paths.length).toBeGreaterThan(30);
  expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
});

test('every STRIDE category has its table', () => {
  for (const h of [
    'Spoofing',
    'Tampering',
    'Repudiation',
    'Information disclosure',
    'Denial of service',
    'Elevation of privilege',
  ])
    expect(doc).toContain(`— ${h}`);
});

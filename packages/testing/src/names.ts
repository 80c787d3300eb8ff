import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * A name unique to this test file and run, for a database, a topic prefix, a queue prefix
 * or a consumer group, so test files running in parallel never see each other's data.
 */
export function uniqueName(hint?: string): string {
  const testPath = (
    globalThis as { expect?: { getState?: () => { testPath?: string } } }
  ).expect?.getState?.().testPath;
  const base = (
    hint ?? (testPath ? path.basename(testPath).replace(/\.(int\.)?test\.tsx?$/, '') : 'test')
  )
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 24)
    .replace(/^-|-$/g, '');
  return `t-${base}-${randomBytes(4).toString('hex')}`;
}

/** Database names may not contain dots or be longer than 63 characters. */
export function uniqueDbName(hint?: string): string {
  return uniqueName(hint).replace(/-/g, '_').slice(0, 63);
}

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The console workspace, found from the working directory (jest and npm scripts run at the root). */
function findConsoleDir(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'console', 'vite.config.ts')))
      return path.join(dir, 'console');
    if (path.dirname(dir) === dir) throw new Error('the console workspace was not found');
  }
}

export const CONSOLE_DIR = findConsoleDir();
const VITE = path.resolve(CONSOLE_DIR, '../node_modules/vite/bin/vite.js');

/**
 * Builds the console with Vite into a directory of its own (tests running side by side
 * never share one) and returns it. Vite is ESM-only, so it runs in a child process.
 */
export function buildConsole(
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-console-')),
): string {
  const r = spawnSync(
    process.execPath,
    [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: CONSOLE_DIR,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return outDir;
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/**
 * The JavaScript a browser loads before the first page shows: the entry chunk and every
 * chunk it imports statically, transitively (Vite preloads them); lazy routes are not in it.
 */
export function initialJavaScript(outDir: string): {
  files: string[];
  bytes: number;
  gzipBytes: number;
} {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const seen = new Set<string>();
  const walk = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) walk(i);
  };
  walk(entry);
  const files = [...seen].map((k) => manifest[k]!.file);
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const content = fs.readFileSync(path.join(outDir, f));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The binary of a Go helper under deploy/tools, built with the Go module proxy when missing or
 * older than its source (CI builds them first with deploy/tools/build.sh, so tests never wait
 * on a compiler there).
 */
export function goTool(name: string): string {
  const dir = path.join(repoRoot, 'deploy/tools', name);
  const binary = path.join(repoRoot, 'deploy/local/.cache/bin', name);
  const sources = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.go') || f === 'go.mod' || f === 'go.sum')
    .map((f) => path.join(dir, f));
  const fresh =
    fs.existsSync(binary) &&
    sources.every((f) => fs.statSync(f).mtimeMs <= fs.statSync(binary).mtimeMs);
  if (!fresh) {
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    execFileSync('go', ['build', '-o', binary, '.'], { cwd: dir, stdio: 'inherit' });
  }
  return binary;
}

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { getInfra, uniqueName } from '@fupin/testing';
import { DemoCounty } from '../demo/county';
import { repoRoot } from './support/go-tool';

/**
 * The README's one command (`npm run demo` = deploy/demo/up), run for real: a second stack
 * next to whatever already runs here (ports moved by SERVICE_PORT_OFFSET, its own databases,
 * topic prefix and run directory), with a small county. Bounded by a timeout that kills the
 * whole process group; everything it started is stopped afterwards and its databases dropped.
 */

const PEOPLE = 150;
const PASSWORD = 'Demo-pass-2020!';
const COMMAND_TIMEOUT_MS = 20 * 60_000;

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-run-'));
const prefix = uniqueName('demo');
const dbPrefix = `${prefix.replace(/-/g, '_')}_`;
let offset = 0;
let output = '';
let exitCode: number | null = null;

const services = fs
  .readdirSync(path.join(repoRoot, 'services'))
  .filter((d) => fs.existsSync(path.join(repoRoot, 'services', d, 'src/main.ts')));
const portOf = (name: string) =>
  (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'services', name, 'package.json'), 'utf8')) as {
      fupin: { port: number };
    }
  ).fupin.port + offset;
const consoleServer = fs.existsSync(path.join(repoRoot, 'console/server/main.ts'));

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });

const env = () => ({
  ...process.env,
  FUPIN_LOCAL_RUN_DIR: runDir,
  SERVICE_PORT_OFFSET: String(offset),
  FUPIN_DB_PREFIX: dbPrefix,
  KAFKA_TOPIC_PREFIX: prefix,
  DEMO_PEOPLE: String(PEOPLE),
  DEMO_PASSWORD: PASSWORD,
  LOG_LEVEL: 'warn',
});

function run(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      output += `\n[test] the command did not finish within ${COMMAND_TIMEOUT_MS / 1000} s; killed\n`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, COMMAND_TIMEOUT_MS);
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

beforeAll(async () => {
  // A free block of ports for the services and the console, away from the usual ones.
  for (const candidate of [1000, 1200, 1400, 1600]) {
    offset = candidate;
    const ports = [...services.map(portOf), 8080 + offset];
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) break;
  }
  const child = spawn('bash', [path.join(repoRoot, 'deploy/demo/up')], {
    cwd: repoRoot,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  exitCode = await run(child);
}, COMMAND_TIMEOUT_MS + 60_000);

afterAll(async () => {
  // Stops what this stack started (its run directory has no Kafka/Mongo/Redis pid files, so
  // the shared servers stay up), then drops its databases.
  try {
    execFileSync('bash', [path.join(repoRoot, 'deploy/local/down')], {
      env: env(),
      stdio: 'ignore',
      timeout: 120_000,
    });
  } catch {
    // reported by the assertions already
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  const infra = await getInfra();
  const conn = await mongoose.createConnection(infra.mongoUrl).asPromise();
  try {
    // Each service's database is its name behind the prefix (deploy/local/up).
    for (const name of services)
      await conn
        .useDb(`${dbPrefix}${name}`)
        .dropDatabase()
        .catch(() => undefined);
  } finally {
    await conn.close();
  }
}, 180_000);

test('the command finishes and prints the console address and the demo logins', () => {
  if (exitCode !== 0) throw new Error(`exit ${exitCode}\n${output.slice(-6000)}`);
  if (consoleServer) expect(output).toContain(`http://127.0.0.1:${8080 + offset}`);
  expect(output).toMatch(/fupinban/);
  expect(output).toMatch(/xiangzhen01/);
  expect(output).toContain(PASSWORD);
  // Once, after the console's address (the seed used to print it too).
  expect(output.split('demo logins (password').length - 1).toBe(1);
});

test('every service with a composition root is ready', async () => {
  expect(services).toEqual(expect.arrayContaining(['gateway', 'registry']));
  for (const name of services) {
    const res = await fetch(`http://127.0.0.1:${portOf(name)}/readyz`);
    expect([name, res.status]).toEqual([name, 200]);
  }
});

test('a dashboard API answers with the demo county, through the gateway and through the console', async () => {
  const gateway = `http://127.0.0.1:${portOf('gateway')}`;
  const login = await fetch(`${gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'fupinban', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const households = [...new DemoCounty({ people: PEOPLE }).households()].length;
  const bases = [gateway, ...(consoleServer ? [`http://127.0.0.1:${8080 + offset}`] : [])];
  for (const base of bases) {
    const stats = await fetch(`${base}/api/registry/statistics/households`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect([base, stats.status]).toEqual([base, 200]);
    const body = (await stats.json()) as { total: { households: number } };
    // The county's households and the dozen at most the precision cases add (an import, blank
    // guarantees, 清退, 户主变更).
    expect([base, body.total.households >= households]).toEqual([base, true]);
    expect([base, body.total.households < households + 15]).toEqual([base, true]);
  }
  if (consoleServer) {
    const page = await fetch(`http://127.0.0.1:${8080 + offset}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root"|<html/i);
  }
});

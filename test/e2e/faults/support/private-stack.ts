import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@fupin/testing';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');

/**
 * A Kafka broker, MongoDB-protocol server and Redis of this test file's own, started by
 * deploy/local/up in a private run directory on free ports, so the faults it injects (a
 * killed broker) never touch the shared servers other test files use.
 */
export async function privateStack() {
  // The servers are told their ports (they cannot report one the kernel chose), so a port
  // picked here may be taken by another socket before its server binds it: then the start is
  // retried, on fresh ports, in a fresh run directory.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrivateStack();
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

async function startPrivateStack() {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-faults-'));
  const ports = {
    KAFKA_PORT: await freePort(),
    KAFKA_CONTROLLER_PORT: await freePort(),
    MONGO_PORT: await freePort(),
    REDIS_PORT: await freePort(),
  };
  const env = {
    ...process.env,
    FUPIN_LOCAL_RUN_DIR: runDir,
    KAFKA_HEAP: '512m',
    MONGO_CACHE: '256M',
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  const up = () =>
    run('bash', [path.join(ROOT, 'deploy/local/up')], { env, timeout: 240_000, cwd: ROOT });
  const down = () =>
    run('bash', [path.join(ROOT, 'deploy/local/down'), '--purge'], {
      env,
      timeout: 60_000,
    }).catch(() => undefined);
  try {
    await up();
  } catch (err) {
    await down();
    fs.rmSync(runDir, { recursive: true, force: true });
    throw err;
  }
  const pidOf = (name: string) =>
    Number(fs.readFileSync(path.join(runDir, `${name}.pid`), 'utf8').trim());
  return {
    kafkaBrokers: `127.0.0.1:${ports.KAFKA_PORT}`,
    mongoUrl: `mongodb://127.0.0.1:${ports.MONGO_PORT}`,
    redisUrl: `redis://127.0.0.1:${ports.REDIS_PORT}`,
    /** SIGKILL: no shutdown, no flush — as when the machine under it dies. */
    kill(name: 'kafka' | 'mongo' | 'redis') {
      const pid = pidOf(name);
      process.kill(-pid, 'SIGKILL');
    },
    /** Starts again whatever is not running (deploy/local/up is idempotent). */
    async restart() {
      await up();
    },
    async stop() {
      await down();
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}
export type PrivateStack = Awaited<ReturnType<typeof startPrivateStack>>;

import { spawn } from 'node:child_process';
import path from 'node:path';
import { getInfra, uniqueName } from '@fupin/testing';
import { createLogger, createQueue, createRedis } from '../src';

const logger = createLogger({ name: 'kit-test', level: 'silent' });

test('SIGTERM lets the running job finish, then the worker exits 0 well within 10 s', async () => {
  const { redisUrl } = await getInfra();
  const prefix = uniqueName();
  const connection = createRedis(redisUrl, logger);
  const queue = createQueue<{ ms: number }, string>('kit-drain', { connection, prefix, logger });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/draining-worker.ts'), 'kit-drain', prefix],
    {
      env: { ...process.env, REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    let out = '';
    const seen = (word: string) =>
      new Promise<void>((resolve) => {
        const check = () => out.includes(word) && resolve();
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          check();
        });
        check();
      });
    await seen('ready');
    const job = await queue.add('sleep', { ms: 2000 });
    await seen('started');

    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    const tookMs = Date.now() - signalledAt;

    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    const done = await queue.getJob(job.id!);
    expect(await done?.getState()).toBe('completed');
    expect(done?.returnvalue).toBe('slept 2000');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
});

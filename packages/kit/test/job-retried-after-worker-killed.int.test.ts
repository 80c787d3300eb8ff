import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { getInfra, uniqueName } from '@fupin/testing';
import { QueueEvents } from 'bullmq';
import { createLogger, createQueue, createRedis, createWorker } from '../src';

const logger = createLogger({ name: 'kit-test', level: 'silent' });

function startSlowWorker(
  queue: string,
  prefix: string,
  redisUrl: string,
): Promise<{ child: ChildProcess; started: Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/slow-worker.ts'), queue, prefix],
    {
      env: { ...process.env, REDIS_URL: redisUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let onStarted!: () => void;
  const started = new Promise<void>((r) => (onStarted = r));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve({ child, started });
      if (out.includes('started')) onStarted();
    });
  });
}

test('a job whose worker is killed mid-job is retried by another worker and completes once', async () => {
  const { redisUrl } = await getInfra();
  const prefix = uniqueName();
  const queueName = 'kit-retry';
  const connection = createRedis(redisUrl, logger);
  const queue = createQueue<{ n: number }, string>(queueName, { connection, prefix, logger });
  const eventsConnection = createRedis(redisUrl, logger);
  const workerConnection = createRedis(redisUrl, logger);
  const events = new QueueEvents(queueName, { connection: eventsConnection, prefix });
  await events.waitUntilReady();

  const { child, started } = await startSlowWorker(queueName, prefix, redisUrl);
  const job = await queue.add('work', { n: 21 });
  await started;
  expect((await queue.getJob(job.id!))?.progress).toMatchObject({ startedBy: child.pid });

  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  const ranBy: number[] = [];
  const worker = createWorker<{ n: number }, string>(
    queueName,
    async (j) => {
      ranBy.push(process.pid);
      return `doubled ${j.data.n * 2}`;
    },
    { connection: workerConnection, prefix, logger, lockDuration: 2000, stalledInterval: 1000 },
  );
  try {
    const result = await job.waitUntilFinished(events, 30_000);
    expect(result).toBe('doubled 42');
    expect(ranBy).toEqual([process.pid]);
    const done = await queue.getJob(job.id!);
    expect(await done?.getState()).toBe('completed');
    // The kill was noticed as a stall, not hidden.
    expect(done?.stalledCounter ?? 0).toBeGreaterThanOrEqual(1);
  } finally {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    for (const c of [connection, eventsConnection, workerConnection]) c.disconnect();
  }
});

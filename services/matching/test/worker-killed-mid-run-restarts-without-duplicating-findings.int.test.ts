import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { FindingCreated } from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import { bearer, startMatching, type TestMatching, testEnv, waitForRun } from './fixtures/matching';
import { describe as named, EXPECTED, plantRegistry, uploadLists } from './fixtures/planted';

/**
 * The technique of packages/kit/test/job-retried-after-worker-killed: a worker in another
 * process takes the run, records its first batch of findings and hangs; it is SIGKILLed; the
 * run is taken over by a worker in this process once its lock expires.
 */
let shared: Awaited<ReturnType<typeof testEnv>>;
let api: TestMatching;
let child: ChildProcess | undefined;

function startStallingWorker(): Promise<{ child: ChildProcess; started: Promise<string> }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'fixtures/stalling-worker.ts')],
    {
      env: { ...process.env, ...shared.env, TEST_BATCH_SIZE: '3' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  let onStarted!: (runId: string) => void;
  const started = new Promise<string>((r) => (onStarted = r));
  return new Promise((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`stalling worker exited early (${code})`)));
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve({ child: proc, started });
      const m = /started (\S+)/.exec(out);
      if (m?.[1]) onStarted(m[1]);
    });
  });
}

beforeAll(async () => {
  shared = await testEnv();
  // This instance only queues runs until the other process has died.
  api = await startMatching({ shared, options: { worker: { enabled: false } } });
  await plantRegistry(api);
  await uploadLists(api);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await api.close();
});

test('a run whose worker is killed mid-run is restarted by another worker and finds everything once', async () => {
  const events = await collectTopics(
    api.rt.kafka,
    [api.rt.topic(FindingCreated.topic)],
    uniqueName('collector'),
  );
  const stalling = await startStallingWorker();
  child = stalling.child;
  const res = await api.api().post('/runs').set(bearer(api.tokens.county)).send({});
  expect(res.status).toBe(202);
  const runId = (res.body as { id: string }).id;
  expect(await stalling.started).toBe(runId);

  const partial = await api.rt.conn.db!.collection('findings').countDocuments();
  expect(partial).toBeGreaterThan(0);
  expect(partial).toBeLessThan(EXPECTED.length);
  child.removeAllListeners('exit');
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));
  child = undefined;

  // Another instance with a worker takes the stalled run over.
  const rescuer = await startMatching({
    shared,
    options: { worker: { lockDuration: 2000, stalledInterval: 1000 } },
  });
  try {
    const run = await waitForRun(rescuer.api, rescuer.tokens.county, runId, 60_000);
    expect(run.attempts).toBe(2);
    expect(run.summary).toMatchObject({ found: EXPECTED.length, created: EXPECTED.length });
    const findings = await rescuer
      .api()
      .get('/findings')
      .query({ range: '[0,499]' })
      .set(bearer(rescuer.tokens.county));
    expect(
      (findings.body as Parameters<typeof named>[1][]).map((f) => named(rescuer, f)).sort(),
    ).toEqual(EXPECTED);
    expect(await rescuer.rt.conn.db!.collection('findings').countDocuments()).toBe(EXPECTED.length);
    await eventually(
      () => {
        const created = events.messages.map(
          (m) => JSON.parse(m.value!) as { aggregateId: string; type: string },
        );
        expect(new Set(created.map((e) => e.aggregateId)).size).toBe(EXPECTED.length);
        expect(created).toHaveLength(EXPECTED.length);
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await events.stop();
    // The database is shared: only the first instance drops it.
    await rescuer.rt.shutdown.run('test end');
  }
});

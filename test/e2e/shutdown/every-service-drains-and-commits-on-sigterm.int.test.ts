import http from 'node:http';
import path from 'node:path';
import { generatePersonalDataKey } from '@fupin/kit';
import {
  createTestIssuer,
  eventually,
  exitOf,
  getInfra,
  listeningPort,
  startTsProcess,
  uniqueDbName,
  uniqueName,
} from '@fupin/testing';
import type { ChildProcess } from 'node:child_process';
import { uniqueId } from '../../../services/registry/test/fixtures/import-files';

/**
 * Graceful shutdown, service by service, as each runs in production (its own process from
 * services/<name>/src/main.ts): SIGTERM lets a request already in flight finish with its
 * normal answer, the process exits 0 within 10 s, and a consumer stopped mid-stream commits
 * what it processed, so after a restart nothing is delivered to it twice and nothing is lost.
 */
const ROOT = path.join(__dirname, '../../..');
const SERVICES = [
  'gateway',
  'registry',
  'assistance',
  'funds',
  'support',
  'matching',
  'assessment',
];
const CONSUMERS = ['assistance', 'funds', 'support', 'matching', 'assessment'];
const COUNTY = '431121000000';
const TOWNSHIP = '431121001000';
const VILLAGE = '431121001001';
const HOUSEHOLDS = 120;

type Issuer = Awaited<ReturnType<typeof createTestIssuer>>;
interface Running {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

let issuer: Issuer;
let token: string;
let common: Record<string, string>;
const dbs = new Map<string, string>();
const running: Running[] = [];

beforeAll(async () => {
  const infra = await getInfra();
  issuer = await createTestIssuer();
  const modules = ['registry', ...CONSUMERS];
  token = await issuer.sign({
    area: COUNTY,
    roles: ['poverty_office'],
    rights: Object.fromEntries(modules.map((m) => [m, ['read', 'write', 'approve']])),
  });
  common = {
    MONGO_URL: infra.mongoUrl,
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: uniqueName('shutdown'),
    REDIS_URL: infra.redisUrl,
    AUTH_PUBLIC_KEY: issuer.publicKeyPem,
    PII_ENCRYPTION_KEY: generatePersonalDataKey(),
    PII_HMAC_KEY: generatePersonalDataKey(),
    LOG_LEVEL: 'info',
  };
  for (const name of SERVICES) dbs.set(name, uniqueDbName(name));
});

afterAll(() => {
  for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
});

async function start(name: string, extra: Record<string, string> = {}): Promise<Running> {
  const registry = running.find((r) => r.name === 'registry' && alive(r));
  // Port 0: the service binds whatever port the kernel gives and logs it, so no other process
  // can take the port between choosing it and listening on it (as with a port picked here).
  const proc = startTsProcess(path.join(ROOT, `services/${name}/src/main.ts`), {
    ...common,
    PORT: '0',
    MONGO_DB: dbs.get(name)!,
    ...(registry ? { REGISTRY_URL: `http://127.0.0.1:${registry.port}` } : {}),
    ...extra,
  });
  const r: Running = { name, port: 0, ...proc };
  running.push(r);
  const port = (r.port = await listeningPort(proc, name));
  await eventually(
    async () => {
      if (!alive(r)) throw new Error(`${name} exited: ${r.output().slice(-2000)}`);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    },
    { timeoutMs: 90_000, intervalMs: 300 },
  );
  return r;
}

const alive = (r: Running) => r.child.exitCode === null && r.child.signalCode === null;

/** A failure with what the service printed and whether it is still running. */
function explained(r: Running) {
  return (err: unknown): never => {
    const state = alive(r)
      ? 'still running'
      : `exited (code ${r.child.exitCode}, signal ${r.child.signalCode})`;
    throw new Error(`${String(err)}; ${r.name} is ${state} and said:\n${r.output().slice(-3000)}`);
  };
}

/** SIGTERM, then the exit code and how long the process took to go. */
async function terminate(r: Running): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  r.child.kill('SIGTERM');
  const code = await exitOf(r.child);
  return { code, ms: Date.now() - t0 };
}

/**
 * A POST whose body arrives in two halves: the first before `between` runs, the second after.
 * Resolves with the status and body the server answered.
 */
function slowPost(
  port: number,
  pathname: string,
  body: string,
  between: () => Promise<void>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const bytes = Buffer.from(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': String(bytes.length),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const half = Math.floor(bytes.length / 2);
    req.write(bytes.subarray(0, half));
    // Only once the server has accepted the connection and read the headers is the request
    // "in flight"; a signal before that would test the listen backlog, not the shutdown.
    req.once('socket', (socket) => {
      const go = () =>
        setTimeout(() => {
          void between().then(
            () => req.end(bytes.subarray(half)),
            (err: unknown) => reject(err),
          );
        }, 300);
      if (socket.connecting) socket.once('connect', go);
      else go();
    });
  });
}

/** A POST of each service that needs its whole JSON body before it can answer. */
const POSTS: Record<string, string> = {
  gateway: '/auth/login',
  registry: '/areas',
  assistance: '/helpers',
  funds: '/projects',
  support: '/education/students',
  matching: '/runs',
  assessment: '/rankings',
};

/**
 * The request sent: the registry gets a real write (an area it stores); the others a body their
 * validation refuses, which they can only do once the body has arrived whole.
 */
function writeOf(name: string, i: number): { path: string; body: unknown } {
  if (name === 'registry')
    return i === 1
      ? { path: '/areas', body: { code: COUNTY, name: '桃源县' } }
      : { path: '/areas', body: { code: TOWNSHIP, name: '漳江街道' } };
  if (name === 'gateway')
    return { path: POSTS.gateway!, body: { username: `nobody${i}`, password: 'wrong-password-1' } };
  return { path: POSTS[name]!, body: { probe: 'x'.repeat(2000 + i) } };
}

test.each(SERVICES)(
  '%s finishes a request in flight when SIGTERM arrives and exits 0 within 10 s',
  async (name) => {
    const r = await start(name);
    const w = writeOf(name, 1);
    // The answer it gives when nothing is shutting down.
    const control = await slowPost(r.port, w.path, JSON.stringify(w.body), async () => {}).catch(
      explained(r),
    );
    expect(control.status).toBeGreaterThanOrEqual(200);
    expect(control.status).toBeLessThan(500);

    const w2 = writeOf(name, 2);
    let exited: Promise<{ code: number | null; ms: number }> | undefined;
    const answer = await slowPost(r.port, w2.path, JSON.stringify(w2.body), async () => {
      exited = terminate(r);
      // The signal is handled and the listener closed before the rest of the body arrives.
      await new Promise((res) => setTimeout(res, 500));
    }).catch(explained(r));
    // The same answer as without the shutdown; the registry's write is stored (checked below).
    expect(answer.status).toBe(control.status);
    const { code, ms } = await exited!;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(r.output()).toMatch(/"msg":"shut down"/);
    // No new connection is taken once it is down.
    await expect(fetch(`http://127.0.0.1:${r.port}/healthz`)).rejects.toThrow();
  },
  120_000,
);

async function json(port: number, method: string, p: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function projected(r: Running): Promise<number> {
  const res = await json(r.port, 'GET', '/projection/status');
  return Number(res.body.households);
}

/** kafka_consumer_messages_total for one outcome, summed over topics and groups. */
async function consumed(r: Running, outcome: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${r.port}/metrics`)).text();
  return text
    .split('\n')
    .filter(
      (l) => l.startsWith('kafka_consumer_messages_total{') && l.includes(`outcome="${outcome}"`),
    )
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

test('consumers stopped by SIGTERM mid-stream commit what they processed: after a restart nothing comes twice and nothing is missing', async () => {
  const registry = await start('registry');
  // The area written while the registry was shutting down (the test above) was kept.
  const township = await json(registry.port, 'GET', `/areas/${TOWNSHIP}`);
  expect(township.status).toBe(200);
  expect(township.body.name).toBe('漳江街道');
  expect(
    (await json(registry.port, 'POST', '/areas', { code: VILLAGE, name: '桃花源村' })).status,
  ).toBe(201);
  let consumers = await Promise.all(CONSUMERS.map((c) => start(c)));

  let written = 0;
  const register = async (n: number) => {
    const res = await json(registry.port, 'POST', '/households', {
      householdNo: `S${String(n).padStart(8, '0')}`,
      areaCode: VILLAGE,
      address: '桃花源村一组',
      attribute: 'ordinary',
      mainCause: 'illness',
      status: 'in_poverty',
      identificationYear: 2016,
      members: [{ name: `户主${n}`, idNumber: uniqueId(5_000 + n, 'male'), relation: 'head' }],
    });
    expect({ status: res.status, body: res.status === 201 ? {} : res.body }).toEqual({
      status: 201,
      body: {},
    });
    written++;
  };
  // Half the households, then SIGTERM every consumer while the events are still arriving.
  for (let n = 0; n < HOUSEHOLDS / 2; n++) await register(n);
  await eventually(async () => expect(await projected(consumers[0]!)).toBeGreaterThan(0), {
    timeoutMs: 60_000,
    intervalMs: 200,
  });
  const stops = await Promise.all(consumers.map((c) => terminate(c)));
  for (const s of stops) {
    expect(s.code).toBe(0);
    expect(s.ms).toBeLessThan(10_000);
  }
  for (let n = HOUSEHOLDS / 2; n < HOUSEHOLDS; n++) await register(n);
  expect(written).toBe(HOUSEHOLDS);

  // The same services again, on the same databases and consumer groups.
  consumers = await Promise.all(CONSUMERS.map((c) => start(c)));
  for (const c of consumers) {
    await eventually(async () => expect(await projected(c)).toBe(HOUSEHOLDS), {
      timeoutMs: 120_000,
      intervalMs: 500,
    });
  }
  for (const c of consumers) {
    // Every event the first run processed was committed: none is handed to the second run
    // again (it would be counted as a duplicate the idempotency store skips).
    expect({ service: c.name, duplicates: await consumed(c, 'duplicate') }).toEqual({
      service: c.name,
      duplicates: 0,
    });
    expect(await consumed(c, 'dead_lettered')).toBe(0);
  }
  await Promise.all([...consumers, registry].map((c) => terminate(c)));
}, 420_000);

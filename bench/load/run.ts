// Load on the whole platform through its front door: 100 users for 60 s against the demo
// county (`npm run demo`), a mix of lists, reads and writes on the gateway, as the county's
// users make them. Prints p50/p95/p99, requests per second, errors by kind, and whether the
// target (no errors, p95 ≤ 200 ms) is met. Usage:
//   npm run demo            # once: the stack with the demo county
//   npm run bench:load -- [--gateway URL] [--connections 100] [--duration 60] [--password P]
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { DEMO_PASSWORD } from '../../deploy/demo/seed';
import { percentile } from '../common/stats';

const TARGET_P95_MS = 200;

const { values: args } = parseArgs({
  options: {
    gateway: { type: 'string', default: process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100' },
    connections: { type: 'string', default: '100' },
    duration: { type: 'string', default: '60' },
    password: { type: 'string', default: process.env.DEMO_PASSWORD ?? DEMO_PASSWORD },
  },
});
const gateway = args.gateway.replace(/\/$/, '');
const connections = Number(args.connections);
const duration = Number(args.duration);
if (![connections, duration].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--connections and --duration are positive whole numbers');
  process.exit(2);
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${gateway}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: args.password }),
  });
  if (res.status !== 200) {
    throw new Error(
      `sign-in of ${username} answered ${res.status}: ${await res.text()} — is the demo county up (npm run demo)?`,
    );
  }
  return ((await res.json()) as { accessToken: string }).accessToken;
}

interface HouseholdRow {
  id: string;
  revision: number;
}

/** Query string of a react-admin style list. */
const list = (filter: object, range: [number, number], sort?: [string, 'ASC' | 'DESC']) =>
  new URLSearchParams({
    filter: JSON.stringify(filter),
    range: JSON.stringify(range),
    ...(sort ? { sort: JSON.stringify(sort) } : {}),
  }).toString();

/** Per connection: the household it reads and writes (its own, so revisions never race). */
interface ConnectionState {
  household?: HouseholdRow;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const kinds = ['list', 'read', 'write'] as const;
type Kind = (typeof kinds)[number];
interface Step {
  kind: Kind;
  request: Request;
}
interface Tokens {
  office: string;
  townships: string[];
  auditor: string;
}

/** A GET of the cycle, the same for every connection. */
const get = (kind: Kind, path: string, token: string): Step => ({
  kind,
  request: { method: 'GET', path, headers: auth(token) },
});

/** The household a connection reads and writes, and its revision after each answer. */
function ownHousehold(pool: HouseholdRow[], next: () => number) {
  const pick = (context: unknown) => {
    const c = context as ConnectionState;
    c.household ??= pool[next() % pool.length]!;
    return c.household;
  };
  const keepRevision = (status: number, body: string, context: unknown) => {
    const c = context as ConnectionState;
    if (status === 200 && c.household)
      c.household.revision = (JSON.parse(body) as HouseholdRow).revision;
  };
  return { pick, keepRevision };
}

/**
 * One cycle of a user's work: six lists (township staff, the office, the auditor, other
 * services), three reads, one write — 60 / 30 / 10.
 */
function workCycle(t: Tokens, pool: HouseholdRow[]): Step[] {
  let nextHousehold = 0;
  const own = ownHousehold(pool, () => nextHousehold++);
  const households = (filter: object) =>
    `/api/registry/households?${list(filter, [0, 24], ['householdNo', 'ASC'])}`;
  return [
    get('list', households({ status: ['in_poverty', 'returned'] }), t.townships[0]!),
    get('list', households({ mainCause: 'illness' }), t.townships[1]!),
    {
      kind: 'read',
      request: {
        method: 'GET',
        headers: auth(t.office),
        setupRequest: (req, context) => ({
          ...req,
          path: `/api/registry/households/${own.pick(context).id}`,
        }),
        onResponse: own.keepRevision,
      },
    },
    get('list', `/api/registry/villages?${list({}, [0, 24])}`, t.office),
    get('list', `/api/funds/projects?${list({}, [0, 24])}`, t.auditor),
    {
      kind: 'write',
      request: {
        method: 'PUT',
        headers: { ...auth(t.office), 'content-type': 'application/json' },
        setupRequest: (req, context) => {
          const household = own.pick(context);
          const body = JSON.stringify({
            revision: household.revision,
            phone: `1390000${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`,
          });
          return { ...req, path: `/api/registry/households/${household.id}`, body };
        },
        onResponse: own.keepRevision,
      },
    },
    get('read', '/api/registry/statistics/households', t.office),
    get('list', `/api/assistance/visits?${list({}, [0, 24])}`, t.townships[2]!),
    get('read', '/auth/me', t.office),
    get('list', `/api/matching/findings?${list({}, [0, 24])}`, t.office),
  ];
}

/** The households the writers work on: one per connection. */
async function writerPool(office: string): Promise<HouseholdRow[]> {
  const page = await fetch(
    `${gateway}/api/registry/households?${list({}, [0, connections - 1], ['householdNo', 'ASC'])}`,
    { headers: auth(office) },
  );
  if (page.status !== 200) throw new Error(`household list answered ${page.status}`);
  const pool = ((await page.json()) as HouseholdRow[]).map((h) => ({
    id: h.id,
    revision: h.revision,
  }));
  if (pool.length < connections)
    throw new Error(`the demo county has only ${pool.length} households`);
  console.log(`gateway:     ${gateway}`);
  console.log(`households:  ${page.headers.get('content-range')}`);
  return pool;
}

/** Each request is probed once before the load, so a wrong path fails here and not as noise. */
async function probe(cycle: Step[]): Promise<void> {
  for (const { request } of cycle) {
    if (request.setupRequest) continue;
    const res = await fetch(`${gateway}${request.path}`, {
      method: request.method,
      headers: request.headers,
    });
    if (res.status >= 400) throw new Error(`${request.path} answered ${res.status}`);
    await res.arrayBuffer();
  }
}

type ByKind = Map<Kind, { count: number; errors: number; statuses: Map<number, number> }>;

/** The cycle under autocannon: every answer's latency, and the answers by kind and status. */
async function runLoad(cycle: Step[]) {
  const latencies: number[] = [];
  const byKind: ByKind = new Map(
    kinds.map((k) => [k, { count: 0, errors: 0, statuses: new Map() }]),
  );
  // autocannon cycles through `requests` per connection, in order; the response tells which.
  const position = new WeakMap<object, number>();
  const instance = autocannon({
    url: gateway,
    connections,
    duration,
    timeout: 30,
    requests: cycle.map((c) => c.request),
  });
  instance.on('response', (client, status, _bytes, responseTime) => {
    const i = position.get(client) ?? 0;
    position.set(client, (i + 1) % cycle.length);
    const k = byKind.get(cycle[i]!.kind)!;
    k.count++;
    if (status >= 400) k.errors++;
    k.statuses.set(status, (k.statuses.get(status) ?? 0) + 1);
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return { result, latencies, byKind };
}

function report({ result, latencies, byKind }: Awaited<ReturnType<typeof runLoad>>): void {
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
  const errors = result.non2xx + result.errors + result.timeouts;
  console.log(`load:        ${connections} connections for ${result.duration.toFixed(0)} s`);
  console.log(
    `latency:     p50 ${p50!.toFixed(1)} ms   p95 ${p95!.toFixed(1)} ms   p99 ${p99!.toFixed(1)} ms`,
  );
  console.log(
    `throughput:  ${(latencies.length / result.duration).toFixed(1)} req/s (${latencies.length} answers)`,
  );
  for (const [kind, k] of byKind) {
    const statuses = [...k.statuses].map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(
      `  ${kind.padEnd(6)} ${String(k.count).padStart(7)} answers, ${k.errors} errors (${statuses})`,
    );
  }
  console.log(
    `errors:      ${errors} (non-2xx ${result.non2xx}, connection errors ${result.errors}, timeouts ${result.timeouts})`,
  );
  const met = errors === 0 && p95! <= TARGET_P95_MS;
  console.log(
    `target:      no errors and p95 ≤ ${TARGET_P95_MS} ms: ${met ? 'met' : 'NOT met'} (p95/target ratio ${(p95! / TARGET_P95_MS).toFixed(2)})`,
  );
}

async function main(): Promise<void> {
  const health = await fetch(`${gateway}/readyz`).catch(() => null);
  if (!health || health.status !== 200) {
    console.error(`the gateway at ${gateway} is not ready — start the demo county: npm run demo`);
    process.exit(2);
  }
  const office = await signIn('fupinban');
  const townships = [];
  for (let i = 1; i <= 3; i++)
    townships.push(await signIn(`xiangzhen${String(i).padStart(2, '0')}`));
  const auditor = await signIn('shenji');
  const cycle = workCycle({ office, townships, auditor }, await writerPool(office));
  await probe(cycle);
  report(await runLoad(cycle));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

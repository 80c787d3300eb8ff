import request from 'supertest';
import { type Role, ROLE_CODES, type Department, DEPARTMENT_CODES } from '../src/users/roles';
import { ENDPOINT_RIGHTS } from './support/endpoint-rights';
import { bearer, COUNTY, type SignedIn, TOWNSHIP_A, VILLAGE_A1 } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';

/**
 * For every role (department staff once per department) × every operation every service
 * documents: the operations the role's rights allow get past the rights check, the others
 * answer 403 FORBIDDEN_RIGHT. Operations come from the served OpenAPI documents; what
 * each needs comes from ENDPOINT_RIGHTS; what each role has comes from the gateway's roles.
 */
let t: CountyPlatform;
const TABLE_FILE = 'services/gateway/test/support/endpoint-rights.ts';
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  service: string;
  baseUrl: string;
  key: string;
  method: string;
  path: string;
  xRight: string | undefined;
}

const SCOPE: Record<Role, string> = {
  county_admin: COUNTY,
  poverty_office: COUNTY,
  department_staff: COUNTY,
  township_staff: TOWNSHIP_A,
  village_staff: VILLAGE_A1,
  assistance_cadre: TOWNSHIP_A,
  auditor: COUNTY,
};

const users: { label: string; user: SignedIn; rights: Record<string, string[]>; area: string }[] =
  [];
const operations: Operation[] = [];

beforeAll(async () => {
  t = await startCounty();
  const subjects = ROLE_CODES.flatMap((role): { role: Role; department?: Department }[] =>
    role === 'department_staff'
      ? DEPARTMENT_CODES.map((department) => ({ role, department }))
      : [{ role }],
  );
  for (const s of subjects) {
    const user = await t.signedInUser({
      roles: [s.role],
      areaCode: SCOPE[s.role],
      ...(s.department ? { department: s.department } : {}),
    });
    const me = await t.api().get('/auth/me').set(bearer(user.accessToken));
    users.push({
      label: s.department ? `${s.role}(${s.department})` : s.role,
      user,
      rights: (me.body as { rights: Record<string, string[]> }).rights,
      area: SCOPE[s.role],
    });
  }
  const targets = [{ name: 'gateway', url: t.gatewayUrl }, ...t.services];
  for (const target of targets) {
    const doc = (await request(target.url).get('/openapi.json')).body as {
      paths: Record<string, Record<string, { 'x-right'?: string }>>;
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!METHODS.includes(method)) continue;
        operations.push({
          service: target.name,
          baseUrl: target.url,
          key: `${method.toUpperCase()} ${path}`,
          method,
          path,
          xRight: op['x-right'],
        });
      }
    }
  }
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

test('every documented operation of every service has an entry in the table', () => {
  expect(operations.length).toBeGreaterThan(10);
  const missing = operations
    .filter((o) => ENDPOINT_RIGHTS[o.service]?.[o.key] === undefined)
    .map(
      (o) =>
        `missing in ${TABLE_FILE}: ENDPOINT_RIGHTS.${o.service}['${o.key}'] = '${o.xRight ?? '<module>.<right>'}'`,
    );
  expect(missing).toEqual([]);
  const stale = Object.entries(ENDPOINT_RIGHTS).flatMap(([service, entries]) =>
    Object.keys(entries)
      .filter((key) => !operations.some((o) => o.service === service && o.key === key))
      .map((key) => `stale in ${TABLE_FILE}: ENDPOINT_RIGHTS.${service}['${key}'] is not served`),
  );
  expect(stale).toEqual([]);
  // The table and the service's own documentation agree.
  const disagreeing = operations
    .filter((o) => o.xRight && ENDPOINT_RIGHTS[o.service]?.[o.key] !== o.xRight)
    .map(
      (o) =>
        `${o.service} ${o.key}: table says ${ENDPOINT_RIGHTS[o.service]?.[o.key]}, x-right says ${o.xRight}`,
    );
  expect(disagreeing).toEqual([]);
});

/** A request that reaches the rights check: path parameters within the caller's scope. */
function call(o: Operation, token: string, area: string) {
  const path = o.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
    name === 'code' || name === 'areaCode'
      ? area
      : name === 'year'
        ? '2020'
        : '00000000-0000-4000-8000-000000000000',
  );
  const r = request(o.baseUrl)[o.method as 'get'](path).set(bearer(token));
  return ['post', 'put', 'patch'].includes(o.method) ? r.send({}) : r;
}

// Every role × every operation of seven services, one after another (each projection status
// also reads its view's Kafka offsets): on the loaded 2-core CI machine the walk took over 90 s.
test('each role reaches exactly the operations its rights allow; the rest answer 403', async () => {
  const wrong: string[] = [];
  let allowedCount = 0;
  let forbiddenCount = 0;
  for (const o of operations) {
    const needed = ENDPOINT_RIGHTS[o.service]?.[o.key];
    if (!needed || needed === 'public' || /^POST \/auth\//.test(o.key)) continue;
    for (const u of users) {
      const [module, right] = needed.split('.');
      const allowed = needed === 'authenticated' || (u.rights[module!] ?? []).includes(right!);
      const res = await call(o, u.user.accessToken, u.area);
      const deniedByRight = res.status === 403 && res.body?.code === 'FORBIDDEN_RIGHT';
      if (allowed) {
        allowedCount += 1;
        if (deniedByRight || res.status === 401 || res.status >= 500)
          wrong.push(
            `${u.label} ${o.service} ${o.key}: allowed (${needed}) but got ${res.status} ${res.body?.code ?? ''}`,
          );
      } else {
        forbiddenCount += 1;
        if (!deniedByRight)
          wrong.push(
            `${u.label} ${o.service} ${o.key}: needs ${needed} but got ${res.status} ${res.body?.code ?? ''}`,
          );
      }
    }
  }
  expect(wrong).toEqual([]);
  expect(allowedCount).toBeGreaterThan(20);
  expect(forbiddenCount).toBeGreaterThan(20);
}, 300_000);

test('list endpoints answer 200 with rows for a role that may read', async () => {
  const office = users.find((u) => u.label === 'poverty_office')!;
  for (const o of operations.filter((x) => x.method === 'get' && !x.path.includes('{'))) {
    if (o.service === 'gateway') continue;
    // The kit's audit chain on every service is the auditor's (audit.read), not the office's;
    // its reseal after a key rotation the administrator's (users.write).
    const [module, right] = ENDPOINT_RIGHTS[o.service]![o.key]!.split('.');
    const reader = office.rights[module!]?.includes(right!)
      ? office
      : users.find((u) => u.label === (module === 'users' ? 'county_admin' : 'auditor'))!;
    const res = await call(o, reader.user.accessToken, reader.area);
    expect({ op: `${o.service} ${o.key}`, status: res.status }).toEqual({
      op: `${o.service} ${o.key}`,
      status: 200,
    });
  }
});

// 公安, 市场监管, 医保, 残联 only supply lists for matching: they read and upload there (narrowed to
// their own list types by the matching service) and reach nothing of the registry.
test.each([
  'public_security',
  'market_regulation',
  'medical_security',
  'disabled_persons_federation',
])(
  'department %s has matching read and write alone, and every registry operation answers 403',
  async (department) => {
    const u = users.find((x) => x.label === `department_staff(${department})`)!;
    expect(u.rights).toEqual({ matching: ['read', 'write'] });
    const registry = operations.filter((o) => o.service === 'registry');
    expect(registry.length).toBeGreaterThan(10);
    const reached = [];
    for (const o of registry) {
      const res = await call(o, u.user.accessToken, u.area);
      if (res.status !== 403) reached.push(`${o.key}: ${res.status}`);
    }
    expect(reached).toEqual([]);
  },
  120_000,
);

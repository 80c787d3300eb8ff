import type { Server } from 'node:http';
import type { Express } from 'express';
import {
  closeServer,
  createLogger,
  generatePersonalDataKey,
  listen,
  loadConfig,
  openRuntime,
  type ServiceRuntime,
} from '@fupin/kit';
import { freePort, uniqueDbName } from '@fupin/testing';
import request from 'supertest';
import { registryConfigSchema } from '../../registry/src/config';
import { createRegistry } from '../../registry/src/registry';
import { seedImportAreas } from '../../registry/test/fixtures/import-files';
import {
  csv,
  idNumber,
  startMatching,
  type TestMatching,
  testEnv,
  VILLAGE_A1,
} from './fixtures/matching';

// The acceptance test of 密钥轮换 (issue 25): the registry and matching rotate BOTH keys — the
// encryption key and the HMAC key the cross-department matching joins on — by the runbook
// (docs/key-rotation.md): every service holds k2 first; the registry makes k2 current and
// reseals (its events then carry each ID's hash under both keys); matching makes k2 current;
// both drop k1 and reseal. A household member on the deaths list is found before, halfway
// through (a list uploaded under k2 while k1's hashes are still about) and after, always as the
// same finding; a person registered halfway is found too.

const ALL = ['read', 'write', 'approve', 'export', 'unmask'];
const enc1 = generatePersonalDataKey();
const enc2 = generatePersonalDataKey();
const mac1 = generatePersonalDataKey();
const mac2 = generatePersonalDataKey();

/** The keys of each step of the runbook, for a service's environment. */
const STEP = {
  before: { PII_ENCRYPTION_KEY: enc1, PII_HMAC_KEY: mac1 },
  held: {
    PII_ENCRYPTION_KEY: enc1,
    PII_ENCRYPTION_PREVIOUS_KEYS: `k2:${enc2}`,
    PII_HMAC_KEY: mac1,
    PII_HMAC_PREVIOUS_KEYS: `k2:${mac2}`,
  },
  switched: {
    PII_ENCRYPTION_KEY: enc2,
    PII_ENCRYPTION_KEY_ID: 'k2',
    PII_ENCRYPTION_PREVIOUS_KEYS: `k1:${enc1}`,
    PII_HMAC_KEY: mac2,
    PII_HMAC_KEY_ID: 'k2',
    PII_HMAC_PREVIOUS_KEYS: `k1:${mac1}`,
  },
  dropped: {
    PII_ENCRYPTION_KEY: enc2,
    PII_ENCRYPTION_KEY_ID: 'k2',
    PII_HMAC_KEY: mac2,
    PII_HMAC_KEY_ID: 'k2',
  },
};
type Step = keyof typeof STEP;

const P = idNumber('1948-03-03', 31, 'male'); // registered first, dies
const Q = idNumber('1975-06-06', 32, 'female'); // lives
const R = idNumber('1950-09-09', 33, 'female'); // registered halfway, dies

let shared: Awaited<ReturnType<typeof testEnv>>;
let registryDb: string;
let registryPort: number;
let registry: { rt: ServiceRuntime; app: Express; server: Server } | null = null;
let matching: TestMatching | null = null;
let county: string;

beforeAll(async () => {
  shared = await testEnv();
  registryDb = uniqueDbName('registry');
  registryPort = await freePort();
  county = await shared.issuer.sign({
    sub: 'u-county-office',
    name: '县扶贫办',
    area: '431121000000',
    roles: ['poverty_office', 'admin'],
    rights: { registry: ALL, matching: ALL, users: ['read', 'write'] },
  });
}, 60_000);
afterAll(async () => {
  await stopMatching();
  await stopRegistry();
}, 60_000);

async function startRegistryAt(step: Step): Promise<void> {
  await stopRegistry();
  const config = loadConfig(registryConfigSchema, {
    ...shared.env,
    ...STEP[step],
    MONGO_DB: registryDb,
  });
  const logger = createLogger({ name: 'registry-test', level: config.LOG_LEVEL });
  const rt = await openRuntime('registry', config, logger);
  const r = await createRegistry(rt, config, { queuePrefix: config.KAFKA_TOPIC_PREFIX });
  const server = await listen(r.app, registryPort, '127.0.0.1');
  registry = { rt, app: r.app, server };
}

async function stopRegistry(): Promise<void> {
  if (!registry) return;
  await closeServer(registry.server, 2000);
  await registry.rt.shutdown.run('restart with other keys');
  registry = null;
}

async function startMatchingAt(step: Step): Promise<void> {
  const db = matching?.config.MONGO_DB ?? uniqueDbName('matching');
  await stopMatching();
  matching = await startMatching({
    shared: {
      issuer: shared.issuer,
      env: {
        ...shared.env,
        ...STEP[step],
        MONGO_DB: db,
        REGISTRY_URL: `http://127.0.0.1:${registryPort}`,
      },
    },
  });
}

async function stopMatching(): Promise<void> {
  await matching?.rt.shutdown.run('restart with other keys');
  matching = null;
}

const bearer = () => ({ authorization: `Bearer ${county}` });

async function register(no: string, members: { name: string; id: string; relation: string }[]) {
  const res = await request(registry!.app)
    .post('/households')
    .set(bearer())
    .send({
      householdNo: no,
      areaCode: VILLAGE_A1,
      members: members.map((m) => ({ name: m.name, idNumber: m.id, relation: m.relation })),
    });
  expect(res.status).toBe(201);
}

/** Starts the reseal on a service and waits until nothing is left on an old key. */
async function reseal(app: Parameters<typeof request>[0]): Promise<void> {
  expect((await request(app).post('/keys/reseal').set(bearer())).status).toBe(202);
  for (let i = 0; ; i++) {
    const res = await request(app).get('/keys/reseal').set(bearer());
    const body = res.body as {
      run: { state: string } | null;
      collections: { valuesOnOldKeys: number }[];
    };
    if (body.run?.state === 'completed' && body.collections.every((c) => !c.valuesOnOldKeys))
      return;
    if (i > 200) throw new Error(`reseal not done: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function uploadDeaths(ids: string[]): Promise<string> {
  const rows = [
    ['姓名', '身份证号', '死亡日期'],
    ...ids.map((id, i) => [`逝者${i}`, id, '2026-01-02']),
  ];
  const res = await matching!.upload(county, csv(rows), {
    type: 'deaths',
    date: '2026-03-31',
    area: '431121000000',
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

/** The DECEASED_IN_REGISTRY findings: each member's id and the finding's id. */
async function deathFindings(): Promise<{ id: string; memberId: string | null }[]> {
  const res = await matching!.api().get('/findings').query({ range: '[0,99]' }).set(bearer());
  expect(res.status).toBe(200);
  return (res.body as { id: string; rule: string; memberId: string | null }[])
    .filter((f) => f.rule === 'DECEASED_IN_REGISTRY')
    .map((f) => ({ id: f.id, memberId: f.memberId }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

test('both keys rotated: a planted death is found before, halfway and after, as one finding', async () => {
  await startRegistryAt('before');
  await startMatchingAt('before');
  await seedImportAreas(registry!.app, county);
  await register('ROT-001', [
    { name: '钱老', id: P, relation: 'head' },
    { name: '钱女', id: Q, relation: 'daughter' },
  ]);
  const early = await uploadDeaths([P]);
  expect((await matching!.run(county, early)).summary.created).toBe(1);
  const first = await deathFindings();
  expect(first).toHaveLength(1);

  // Step 2: every service holds k2 (not yet current). A household registered now.
  await startRegistryAt('held');
  await startMatchingAt('held');
  await register('ROT-002', [{ name: '孙婆', id: R, relation: 'head' }]);

  // Step 3, the registry first: k2 current, its values resealed and rehashed, the views told.
  await startRegistryAt('switched');
  await reseal(registry!.app);
  // Halfway: matching still on k1 current finds both on a list it hashes with k1.
  const halfway = await uploadDeaths([P, R]);
  let run = await matching!.run(county, halfway);
  expect(run.summary.found).toBe(2);
  expect(await deathFindings()).toEqual(expect.arrayContaining(first));
  expect(await deathFindings()).toHaveLength(2);
  const both = await deathFindings();

  // Matching makes k2 current and reseals its list segments: a list hashed with k2 finds both,
  // and the early list, hashed with k1 (still held), finds its death again — the same finding.
  await startMatchingAt('switched');
  await reseal(matching!.app);
  const underK2 = await uploadDeaths([P, R]);
  run = await matching!.run(county, underK2);
  expect(run.summary.found).toBe(2);
  expect(run.summary.created).toBe(0);
  expect((await matching!.run(county, early)).summary.found).toBe(1);
  expect(await deathFindings()).toEqual(both);

  // Step 4: k1 dropped everywhere and both resealed: no k1 value or hash is left, and the
  // list hashed with k2 still finds both — no finding made twice.
  await startRegistryAt('dropped');
  await reseal(registry!.app);
  await startMatchingAt('dropped');
  await reseal(matching!.app);
  run = await matching!.run(county, underK2);
  expect(run.summary.found).toBe(2);
  expect(run.summary.created).toBe(0);
  expect(await deathFindings()).toEqual(both);
  // The early list was hashed with k1, which no service holds now: refused, not run empty.
  const refused = await matching!.api().post('/runs').set(bearer()).send({ listId: early });
  expect(refused.status).toBe(409);
  expect(refused.type).toBe('application/problem+json');
  expect(refused.body.code).toBe('MATCHING_LIST_HASH_KEY_RETIRED');
}, 600_000);

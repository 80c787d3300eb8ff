import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { AuditAnchored, createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { auditModel } from '@fupin/kit';
import { bearer, COUNTY, eventually, type SignedIn } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';
import { household, idNumber, seedAreas } from './support/registry-data';

let t: CountyPlatform;
let auditor: SignedIn;
let office: SignedIn;

type State = { service: string; ok: boolean; lastSeq: number | null; problems: unknown[] };

beforeAll(async () => {
  t = await startCounty();
  auditor = await t.signedInUser({ roles: ['auditor'], areaCode: COUNTY });
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  await seedAreas(t.service('registry').url, office.accessToken);
  const created = await t
    .api()
    .post('/api/registry/households')
    .set(bearer(office.accessToken))
    .send(
      household('HH-CHAIN', '431121101201', { name: '户主', idNumber: idNumber('1965-03-04', 8) }),
    );
  expect(created.status).toBe(201);
  // Two unmasked reads: two entries in the registry's chain.
  for (const reason of ['入户核实', '复核'])
    expect(
      (
        await t
          .api()
          .get(`/api/registry/households/${created.body.id}`)
          .query({ unmask: 'true', reason })
          .set(bearer(office.accessToken))
      ).status,
    ).toBe(200);
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

const chains = (token: string) => t.api().get('/audit/chains').set(bearer(token));

test('the audit search shows every service chain whole, the gateway first', async () => {
  const res = await chains(auditor.accessToken);
  expect(res.status).toBe(200);
  const items = res.body.items as State[];
  expect(items.map((s) => s.service)).toEqual(['gateway', ...t.services.map((s) => s.name)]);
  expect(items.every((s) => s.ok)).toBe(true);
  expect(items.find((s) => s.service === 'registry')!.lastSeq).toBe(2);
});

test("an entry edited in the registry's MongoDB shows on the registry's chain with its seq and id", async () => {
  const entries = auditModel(t.service('registry').conn).collection;
  const first = await entries.findOne({ seq: 1 });
  await entries.updateOne({ _id: first!._id }, { $set: { reason: '改写' } });

  const items = (await chains(auditor.accessToken)).body.items as State[];
  expect(items.find((s) => s.service === 'registry')).toMatchObject({
    ok: false,
    problems: [{ kind: 'changed', seq: 1, entryId: first!._id }],
  });
  expect(items.filter((s) => !s.ok).map((s) => s.service)).toEqual(['registry']);
});

test("a day's anchor published on audit.v1 is kept by the gateway: the registry's tail deleted after it shows as missing", async () => {
  const entries = auditModel(t.service('registry').conn).collection;
  const last = await entries.findOne({ seq: 2 });
  const anchor = createEvent(AuditAnchored, {
    aggregateId: 'registry:2026-03-01',
    areaCode: COUNTY,
    actor: SYSTEM_ACTOR,
    payload: { service: 'registry', day: '2026-03-01', seq: 2, hash: String(last!.hash) },
  });
  await t.gatewayRt.producer.send({
    topic: t.gatewayRt.topic(AuditAnchored.topic),
    messages: [{ key: anchor.aggregateId, value: JSON.stringify(anchor) }],
  });
  await entries.deleteOne({ seq: 2 });

  await eventually(async () => {
    const items = (await chains(auditor.accessToken)).body.items as State[];
    expect(items.find((s) => s.service === 'registry')!.problems).toContainEqual(
      expect.objectContaining({ kind: 'tail_missing', seq: 2 }),
    );
  });
  // The anchor is no entry of the audit log.
  expect(await t.gateway.models.audit.countDocuments({ _id: anchor.id })).toBe(0);
});

test('the chains are refused (403) to a user without the auditor right', async () => {
  const res = await chains(office.accessToken);
  expect(res.status).toBe(403);
  expect(res.body.code).toBe('FORBIDDEN_RIGHT');
});

test('npm run audit:verify prints each chain through the gateway and exits 1 when one breaks', async () => {
  const root = path.resolve(__dirname, '../../..');
  const run = promisify(execFile)(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/audit-verify.ts', '--gateway', t.gatewayUrl, '--token', auditor.accessToken],
    { cwd: root },
  );
  const failed = await run.then(
    () => null,
    (err: { code: number; stdout: string }) => err,
  );
  expect(failed?.code).toBe(1);
  expect(failed?.stdout).toMatch(/^ok {5} gateway: /m);
  expect(failed?.stdout).toMatch(/^PROBLEM registry: .*\n {10}changed: entry \S+ at seq 1 /m);
});

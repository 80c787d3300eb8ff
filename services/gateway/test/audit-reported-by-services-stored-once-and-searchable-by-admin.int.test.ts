import { AuditRecorded, createEvent } from '@fupin/contracts';
import { eventually, bearer, COUNTY, type SignedIn, TOWNSHIP_A } from '@fupin/testing';
import request from 'supertest';
import { type CountyPlatform, startCounty } from './support/county';
import { household, idNumber, seedAreas } from './support/registry-data';

let t: CountyPlatform;
let office: SignedIn;
let householdId: string;

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  await seedAreas(t.service('registry').url, office.accessToken);
  const res = await request(t.service('registry').url)
    .post('/households')
    .set(bearer(office.accessToken))
    .send(
      household('HH-AUD', '431121101201', { name: '户主', idNumber: idNumber('1965-03-04', 7) }),
    );
  expect(res.status).toBe(201);
  householdId = res.body.id;
});
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines();
  await t.close();
  expect(leaked).toEqual([]);
});

const search = (filter: object, token = t.admin.accessToken) =>
  t
    .api()
    .get('/audit')
    .query({ filter: JSON.stringify(filter), range: '[0,99]' })
    .set(bearer(token));

test("a service's unmasking, reported on audit.v1, lands in the gateway's audit log with the request id", async () => {
  const res = await t
    .api()
    .get(`/api/registry/households/${householdId}`)
    .query({ unmask: 'true', reason: '入户核实' })
    .set(bearer(office.accessToken))
    .set('x-request-id', 'req-audit-0001');
  expect(res.status).toBe(200);
  expect(res.headers['x-request-id']).toBe('req-audit-0001');
  const entries = await eventually(async () => {
    const list = await search({ service: 'registry', action: 'unmask' });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    return list.body as Record<string, unknown>[];
  });
  expect(entries[0]).toMatchObject({
    service: 'registry',
    action: 'unmask',
    actorId: office.userId,
    actorArea: COUNTY,
    subjectIds: [householdId],
    reason: '入户核实',
    // The gateway passed its request id on to the registry.
    requestId: 'req-audit-0001',
  });
  // One entry by its id (the console's audit page opens it so).
  const one = await t
    .api()
    .get(`/audit/${String(entries[0]!.id)}`)
    .set(bearer(t.admin.accessToken));
  expect(one.status).toBe(200);
  expect(one.body).toEqual(entries[0]);
});

test('a guarantee typed over the derived one, reported by the registry, is found by its action with the reason and the values before and after', async () => {
  const res = await t
    .api()
    .put(`/api/registry/households/${householdId}/guarantees/housing_safety`)
    .set(bearer(office.accessToken))
    .send({ state: 'not_met', reason: '入户核查房屋漏雨' });
  expect(res.status).toBe(200);
  const entries = await eventually(async () => {
    const list = await search({ action: 'guarantee_override', subjectId: householdId });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    return list.body as Record<string, unknown>[];
  });
  expect(entries[0]).toMatchObject({
    service: 'registry',
    action: 'guarantee_override',
    actorId: office.userId,
    subjectType: 'household',
    subjectIds: [householdId],
    fields: ['guarantees.housing_safety'],
    reason: '入户核查房屋漏雨',
    after: { state: 'not_met', source: 'typed' },
  });
  expect(entries[0]!.before).toEqual(expect.objectContaining({ source: expect.any(String) }));
});

test('an export reported by a service is stored too; the same event delivered twice is stored once', async () => {
  const event = createEvent(AuditRecorded, {
    aggregateId: 'exp-1',
    areaCode: TOWNSHIP_A,
    actor: { kind: 'user', id: 'u-export', name: 'exporter' },
    payload: {
      service: 'support',
      action: 'export',
      subjectType: 'student',
      subjectIds: ['s1', 's2'],
      fields: ['idNumber'],
      reason: '学籍比对',
      requestId: null,
      count: 2,
    },
  });
  const message = { key: event.aggregateId, value: JSON.stringify(event) };
  for (let i = 0; i < 2; i++) {
    await t.gatewayRt.producer.send({
      topic: t.gatewayRt.topic(AuditRecorded.topic),
      messages: [message],
    });
  }
  await eventually(async () => {
    const list = await search({ actorId: 'u-export' });
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: event.id,
      service: 'support',
      action: 'export',
      count: 2,
    });
  });
  // Give a late duplicate time to arrive, then count again in the store itself.
  await new Promise((r) => setTimeout(r, 500));
  expect(await t.gateway.models.audit.countDocuments({ _id: event.id })).toBe(1);
});

test('the audit store is append-only: updates and deletes are refused', async () => {
  const any = await t.gateway.models.audit.findOne().lean();
  expect(any).not.toBeNull();
  await expect(
    t.gateway.models.audit.updateOne({ _id: any!._id }, { $set: { action: 'login' } }),
  ).rejects.toThrow('append-only');
  await expect(t.gateway.models.audit.deleteOne({ _id: any!._id })).rejects.toThrow('append-only');
});

test('only users with the audit right search the log; filters by action and time work', async () => {
  const township = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  const refused = await search({}, township.accessToken);
  expect(refused.status).toBe(403);
  const auditor = await t.signedInUser({ roles: ['auditor'], areaCode: COUNTY });
  // The sign-in reaches the store as an event (outbox, audit.v1, the gateway's consumer).
  // The page and its count are read side by side: an entry stored between the two reads shows in
  // one only, so both are asked again until the entry is in both.
  await eventually(async () => {
    const res = await search({ action: 'login', actorId: auditor.userId }, auditor.accessToken);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.headers['content-range']).toBe('audit 0-0/1');
  });
  const future = await search(
    { from: new Date(Date.now() + 3600_000).toISOString() },
    auditor.accessToken,
  );
  expect(future.body).toEqual([]);
  const bad = await search({ action: 'drop_table' }, auditor.accessToken);
  expect(bad.status).toBe(400);
});

import { HouseholdRegistered } from '@fupin/contracts';
import type { ProjectedHousehold } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  idNumber,
  registerInRegistry,
  seedRegistryAreas,
  startAssistance,
  type TestAssistance,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/assistance';

/**
 * The registry and assistance run side by side on the real servers; households reach
 * assistance only through the registry's Kafka events (or, on request, its snapshot).
 */
let t: TestAssistance;
const ids: string[] = [];

beforeAll(async () => {
  t = await startAssistance({ registry: true });
  await seedRegistryAreas(t);
});
afterAll(async () => {
  await t.close();
});

const projected = (id: string) =>
  t.assistance.models.projected.findById(id).lean<ProjectedHousehold>();

test('a household registered in the registry appears in the assistance projection', async () => {
  const { id } = await registerInRegistry(t, 'KF-0001', VILLAGE_A1, 1);
  ids.push(id);
  const res = await eventually(
    async () => {
      const r = await request(t.app).get(`/households/${id}`).set(as(t.tokens.county));
      expect(r.status).toBe(200);
      expect(r.body.headName).toBe('户主1');
      return r;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
  expect(res.body).toMatchObject({
    id,
    householdNo: 'KF-0001',
    areaCode: VILLAGE_A1,
    status: 'in_poverty',
    attribute: 'ordinary',
    mainCause: 'illness',
    otherCauses: ['lack_of_skills'],
    size: 1,
    pairings: [],
  });
  // The projection keeps keyed hashes only, never an ID number in clear.
  expect(JSON.stringify(await projected(id))).not.toContain(idNumber('1970-01-01', 1));
});

test('later registry changes follow: facts, members added and removed', async () => {
  const [id] = ids;
  const update = await request(t.registry!.app)
    .put(`/households/${id}`)
    .set(as(t.tokens.county))
    .send({ mainCause: 'disability', otherCauses: [] });
  expect(update.status).toBe(200);
  const added = await request(t.registry!.app)
    .post(`/households/${id}/members`)
    .set(as(t.tokens.county))
    .send({ name: '配偶1', idNumber: idNumber('1972-02-02', 101), relation: 'spouse' });
  expect(added.status).toBe(201);
  await eventually(
    async () => {
      const h = await projected(id!);
      expect(h?.mainCause).toBe('disability');
      expect(h?.size).toBe(2);
      expect(h?.members.map((m) => m.name).sort()).toEqual(['户主1', '配偶1']);
    },
    { timeoutMs: 60_000 },
  );
});

test('a redelivered registry event changes nothing', async () => {
  const [id] = ids;
  const topic = t.rt.topic(HouseholdRegistered.topic);
  const seen = await collectTopics(t.rt.kafka, [topic], `${t.prefix}-redeliver`);
  let original;
  try {
    original = await eventually(() => {
      const m = seen.messages.find(
        (x) => x.key === id && JSON.parse(x.value!).type === 'registry.household.registered',
      );
      expect(m).toBeDefined();
      return m!;
    });
  } finally {
    await seen.stop();
  }
  const before = await projected(id!);
  const processedBefore = await t.rt.conn.collection('processed_events').countDocuments();

  // The same message again (a relay that crashed after publishing sends exactly this).
  const [sent] = await t.rt.producer.send({
    topic,
    acks: -1,
    messages: [{ key: original.key, value: original.value, headers: original.headers }],
  });
  const admin = t.rt.kafka.admin();
  await admin.connect();
  try {
    // Wait until the projection's consumer group has committed past the redelivered message.
    await eventually(
      async () => {
        const offsets = await admin.fetchOffsets({
          groupId: `${t.prefix}.assistance.registry-projection`,
          topics: [topic],
        });
        const p = offsets[0]?.partitions.find((x) => x.partition === sent!.partition);
        expect(BigInt(p?.offset ?? '-1')).toBeGreaterThan(BigInt(sent!.baseOffset ?? '0'));
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } finally {
    await admin.disconnect();
  }
  expect(await projected(id!)).toEqual(before);
  expect(await t.rt.conn.collection('processed_events').countDocuments()).toBe(processedBefore);
});

test('the projection rebuilt from the registry snapshot equals the one built from events', async () => {
  for (const [no, village, seq] of [
    ['KF-0002', VILLAGE_A2, 2],
    ['KF-0003', VILLAGE_B1, 3],
  ] as const)
    ids.push((await registerInRegistry(t, no, village, seq, { status: 'marginal' })).id);
  const withTwo = await request(t.registry!.app)
    .post(`/households/${ids[1]}/members`)
    .set(as(t.tokens.county))
    .send({ name: '子女2', idNumber: idNumber('2010-03-03', 102), relation: 'son' });
  const removed = await request(t.registry!.app)
    .post(`/households/${ids[1]}/members/${withTwo.body.members[1].id}/remove`)
    .set(as(t.tokens.county))
    .send({ reason: '外出务工迁出' });
  expect(removed.status).toBe(200);
  await eventually(
    async () => {
      const h = await projected(ids[1]!);
      expect(h?.members.map((m) => m.status).sort()).toEqual(['active', 'removed']);
      expect(await projected(ids[2]!)).not.toBeNull();
    },
    { timeoutMs: 60_000 },
  );

  // A second instance that never consumed anything rebuilds from the snapshot alone.
  const fresh = await startAssistance({
    consume: false,
    issuer: t.issuer,
    env: { REGISTRY_URL: t.registryUrl },
  });
  try {
    const res = await request(fresh.app).post('/projection/rebuild').set(as(t.tokens.county));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ households: 3, members: 5, changed: 3 });
    const normalise = (rows: ProjectedHousehold[]) =>
      rows
        .map(({ seq: _s, projectedAt: _p, members, ...rest }) => ({
          ...rest,
          members: members.map(({ at: _a, ...m }) => m).sort((a, b) => a.id.localeCompare(b.id)),
        }))
        .sort((a, b) => a._id.localeCompare(b._id));
    const fromEvents = normalise(
      await t.assistance.models.projected.find().lean<ProjectedHousehold[]>(),
    );
    const fromSnapshot = normalise(
      await fresh.assistance.models.projected.find().lean<ProjectedHousehold[]>(),
    );
    expect(fromSnapshot).toEqual(fromEvents);
    expect(fromSnapshot).toHaveLength(3);

    // Rebuilding again over an up-to-date projection changes nothing.
    const again = await request(fresh.app).post('/projection/rebuild').set(as(t.tokens.county));
    expect(again.body.changed).toBe(0);
    const status = await request(fresh.app).get('/projection/status').set(as(t.tokens.county));
    expect(status.body).toMatchObject({ households: 3, pending: 0 });
  } finally {
    await fresh.close();
  }
});

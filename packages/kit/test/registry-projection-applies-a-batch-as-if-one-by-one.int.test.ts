import type { Envelope } from '@fupin/contracts';
import { HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import type { Connection } from 'mongoose';
import {
  type ProjectedHousehold,
  projectedHouseholdModel,
  type ProjectedHouseholdModel,
  type ProjectionChange,
  REGISTERED_HOUSEHOLDS,
  RegistryProjection,
  Shutdown,
  topicName,
} from '../src';
import { kitContext } from './fixtures/context';
import {
  added,
  household,
  member,
  memberUpdated,
  registered,
  removed,
  updated,
} from './fixtures/registry-events';

let ctx: Awaited<ReturnType<typeof kitContext>>;
let other: Connection;

beforeAll(async () => {
  ctx = await kitContext([HouseholdRegistered.topic, MemberAdded.topic]);
  other = ctx.conn.useDb(`${ctx.dbName}_b`);
});
afterAll(async () => {
  await other.dropDatabase().catch(() => undefined);
  await ctx.close();
});

/** A projection of its own (fresh collection in `conn`), recording the changes it reports. */
async function projectionIn(conn: Connection) {
  const model = projectedHouseholdModel(conn);
  await model.deleteMany({});
  const changes: ProjectionChange[] = [];
  const projection = new RegistryProjection({
    model,
    logger: ctx.logger,
    onChanges: async (cs) => {
      changes.push(...cs);
    },
  });
  return { model, projection, changes };
}

/** What a household says, without the bookkeeping of how it was written. */
async function facts(model: ProjectedHouseholdModel) {
  const docs = await model.find({}).sort({ _id: 1 }).lean<ProjectedHousehold[]>();
  return docs.map(({ seq: _s, projectedAt: _p, ...d }) => d);
}

/** A deterministic shuffle (the same order every run, no order a producer would keep). */
function shuffled<T>(items: T[], seed = 7): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Revisions out of order, members before households, updates, removals and repeats. */
function countyOfEvents(households: number): Envelope[] {
  const events: Envelope[] = [];
  for (let h = 1; h <= households; h++) {
    const id = `h${h}`;
    events.push(registered(household(id, 1)));
    events.push(
      updated(household(id, 2, { status: 'exited', exitYear: 2020 }), '2024-02-01T00:00Z'),
    );
    events.push(
      updated(household(id, 3, { perCapitaIncomeFen: 900_000 + h }), '2024-03-01T00:00Z'),
    );
    for (let m = 1; m <= 3; m++) {
      const mem = member(`${id}m${m}`, id, { name: `成员${h}-${m}` });
      events.push(added(mem, `2024-01-0${m}T00:00Z`));
      if (m === 2) events.push(memberUpdated({ ...mem, name: `改名${h}` }, '2024-02-02T00:00Z'));
      if (m === 3 && h % 2 === 0) events.push(removed(mem, '2024-02-03T00:00Z'));
    }
  }
  // Every tenth event is delivered twice.
  return shuffled([...events, ...events.filter((_, i) => i % 10 === 0)]);
}

test('a bulk of N events yields the same projection as the N events applied one by one', async () => {
  const events = countyOfEvents(40);
  const single = await projectionIn(ctx.conn);
  const bulk = await projectionIn(other);

  for (const e of events) await single.projection.apply(e);
  const changed = await bulk.projection.applyMany(events);

  expect(events.length).toBeGreaterThan(300);
  expect(changed).toHaveLength(40);
  const expected = await facts(single.model);
  expect(expected).toHaveLength(40);
  expect(await facts(bulk.model)).toEqual(expected);
  // One change per household for the whole batch, from nothing to its final state.
  expect(bulk.changes).toHaveLength(40);
  expect(bulk.changes.every((c) => c.before === null && c.after.seq === 1)).toBe(true);
  // Applying the whole batch again changes nothing.
  expect(await bulk.projection.applyMany(events)).toEqual([]);
  expect(bulk.changes).toHaveLength(40);
});

test('members that come before their household, in one batch or across batches, end right', async () => {
  const { model, projection } = await projectionIn(ctx.conn);
  const m1 = member('a1', 'ha');
  const m2 = member('a2', 'ha', { relation: 'spouse' });
  const m3 = member('b1', 'hb');

  // Across batches: the members' batch first, the household's later.
  await projection.applyMany([added(m1, '2024-01-02T00:00Z'), added(m2, '2024-01-02T00:00Z')]);
  expect(await model.countDocuments({ _id: 'ha', ...REGISTERED_HOUSEHOLDS })).toBe(0);
  expect(await model.countDocuments({ _id: 'ha', revision: 0 })).toBe(1);
  await projection.applyMany([registered(household('ha', 1))]);
  // In one batch: the member, its removal, the household, then an older copy of the member.
  await projection.applyMany([
    added(m3, '2024-01-02T00:00Z'),
    removed(m3, '2024-02-01T00:00Z'),
    registered(household('hb', 1)),
    added(m3, '2024-01-15T00:00Z'),
  ]);

  const ha = await model.findOne({ _id: 'ha', ...REGISTERED_HOUSEHOLDS }).lean();
  expect(ha?.members.map((m) => [m.id, m.status])).toEqual([
    ['a1', 'active'],
    ['a2', 'active'],
  ]);
  expect(ha?.householdNo).toBe('HH-ha');
  const hb = await model.findOne({ _id: 'hb', ...REGISTERED_HOUSEHOLDS }).lean();
  expect(hb?.members.map((m) => [m.id, m.status])).toEqual([['b1', 'removed']]);
});

test('a registration that carries its members is written once, and the member events after it change nothing', async () => {
  const { model, projection, changes } = await projectionIn(ctx.conn);
  const m1 = member('c1', 'hc');
  const m2 = member('c2', 'hc', { relation: 'spouse' });

  await projection.applyMany([registered(household('hc', 1), '2024-01-02T00:00Z', [m1, m2])]);
  const written = await model.findOne({ _id: 'hc', ...REGISTERED_HOUSEHOLDS }).lean();
  expect(written?.members.map((m) => m.id)).toEqual(['c1', 'c2']);
  expect(written?.seq).toBe(1);

  // The member topic's events of the same registration come after (another topic, batch).
  await projection.applyMany([added(m1, '2024-01-02T00:00Z'), added(m2, '2024-01-02T00:00Z')]);
  const after = await model.findOne({ _id: 'hc' }).lean();
  expect(after?.seq).toBe(1);
  expect(changes.map((c) => c.householdId)).toEqual(['hc']);
});

test('two batches racing on the same households both land', async () => {
  const { model, projection } = await projectionIn(ctx.conn);
  await projection.applyMany([registered(household('r1', 1)), registered(household('r2', 1))]);

  // Both read the same seq; one guarded write loses and goes through the optimistic path.
  await Promise.all([
    projection.applyMany([
      added(member('r1m1', 'r1'), '2024-01-02T00:00Z'),
      updated(household('r2', 2, { status: 'exited' }), '2024-02-01T00:00Z'),
    ]),
    projection.applyMany([
      added(member('r1m2', 'r1'), '2024-01-02T00:00Z'),
      added(member('r2m1', 'r2'), '2024-01-02T00:00Z'),
    ]),
  ]);

  const r1 = await model.findById('r1').lean();
  const r2 = await model.findById('r2').lean();
  expect(r1?.members.map((m) => m.id).sort()).toEqual(['r1m1', 'r1m2']);
  expect(r2?.status).toBe('exited');
  expect(r2?.members.map((m) => m.id)).toEqual(['r2m1']);
});

test('a batch with a redelivered event changes nothing twice', async () => {
  const { model, projection, changes } = await projectionIn(ctx.conn);
  const handed: string[] = [];
  const batchSizes: number[] = [];
  const applyMany = projection.applyMany.bind(projection);
  jest.spyOn(projection, 'applyMany').mockImplementation(async (events) => {
    batchSizes.push(events.length);
    handed.push(...events.map((e) => e.id));
    return applyMany(events);
  });
  const send = (topic: string, events: Envelope[]) =>
    ctx.producer.send({
      topic: topicName(ctx.prefix, topic),
      acks: -1,
      messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
    });
  const k1 = registered(household('k1', 1));
  const k2 = registered(household('k2', 1));
  const k1v2 = updated(household('k1', 2, { status: 'exited' }), '2024-02-01T00:00Z');
  const km = added(member('k1m1', 'k1'), '2024-01-02T00:00Z');
  // Published before the consumer starts, so they are fetched together: repeats in one batch.
  await send(HouseholdRegistered.topic, [k1, k2, k1, k1v2, k2]);
  await send(MemberAdded.topic, [km, km]);

  const shutdown = new Shutdown(ctx.logger);
  await projection.start(
    {
      kafka: ctx.kafka,
      conn: ctx.conn,
      producer: ctx.producer,
      logger: ctx.logger,
      shutdown,
      topic: (t) => topicName(ctx.prefix, t),
      config: { KAFKA_TOPIC_PREFIX: ctx.prefix, CONSUMER_MAX_ATTEMPTS: 3 },
    },
    { groupId: `${ctx.prefix}-redelivery` },
  );
  try {
    await eventually(async () => {
      const k1doc = await model.findById('k1').lean();
      expect(k1doc?.revision).toBe(2);
      expect(k1doc?.members).toHaveLength(1);
      expect(await model.countDocuments({ _id: 'k2', ...REGISTERED_HOUSEHOLDS })).toBe(1);
    });
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    const before = await model.find({}).sort({ _id: 1 }).lean();
    const changesBefore = changes.length;

    // The same events delivered again (a producer's retry), then a new one to know they were read.
    await send(HouseholdRegistered.topic, [k1v2, k2, registered(household('k3', 1))]);
    await send(MemberAdded.topic, [km]);
    await eventually(async () =>
      expect(await model.countDocuments({ _id: 'k3', ...REGISTERED_HOUSEHOLDS })).toBe(1),
    );

    // Every distinct event was handed to the projection once, however often it was delivered.
    expect([...handed].sort()).toEqual([k1.id, k2.id, k1v2.id, km.id, handed.at(-1)].sort());
    const after = await model
      .find({ _id: { $ne: 'k3' } })
      .sort({ _id: 1 })
      .lean();
    expect(after).toEqual(before);
    expect(changes.slice(changesBefore).map((c) => c.householdId)).toEqual(['k3']);
  } finally {
    await shutdown.run('test end');
  }
});

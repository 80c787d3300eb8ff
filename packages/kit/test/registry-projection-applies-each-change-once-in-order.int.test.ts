import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HouseholdRegistered, MemberAdded } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  projectedHouseholdModel,
  type ProjectedHouseholdModel,
  type ProjectionChange,
  REGISTERED_HOUSEHOLDS,
  RegistryProjection,
  Shutdown,
  topicName,
} from '../src';
import { kitContext } from './fixtures/context';
import { added, household, member, registered, removed, updated } from './fixtures/registry-events';

let ctx: Awaited<ReturnType<typeof kitContext>>;
let model: ProjectedHouseholdModel;
const changes: ProjectionChange[] = [];
let projection: RegistryProjection;

beforeAll(async () => {
  ctx = await kitContext();
  model = projectedHouseholdModel(ctx.conn);
  await model.createCollection();
  await model.createIndexes();
  projection = new RegistryProjection({
    model,
    logger: ctx.logger,
    onChange: async (c) => {
      changes.push(c);
    },
  });
});
afterAll(async () => {
  await ctx.close();
});
beforeEach(async () => {
  changes.length = 0;
  await model.deleteMany({});
});

test('a repeated event and an older revision change nothing', async () => {
  const first = registered(household('h1', 1));
  expect(await projection.apply(first)).toBe(true);
  expect(await projection.apply(first)).toBe(false);
  expect(
    await projection.apply(updated(household('h1', 3, { status: 'exited' }), '2024-03-01T00:00Z')),
  ).toBe(true);
  // Revision 2 arrives late: the projection keeps revision 3.
  expect(
    await projection.apply(
      updated(household('h1', 2, { status: 'unstable' }), '2024-02-01T00:00Z'),
    ),
  ).toBe(false);
  const doc = await model.findById('h1').lean();
  expect(doc).toMatchObject({ status: 'exited', revision: 3, householdNo: 'HH-h1' });
  expect(changes.map((c) => c.eventType)).toEqual([
    'registry.household.registered',
    'registry.household.updated',
  ]);
  expect(changes[1]?.before?.status).toBe('in_poverty');
});

test('members arriving before their household are kept and the household fills in later', async () => {
  const m = member('m1', 'h2');
  expect(await projection.apply(added(m, '2024-01-01T00:00:01Z'))).toBe(true);
  expect(await model.countDocuments({ _id: 'h2', ...REGISTERED_HOUSEHOLDS })).toBe(0);
  expect(await projection.apply(registered(household('h2', 1)))).toBe(true);
  const doc = await model.findOne({ _id: 'h2', ...REGISTERED_HOUSEHOLDS }).lean();
  expect(doc?.members.map((x) => [x.id, x.status])).toEqual([['m1', 'active']]);
  // An older member event after a newer one is ignored.
  expect(await projection.apply(removed(m, '2024-02-01T00:00Z'))).toBe(true);
  expect(await projection.apply(added(m, '2024-01-15T00:00Z'))).toBe(false);
  const after = await model.findById('h2').lean();
  expect(after?.members[0]?.status).toBe('removed');
});

test('the consumer applies events from Kafka once, however often they are delivered', async () => {
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
    { groupId: `${ctx.prefix}-projection` },
  );
  try {
    const h = registered(household('h3', 1));
    const m = added(member('m3', 'h3'), '2024-01-02T00:00Z');
    const send = (topic: string, e: { aggregateId: string }) =>
      ctx.producer.send({
        topic: topicName(ctx.prefix, topic),
        acks: -1,
        messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
      });
    await send(HouseholdRegistered.topic, h);
    await send(MemberAdded.topic, m);
    await send(HouseholdRegistered.topic, h);
    await send(MemberAdded.topic, m);
    await eventually(async () => {
      const doc = await model.findById('h3').lean();
      expect(doc?.revision).toBe(1);
      expect(doc?.members).toHaveLength(1);
    });
    // Every delivery is in; only the two distinct events changed anything.
    await eventually(async () => expect(changes).toHaveLength(2));
    expect(changes.map((c) => c.eventType).sort()).toEqual([
      'registry.household.registered',
      'registry.member.added',
    ]);
  } finally {
    await shutdown.run('test end');
  }
});

test('a rebuild from the snapshot equals the projection built from events', async () => {
  const h = household('h4', 2, { status: 'exited' });
  const members = [member('m4', 'h4'), member('m5', 'h4', { name: '李四', relation: 'spouse' })];
  await projection.apply(registered(household('h4', 1)));
  await projection.apply(updated(h, '2024-03-01T00:00Z'));
  for (const m of members) await projection.apply(added(m, '2024-03-02T00:00Z'));
  const fromEvents = await model.findById('h4').lean();

  const auths: string[] = [];
  const server = http.createServer((req, res) => {
    auths.push(req.headers.authorization ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    res.setHeader('content-type', 'application/x-ndjson');
    if (!url.searchParams.get('after')) {
      res.end(
        `${JSON.stringify({ kind: 'household', household: h, members })}\n` +
          `${JSON.stringify({ kind: 'end', count: 1, next: 'page2' })}\n`,
      );
    } else {
      res.end(`${JSON.stringify({ kind: 'end', count: 0, next: null })}\n`);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await model.deleteMany({});
    const result = await projection.rebuild({
      registryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authorization: 'Bearer caller-token',
    });
    expect(result).toEqual({ households: 1, members: 2, changed: 1 });
    expect(auths).toEqual(['Bearer caller-token', 'Bearer caller-token']);
    const rebuilt = await model.findById('h4').lean();
    const facts = (d: typeof rebuilt) => ({
      ...d,
      seq: undefined,
      projectedAt: undefined,
      members: d?.members.map((m) => ({ ...m, at: undefined })),
    });
    expect(facts(rebuilt)).toEqual(facts(fromEvents));
    // Rebuilding again over an up-to-date projection changes nothing.
    await model.deleteMany({});
    await projection.rebuild({
      registryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authorization: 'Bearer caller-token',
    });
    const again = await projection.rebuild({
      registryUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      authorization: 'Bearer caller-token',
    });
    expect(again.changed).toBe(0);
  } finally {
    server.close();
  }
});

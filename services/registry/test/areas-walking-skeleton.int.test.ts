import { AreaCreated, type Envelope } from '@fupin/contracts';
import { EventConsumer, type ServiceRuntime } from '@fupin/kit';
import { eventually } from '@fupin/testing';
import { Schema } from 'mongoose';
import request from 'supertest';
import {
  COUNTY,
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from './fixtures/registry';

let t: TestRegistry;
let rt: ServiceRuntime;
let app: TestRegistry['app'];
let countyAdmin: string;
let townshipA: string;
let townshipReader: string;

beforeAll(async () => {
  t = await startRegistry();
  ({ rt, app } = t);
  countyAdmin = t.tokens.county;
  townshipA = t.tokens.townshipA;
  townshipReader = t.tokens.townshipAReader;
});

afterAll(async () => {
  await t.close();
});

const post = (token: string, body: unknown) =>
  request(app)
    .post('/areas')
    .set('authorization', `Bearer ${token}`)
    .send(body as object);

test('areas are created down the tree, scoped by area, and refused with clear problems', async () => {
  expect((await post(countyAdmin, { code: COUNTY, name: '桃源县' })).status).toBe(201);
  expect((await post(countyAdmin, { code: TOWNSHIP_A, name: '漳江街道' })).status).toBe(201);
  expect((await post(countyAdmin, { code: TOWNSHIP_B, name: '陬市镇' })).status).toBe(201);
  const village = await post(townshipA, { code: VILLAGE_A1, name: '桃花源村' });
  expect(village.status).toBe(201);
  expect(village.body).toMatchObject({
    id: VILLAGE_A1,
    level: 'village',
    parentCode: TOWNSHIP_A,
    status: 'active',
    revision: 1,
    createdBy: 'u-town-a',
  });

  // Refusals
  const dup = await post(countyAdmin, { code: TOWNSHIP_A, name: 'again' });
  expect({ status: dup.status, code: dup.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_AREA_EXISTS',
  });
  const orphan = await post(countyAdmin, { code: '431121103201', name: '无上级村' });
  expect({ status: orphan.status, code: orphan.body.code }).toEqual({
    status: 422,
    code: 'REGISTRY_AREA_PARENT_MISSING',
  });
  const structural = await post(countyAdmin, { code: '431121000201', name: '没有乡镇的村' });
  expect({ status: structural.status, code: structural.body.code }).toEqual({
    status: 422,
    code: 'REGISTRY_AREA_CODE_INVALID',
  });
  expect(structural.body.errors[0]).toMatchObject({ field: 'code', code: 'AREA_CODE_STRUCTURE' });
  const bad = await post(countyAdmin, { code: '4311', name: '' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'name']);
  const outside = await post(townshipA, { code: '431121102201', name: '别的镇的村' });
  expect({ status: outside.status, code: outside.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  const noRight = await post(townshipReader, { code: '431121101202', name: '只读用户' });
  expect({ status: noRight.status, code: noRight.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });

  // Scope on reads: township A sees itself and its village only.
  const list = await request(app)
    .get('/areas')
    .query({ sort: '["code","ASC"]', range: '[0,9]' })
    .set('authorization', `Bearer ${townshipA}`);
  expect(list.status).toBe(200);
  expect(list.body.map((a: { code: string }) => a.code)).toEqual([TOWNSHIP_A, VILLAGE_A1]);
  expect(list.headers['content-range']).toBe('areas 0-1/2');
  const other = await request(app)
    .get(`/areas/${TOWNSHIP_B}`)
    .set('authorization', `Bearer ${townshipA}`);
  expect({ status: other.status, code: other.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });

  const countyList = await request(app)
    .get('/areas')
    .query({ filter: '{"level":"township"}', sort: '["name","DESC"]' })
    .set('authorization', `Bearer ${countyAdmin}`);
  // 陬 (U+966C) sorts after 漳 (U+6F33): descending puts township B first.
  expect(countyList.body.map((a: { code: string }) => a.code)).toEqual([TOWNSHIP_B, TOWNSHIP_A]);
  expect(countyList.headers['content-range']).toBe('areas 0-1/2');

  const injection = await request(app)
    .get('/areas')
    .query({ filter: '{"status":{"$gt":""}}' })
    .set('authorization', `Bearer ${countyAdmin}`);
  expect({ status: injection.status, code: injection.body.code }).toEqual({
    status: 400,
    code: 'LIST_FILTER_INVALID',
  });
});

test('retiring a township with active villages is refused; a stale revision is refused', async () => {
  const retire = await request(app)
    .put(`/areas/${TOWNSHIP_A}`)
    .set('authorization', `Bearer ${countyAdmin}`)
    .send({ status: 'retired' });
  expect({ status: retire.status, code: retire.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_AREA_HAS_CHILDREN',
  });
  const renamed = await request(app)
    .put(`/areas/${VILLAGE_A1}`)
    .set('authorization', `Bearer ${townshipA}`)
    .send({ name: '桃花源村（新）', revision: 1 });
  expect(renamed.status).toBe(200);
  expect(renamed.body.revision).toBe(2);
  const stale = await request(app)
    .put(`/areas/${VILLAGE_A1}`)
    .set('authorization', `Bearer ${townshipA}`)
    .send({ name: '又改名', revision: 1 });
  expect({ status: stale.status, code: stale.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_AREA_STALE',
  });
});

test('a second consumer receives every area event through the outbox exactly once in effect', async () => {
  interface Projected {
    _id: string;
    name: string;
    applied: number;
  }
  const Projection = rt.conn.model<Projected>(
    'ProjectedArea',
    new Schema<Projected>({ _id: String, name: String, applied: Number }),
  );
  const received: Envelope[] = [];
  const consumer = new EventConsumer({
    kafka: rt.kafka,
    conn: rt.conn,
    producer: rt.producer,
    groupId: `${rt.config.KAFKA_TOPIC_PREFIX}-projection`,
    topics: [AreaCreated.topic],
    topicPrefix: rt.config.KAFKA_TOPIC_PREFIX,
    logger: rt.logger,
    handle: async (e) => {
      received.push(e);
      const { area } = e.payload as { area: { code: string; name: string } };
      await Projection.updateOne(
        { _id: area.code },
        { $set: { name: area.name }, $inc: { applied: 1 } },
        { upsert: true },
      );
    },
  });
  await consumer.start();
  try {
    // 4 created + 1 renamed, published by the relay.
    await eventually(() => expect(received).toHaveLength(5), { timeoutMs: 30_000 });
    expect(
      received
        .filter((e) => e.type === 'registry.area.created')
        .map((e) => e.aggregateId)
        .sort(),
    ).toEqual([COUNTY, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1].sort());
    const renamed = received.find((e) => e.type === 'registry.area.updated');
    expect(renamed?.payload).toMatchObject({ changed: ['name'], area: { name: '桃花源村（新）' } });
    expect(renamed?.actor).toEqual({ kind: 'user', id: 'u-town-a', name: '漳江街道' });

    // Redeliver every event (as after a consumer crash before committing offsets).
    const topic = rt.topic(AreaCreated.topic);
    await rt.producer.send({
      topic,
      acks: -1,
      messages: received.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
    });
    // A marker event after the replays proves they were all consumed.
    expect((await post(countyAdmin, { code: '431121102201', name: '陬市村' })).status).toBe(201);
    await eventually(() => expect(received.map((e) => e.aggregateId)).toContain('431121102201'), {
      timeoutMs: 30_000,
    });
    await eventually(async () => expect(await Projection.countDocuments()).toBe(5));

    const village = await Projection.findById(VILLAGE_A1).lean();
    expect(village).toMatchObject({ name: '桃花源村（新）', applied: 2 });
    const county = await Projection.findById(COUNTY).lean();
    expect(county?.applied).toBe(1);
    expect(received).toHaveLength(6);
  } finally {
    await consumer.stop();
  }
});

test('the OpenAPI document and the metrics are served; readiness checks Mongo, Kafka and Redis', async () => {
  const doc = await request(app).get('/openapi.json');
  expect(doc.status).toBe(200);
  expect(doc.body.openapi).toBe('3.1.0');
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/areas', '/areas/{code}']));
  const ready = await request(app).get('/readyz');
  expect(ready.status).toBe(200);
  expect(ready.body.checks.map((c: { name: string }) => c.name)).toEqual([
    'mongo',
    'kafka',
    'redis',
  ]);
  const metrics = await request(app).get('/metrics');
  expect(metrics.text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/areas"/);
});

import {
  type Envelope,
  MonitoringWarningDecided,
  MonitoringWarningRaised,
  validateEvent,
} from '@fupin/contracts';
import type { OutboxEntry } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { warningModel } from '../src/monitoring/warning.model';
import {
  startRegistry,
  testClock,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// 防返贫预警 published through the warning's own outbox (registry.monitoring_warning.v1, keyed by
// the warning id): a screening's new warning stores one `raised` event with it, a later screening's
// update stores none, and a decision stores one `decided` event in the same write, on time when
// made at or before the deadline `dueAt` (by default the end of the due day in Asia/Shanghai). The
// relay then publishes them.

const clock = testClock('2026-03-02T02:00:00Z');
let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  // Held, so what each write stored stays in the outbox to be read.
  await t.registry.relay.stop();
});
afterAll(async () => {
  await t.close();
});

async function screen() {
  const res = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
  expect(res.status).toBe(202);
  await eventually(
    async () => {
      const got = await request(t.app)
        .get(`/monitoring/screenings/${res.body.id}`)
        .set(as(t.tokens.county));
      expect({ status: got.body.status, error: got.body.error }).toEqual({
        status: 'done',
        error: null,
      });
    },
    { timeoutMs: 60_000 },
  );
}

/** Each warning's stored events, parsed and checked against their contract and topic. */
async function outboxes(): Promise<Map<string, Envelope[]>> {
  const docs = await warningModel(t.rt.conn)
    .find({}, { householdId: 1, outbox: 1 })
    .select('+outbox')
    .lean();
  return new Map(
    docs.map((d) => [
      d._id,
      (d.outbox ?? []).map((e: OutboxEntry) => {
        expect({ topic: e.topic, key: e.key }).toEqual({
          topic: MonitoringWarningRaised.topic,
          key: d._id,
        });
        return validateEvent(JSON.parse(e.value), e.topic);
      }),
    ]),
  );
}

test('a new warning stores one raised event, an update none, and a decision one decided event', async () => {
  // Incomes of ¥4,000 a person in 2019, below its monitoring line (1.5 × ¥3,747): both warn.
  const h1 = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  const h2 = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  await screen();
  const list = await request(t.app).get('/monitoring/warnings').set(as(t.tokens.county));
  const warnings = list.body as { id: string; householdId: string; dueOn: string; dueAt: string }[];
  expect(warnings.map((w) => w.householdId).sort()).toEqual([h1.id, h2.id].sort());
  // 10:00 on 2 March in Shanghai, and 15 days to verify: until the end of 17 March there.
  expect(warnings.map((w) => w.dueOn)).toEqual(['2026-03-17', '2026-03-17']);
  expect(warnings.map((w) => w.dueAt)).toEqual([
    '2026-03-17T15:59:59.999Z',
    '2026-03-17T15:59:59.999Z',
  ]);
  expect(JSON.stringify(list.body)).not.toMatch(/outbox/i);
  const w1 = warnings.find((w) => w.householdId === h1.id)!;
  const w2 = warnings.find((w) => w.householdId === h2.id)!;

  let stored = await outboxes();
  for (const w of [w1, w2]) {
    expect(stored.get(w.id)).toHaveLength(1);
    expect(stored.get(w.id)![0]).toMatchObject({
      type: MonitoringWarningRaised.type,
      aggregateId: w.id,
      areaCode: VILLAGE_A1,
      occurredAt: '2026-03-02T02:00:00.000Z',
      actor: { kind: 'system' },
      payload: {
        warningId: w.id,
        householdId: w.householdId,
        areaCode: VILLAGE_A1,
        townshipCode: TOWNSHIP_A,
        signals: ['income_below_monitoring_line'],
        raisedAt: '2026-03-02T02:00:00.000Z',
        dueAt: '2026-03-17T15:59:59.999Z',
        dueOn: '2026-03-17',
      },
    });
  }

  // A later screening updates the open warnings: nothing more to publish.
  clock.set('2026-03-10T02:00:00Z');
  await screen();
  stored = await outboxes();
  expect([...stored.values()].map((events) => events.length)).toEqual([1, 1]);

  // Confirmed at 23:30 on the due day in Shanghai: before the deadline, on time.
  clock.set('2026-03-17T15:30:00Z');
  const confirmed = await request(t.app)
    .post(`/monitoring/warnings/${w1.id}/confirm`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '入户核实：收入低于监测线', evidence: ['入户核实照片-001'] });
  expect(confirmed.status).toBe(200);
  expect(Object.keys(confirmed.body)).not.toContain('hasOutbox');
  // Dismissed at 00:30 the next day in Shanghai (still the due day in UTC): past it, late.
  clock.set('2026-03-17T16:30:00Z');
  const dismissed = await request(t.app)
    .post(`/monitoring/warnings/${w2.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '务工收入未登记，核实后高于监测线', evidence: ['工资流水-002'] });
  expect(dismissed.status).toBe(200);

  stored = await outboxes();
  const decidedOf = (id: string) => {
    const events = stored.get(id)!;
    expect(events.map((e) => e.type)).toEqual([
      MonitoringWarningRaised.type,
      MonitoringWarningDecided.type,
    ]);
    return events[1]!;
  };
  expect(decidedOf(w1.id)).toMatchObject({
    aggregateId: w1.id,
    actor: { kind: 'user', id: 'u-town-a' },
    payload: {
      warningId: w1.id,
      householdId: h1.id,
      areaCode: VILLAGE_A1,
      townshipCode: TOWNSHIP_A,
      decision: 'confirmed',
      raisedAt: '2026-03-02T02:00:00.000Z',
      decidedAt: '2026-03-17T15:30:00.000Z',
      dueAt: '2026-03-17T15:59:59.999Z',
      dueOn: '2026-03-17',
      onTime: true,
    },
  });
  expect(decidedOf(w2.id)).toMatchObject({
    payload: {
      warningId: w2.id,
      decision: 'dismissed',
      decidedAt: '2026-03-17T16:30:00.000Z',
      dueAt: '2026-03-17T15:59:59.999Z',
      dueOn: '2026-03-17',
      onTime: false,
    },
  });

  // Published by the relay, keyed by the warning id; the outboxes empty.
  const collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(MonitoringWarningRaised.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-warning-collector`,
  );
  try {
    t.registry.relay.start();
    await eventually(
      () => {
        const got = collector.messages.map((m) => [m.key, JSON.parse(m.value ?? '{}').type]);
        expect(got.filter(([key]) => key === w1.id)).toEqual([
          [w1.id, MonitoringWarningRaised.type],
          [w1.id, MonitoringWarningDecided.type],
        ]);
        expect(got.filter(([key]) => key === w2.id)).toHaveLength(2);
      },
      { timeoutMs: 30_000 },
    );
    await eventually(async () => {
      const left = await warningModel(t.rt.conn).countDocuments({ hasOutbox: true });
      expect(left).toBe(0);
    });
  } finally {
    await collector.stop();
  }
});

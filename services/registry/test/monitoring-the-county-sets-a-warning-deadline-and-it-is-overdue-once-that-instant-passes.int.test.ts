import {
  type Envelope,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
  MonitoringWarningRaised,
  validateEvent,
} from '@fupin/contracts';
import type { OutboxEntry } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import { warningModel } from '../src/monitoring/warning.model';
import { startRegistry, type TestRegistry, TOWNSHIP_A, VILLAGE_A1 } from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// 督办: the county poverty office sets an open warning's deadline, an instant later than now, with
// a reason (PUT /monitoring/warnings/{id}/due). Only a county user with registry.approve may, only
// on an open warning; the warning's history keeps it and its outbox holds `due_changed`. Once the
// instant passes unverified the warning is overdue: in its view, in the overdue filter and in the
// statistics; decided after it, it was not verified on time.

// The registry's clock runs from 10:00 on 2 March 2026 in Shanghai, in step with the real one.
const START = Date.parse('2026-03-02T02:00:00Z');
const t0 = Date.now();
const now = () => new Date(START + (Date.now() - t0));
let t: TestRegistry;
let approverOfTownshipA: string;
const REASON = '县扶贫办督办：请于限期内入户核实';

type Warning = {
  id: string;
  householdId: string;
  status: string;
  dueAt: string;
  dueOn: string;
  overdue: boolean;
  revision: number;
  events: {
    action: string;
    note: string | null;
    actorName: string;
    dueBefore?: string;
    dueAfter?: string;
  }[];
};
let w1: Warning;
let w2: Warning;
let w3: Warning;

beforeAll(async () => {
  t = await startRegistry({ now });
  await createAreas(t);
  // Held, so what each write stored stays in the outbox to be read.
  await t.registry.relay.stop();
  approverOfTownshipA = await t.issuer.sign({
    sub: 'u-town-a-approver',
    name: '漳江街道审核',
    area: TOWNSHIP_A,
    rights: { registry: ['read', 'write', 'approve'] },
  });
  // Incomes of ¥4,000 a person in 2019, below its monitoring line: all three warn.
  const households = [];
  for (let i = 0; i < 3; i++)
    households.push(await registerHousehold(t, { status: 'exited', exitYear: 2018 }));
  const run = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
  expect(run.status).toBe(202);
  await eventually(
    async () => {
      const got = await request(t.app)
        .get(`/monitoring/screenings/${run.body.id}`)
        .set(as(t.tokens.county));
      expect(got.body.status).toBe('done');
    },
    { timeoutMs: 60_000 },
  );
  const list = await request(t.app).get('/monitoring/warnings').set(as(t.tokens.county));
  const of = (h: { id: string }) => (list.body as Warning[]).find((w) => w.householdId === h.id)!;
  [w1, w2, w3] = households.map(of) as [Warning, Warning, Warning];
}, 120_000);
afterAll(async () => {
  await t.close();
});

const setDue = (id: string, token: string, body: Record<string, unknown>) =>
  request(t.app).put(`/monitoring/warnings/${id}/due`).set(as(token)).send(body);
const inSeconds = (s: number) => new Date(now().getTime() + s * 1000);

async function outboxOf(id: string): Promise<Envelope[]> {
  const doc = await warningModel(t.rt.conn).findById(id).select('+outbox').lean();
  return (doc?.outbox ?? []).map((e: OutboxEntry) => {
    expect({ topic: e.topic, key: e.key }).toEqual({
      topic: MonitoringWarningRaised.topic,
      key: id,
    });
    return validateEvent(JSON.parse(e.value), e.topic);
  });
}

async function figuresOfTownshipA() {
  const res = await request(t.app).get('/monitoring/statistics').set(as(t.tokens.county));
  expect(res.status).toBe(200);
  return (res.body.townships as { townshipCode: string }[]).find(
    (f) => f.townshipCode === TOWNSHIP_A,
  );
}

test("a screening's warning is due at the end of its 15th day in Shanghai", () => {
  for (const w of [w1, w2, w3])
    expect(w).toMatchObject({
      status: 'open',
      dueOn: '2026-03-17',
      dueAt: '2026-03-17T15:59:59.999Z',
      overdue: false,
    });
});

test('only a county user with registry.approve sets a deadline, and only a later one', async () => {
  const body = { dueAt: inSeconds(3600).toISOString(), reason: REASON };
  // A township user, even one who approves: the county's action.
  const township = await setDue(w1.id, approverOfTownshipA, body);
  expect(township.status).toBe(403);
  expect(township.body.code).toBe('REGISTRY_WARNING_DUE_COUNTY_ONLY');
  expect((await setDue(w1.id, t.tokens.townshipA, body)).status).toBe(403);
  // A deadline already passed, or now: 422 naming dueAt, in both languages.
  for (const dueAt of [inSeconds(-60).toISOString(), '2026-03-01T17:00:00+08:00']) {
    const past = await setDue(w1.id, t.tokens.county, { dueAt, reason: REASON });
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('REGISTRY_WARNING_DUE_INVALID');
    expect(past.body.errors).toEqual([
      {
        field: 'dueAt',
        code: 'too_small',
        message: {
          'zh-CN': '核实期限须晚于当前时间',
          en: 'The deadline must be later than now',
        },
      },
    ]);
    expect(past.body.message['zh-CN']).toContain('核实期限');
  }
  // An instant without its offset, or a reason too short: the body is refused.
  const noOffset = await setDue(w1.id, t.tokens.county, {
    dueAt: '2026-03-20T17:00:00',
    reason: REASON,
  });
  expect(noOffset.status).toBe(400);
  expect(noOffset.body.errors.map((e: { field: string }) => e.field)).toEqual(['dueAt']);
  const short = await setDue(w1.id, t.tokens.county, { dueAt: body.dueAt, reason: ' 催 ' });
  expect(short.status).toBe(400);
  // Nothing changed, nothing stored.
  const read = await request(t.app).get(`/monitoring/warnings/${w1.id}`).set(as(t.tokens.county));
  expect(read.body).toMatchObject({ dueAt: w1.dueAt, revision: w1.revision });
  expect((await outboxOf(w1.id)).map((e) => e.type)).toEqual([MonitoringWarningRaised.type]);
});

test('a decided warning keeps its deadline: 409', async () => {
  const dismissed = await request(t.app)
    .post(`/monitoring/warnings/${w3.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '务工收入未登记，核实后高于监测线', evidence: ['工资流水-003'] });
  expect(dismissed.status).toBe(200);
  const res = await setDue(w3.id, t.tokens.county, {
    dueAt: inSeconds(3600).toISOString(),
    reason: REASON,
  });
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('REGISTRY_WARNING_DECIDED');
});

test('a deadline 1.5 s ahead: kept and published, then overdue once it passes', async () => {
  const dueAt = inSeconds(1.5);
  const set = await setDue(w1.id, t.tokens.county, {
    // As an office in Shanghai writes it: with its +08:00 offset.
    dueAt: new Date(dueAt.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00'),
    reason: `  ${REASON}  `,
  });
  expect(set.status).toBe(200);
  const w = set.body as Warning;
  expect(w).toMatchObject({
    status: 'open',
    dueAt: dueAt.toISOString(),
    dueOn: shanghaiDateOf(dueAt),
    overdue: false,
    revision: w1.revision + 1,
  });
  expect(w.events.at(-1)).toEqual(
    expect.objectContaining({
      action: 'due_changed',
      note: REASON,
      actorName: '县扶贫办',
      dueBefore: '2026-03-17T15:59:59.999Z',
      dueAfter: dueAt.toISOString(),
    }),
  );
  // Its event in the same write, keyed by the warning.
  const stored = await outboxOf(w1.id);
  expect(stored.map((e) => e.type)).toEqual([
    MonitoringWarningRaised.type,
    MonitoringWarningDueChanged.type,
  ]);
  expect(stored[1]).toMatchObject({
    aggregateId: w1.id,
    areaCode: VILLAGE_A1,
    actor: { kind: 'user', id: 'u-county' },
    payload: {
      warningId: w1.id,
      householdId: w1.householdId,
      areaCode: VILLAGE_A1,
      townshipCode: TOWNSHIP_A,
      dueAt: dueAt.toISOString(),
      dueOn: shanghaiDateOf(dueAt),
      previousDueAt: '2026-03-17T15:59:59.999Z',
      reason: REASON,
    },
  });
  const overdueList = () =>
    request(t.app)
      .get('/monitoring/warnings')
      .query({ filter: JSON.stringify({ overdue: true }) })
      .set(as(t.tokens.county));
  expect((await overdueList()).body).toEqual([]);
  expect(await figuresOfTownshipA()).toMatchObject({ open: 2, overdue: 0 });

  // Once the instant has passed, still open: overdue.
  await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - now().getTime()) + 100));
  const read = await request(t.app).get(`/monitoring/warnings/${w1.id}`).set(as(t.tokens.county));
  expect(read.body).toMatchObject({ status: 'open', overdue: true });
  expect((await overdueList()).body.map((x: Warning) => x.id)).toEqual([w1.id]);
  const notOverdue = await request(t.app)
    .get('/monitoring/warnings')
    .query({ filter: JSON.stringify({ overdue: false }) })
    .set(as(t.tokens.county));
  expect(notOverdue.body.map((x: Warning) => x.id)).not.toContain(w1.id);
  expect(notOverdue.body.map((x: Warning) => x.id)).toContain(w2.id);
  expect(await figuresOfTownshipA()).toMatchObject({ open: 2, overdue: 1 });

  // Confirmed after it: verified, but not on time (w3, dismissed at once, was).
  const confirmed = await request(t.app)
    .post(`/monitoring/warnings/${w1.id}/confirm`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '入户核实：收入低于监测线', evidence: ['入户核实照片-001'] });
  expect(confirmed.status).toBe(200);
  expect(await figuresOfTownshipA()).toMatchObject({
    open: 1,
    overdue: 0,
    verified: 2,
    verifiedOnTime: 1,
  });
  const decided = (await outboxOf(w1.id)).at(-1)!;
  expect(decided).toMatchObject({
    type: MonitoringWarningDecided.type,
    payload: { dueAt: dueAt.toISOString(), onTime: false },
  });
});

test('a warning stored before deadlines were instants is due at the end of its day', async () => {
  const old = {
    _id: 'warning-stored-without-due-at',
    householdId: 'h-old',
    householdNo: 'XT-OLD',
    headName: '旧',
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    householdStatus: 'exited',
    status: 'open',
    signals: [],
    suggestedCategory: 'unstable',
    raisedAt: new Date('2026-02-01T02:00:00Z'),
    dueOn: '2026-02-16',
    lastScreeningId: 'run-old',
    lastScreenedAt: new Date('2026-02-01T02:00:00Z'),
    decision: null,
    events: [],
    revision: 1,
  };
  await t.rt.conn.collection('monitoring_warnings').insertOne(old as never);
  const read = await request(t.app).get(`/monitoring/warnings/${old._id}`).set(as(t.tokens.county));
  expect(read.body).toMatchObject({ dueAt: '2026-02-16T15:59:59.999Z', overdue: true });
  const overdue = await request(t.app)
    .get('/monitoring/warnings')
    .query({ filter: JSON.stringify({ overdue: true }) })
    .set(as(t.tokens.county));
  expect(overdue.body.map((x: Warning) => x.id)).toEqual([old._id]);
  expect(await figuresOfTownshipA()).toMatchObject({ open: 2, overdue: 1 });
  // Its deadline set: now an instant, and its event names the day's end it replaced.
  const dueAt = inSeconds(3600);
  const set = await setDue(old._id, t.tokens.county, {
    dueAt: dueAt.toISOString(),
    reason: REASON,
  });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({ dueAt: dueAt.toISOString(), overdue: false });
  expect((await outboxOf(old._id)).at(-1)).toMatchObject({
    type: MonitoringWarningDueChanged.type,
    payload: { previousDueAt: '2026-02-16T15:59:59.999Z' },
  });
});

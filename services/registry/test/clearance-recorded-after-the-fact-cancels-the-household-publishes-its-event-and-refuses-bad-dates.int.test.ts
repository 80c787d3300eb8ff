import { FindingOutcomeRecorded, HouseholdStatusChanged } from '@fupin/contracts';
import { createLogger, projectedHouseholdModel, RegistryProjection } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { findingRecordModel } from '../src/findings/finding-record.model';
import {
  startRegistry,
  testClock,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// 补录清退 over HTTP: a 清退 the county approved off-line is recorded with its dates and its
// document; the household is cancelled with the run in its workflows and a `clearance.record`
// history entry, the same status_changed event as an approval is published and the household
// projection the other services keep drops it. Bad dates are a bilingual problem+json listing
// every wrong date; a township user may not record.

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');
let observed: Awaited<ReturnType<typeof collectTopics>>;
let projection: ReturnType<typeof projectedHouseholdModel>;

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  observed = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(HouseholdStatusChanged.topic), t.rt.topic(FindingOutcomeRecorded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-clearance-record-obs`,
  );
  projection = projectedHouseholdModel(t.rt.conn);
  const logger = createLogger({ name: 'projection-test', level: 'silent' });
  await new RegistryProjection({ model: projection, logger }).start(t.rt, {
    groupId: `${t.config.KAFKA_TOPIC_PREFIX}-clearance-record-projection`,
  });
});
afterAll(async () => {
  await observed.stop();
  await t.close();
});

const BODY = {
  reason: '经公安交管部门比对，家庭名下有小型轿车一辆',
  appraisedOn: '2025-09-01',
  noticeStartsOn: '2025-09-02',
  noticeEndsOn: '2025-09-09',
  reviewedOn: '2025-09-12',
  approvedOn: '2025-09-20',
  document: '临扶组发〔2025〕31号',
};

const record = (token: string, id: string, body: Record<string, unknown>) =>
  request(t.app).post(`/households/${id}/workflows/clearance/record`).set(as(token)).send(body);

test('a recorded 清退 cancels the household, keeps its dated steps and history, and every projection drops it', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  await eventually(async () => {
    expect(await projection.countDocuments({ _id: h.id, status: 'in_poverty' } as never)).toBe(1);
  });

  const res = await record(t.tokens.county, h.id, BODY);
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ status: 'cancelled', active: null, pending: null });
  const run = res.body.closed.at(-1);
  expect(run).toMatchObject({ kind: 'clearance', outcome: 'approved', fromStatus: 'in_poverty' });
  expect(run.steps.map((s: { action: string }) => s.action)).toEqual([
    'start',
    'appraise',
    'notice',
    'review',
    'approve',
  ]);
  expect(run.steps.at(-1)).toMatchObject({
    at: '2025-09-19T16:00:00.000Z',
    evidence: ['临扶组发〔2025〕31号'],
    actor: { id: 'u-county' },
    details: { recorded: true, document: '临扶组发〔2025〕31号' },
  });

  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.townshipA));
  expect(wf.body).toMatchObject({ status: 'cancelled', closed: [{ id: run.id }] });
  const history = await request(t.app).get(`/households/${h.id}/history`).set(as(t.tokens.county));
  const entry = (history.body as { action: string; reason: string; by?: unknown }[]).find(
    (e) => e.action === 'clearance.record',
  );
  expect(entry?.reason).toContain('补录清退');

  await eventually(() => {
    const events = observed.messages
      .filter((m) => m.key === h.id)
      .map((m) => JSON.parse(m.value!) as { type: string; payload: Record<string, unknown> })
      .filter((e) => e.type === HouseholdStatusChanged.type);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ from: 'in_poverty', to: 'cancelled', workflow: 'clearance' }),
    ]);
  });
  await eventually(async () => {
    expect(await projection.countDocuments({ _id: h.id, status: 'in_poverty' } as never)).toBe(0);
    expect(await projection.countDocuments({ _id: h.id, status: 'cancelled' } as never)).toBe(1);
  });

  // Cancelled already: nothing to clear again.
  expect((await record(t.tokens.county, h.id, BODY)).status).toBe(409);
});

test('bad dates are refused with every wrong date in both languages; nothing is written', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const res = await record(t.tokens.county, h.id, {
    ...BODY,
    noticeEndsOn: '2025-09-05',
    approvedOn: '2026-03-03',
  });
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.code).toBe('REGISTRY_CLEARANCE_RECORD_DATES');
  expect(res.body.message['zh-CN']).toContain('不能晚于今天（2026-03-02）');
  expect(res.body.message.en).toContain('cannot be later than today (2026-03-02)');
  expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
    ['approvedOn', 'not_past'],
  ]);

  const order = await record(t.tokens.county, h.id, { ...BODY, noticeEndsOn: '2025-09-05' });
  expect(order.status).toBe(422);
  expect(order.body.message['zh-CN']).toContain('公示期须满7天（所填为3天）');
  expect(order.body.message.en).toContain('at least 7 days (3 given)');
  expect(order.body.errors.map((e: { field: string }) => e.field)).toEqual(['noticeEndsOn']);

  const badFormat = await record(t.tokens.county, h.id, { ...BODY, approvedOn: '20.9.2025' });
  expect(badFormat.status).toBe(400);
  expect(badFormat.body.errors[0].field).toBe('approvedOn');

  const township = await record(t.tokens.townshipA, h.id, BODY);
  expect(township.status).toBe(403);

  const after = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.county));
  expect(after.body).toMatchObject({ status: 'in_poverty', closed: [] });
});

test('a recorded 清退 for a finding tells matching it was approved, naming the run', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const findingId = 'finding-recorded-1';
  // A finding the registry received earlier (its 清退 then handled off-line).
  await findingRecordModel(t.rt.conn).create({
    _id: findingId,
    rule: 'VEHICLE_OWNER',
    ruleVersion: 1,
    householdId: h.id,
    memberId: null,
    idHash: null,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    state: 'done',
    receivedAt: new Date('2025-08-20T00:00:00Z'),
    eventId: 'event-1',
    outcomes: [],
    lead: null,
  });
  const res = await record(t.tokens.county, h.id, { ...BODY, findingId });
  expect(res.status).toBe(201);
  const run = res.body.closed.at(-1);
  expect(run.findingId).toBe(findingId);
  await eventually(() => {
    const outcomes = observed.messages
      .filter((m) => m.topic === t.rt.topic(FindingOutcomeRecorded.topic) && m.key === findingId)
      .map(
        (m) =>
          (JSON.parse(m.value!) as { payload: { outcome: string; workflowId: string } }).payload,
      );
    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'clearance_approved', workflowId: run.id }),
    ]);
  });
});

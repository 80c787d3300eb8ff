import {
  createEvent,
  type Envelope,
  FindingOutcomeRecorded,
  type FindingSnapshot,
  FindingVerified,
  MemberRemoved,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { createLogger, projectedHouseholdModel, RegistryProjection } from '@fupin/kit';
import { collectTopics, eventually } from '@fupin/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  idNumber,
  startRegistry,
  testClock,
  type TestRegistry,
  TOWNSHIP_A,
  VILLAGE_A1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

// Issue 19, findings flow back: matching's verified findings, published on the real Kafka,
// reach the registry: a death removes the member through the registry's own rules (its
// member.removed event, a history entry naming the finding); a wrong identification opens
// 清退, which, approved through every step, cancels the household (the household projection
// other services keep drops it); a 漏评 opens a candidate lead. The same event twice changes
// nothing twice. Each outcome is published as registry.finding_outcome.recorded.

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');
let observed: Awaited<ReturnType<typeof collectTopics>>;
let projection: ReturnType<typeof projectedHouseholdModel>;

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  observed = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingOutcomeRecorded.topic), t.rt.topic(MemberRemoved.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-findings-obs`,
  );
  // The household projection the other services keep (assessment, matching, support …).
  projection = projectedHouseholdModel(t.rt.conn);
  const logger = createLogger({ name: 'projection-test', level: 'silent' });
  await new RegistryProjection({ model: projection, logger }).start(t.rt, {
    groupId: `${t.config.KAFKA_TOPIC_PREFIX}-projection-obs`,
  });
});
afterAll(async () => {
  await observed.stop();
  await t.close();
});

let n = 0;
function finding(over: Partial<FindingSnapshot>): FindingSnapshot {
  n += 1;
  return {
    id: `finding-${n}-${randomUUID().slice(0, 8)}`,
    rule: 'DECEASED_IN_REGISTRY',
    ruleVersion: 1,
    subject: 'person',
    householdId: null,
    memberId: null,
    idHash: null,
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    status: 'verified',
    conclusion: 'confirmed',
    createdByRunId: 'run-1',
    createdAt: '2026-03-01T00:00:00.000Z',
    dueAt: '2026-03-20T00:00:00.000Z',
    closedAt: null,
    ...over,
  };
}

async function publishVerified(f: FindingSnapshot, conclusion = 'confirmed'): Promise<Envelope> {
  const e = createEvent(FindingVerified, {
    aggregateId: f.id,
    areaCode: f.areaCode,
    actor: SYSTEM_ACTOR,
    payload: { finding: f, conclusion: conclusion as 'confirmed' },
  });
  await publish(e);
  return e;
}
async function publish(e: Envelope) {
  await t.rt.producer.send({
    topic: t.rt.topic(FindingVerified.topic),
    messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
  });
}

function outcomesOf(findingId: string): { outcome: string; workflowId: string | null }[] {
  return observed.messages
    .filter((m) => m.topic === t.rt.topic(FindingOutcomeRecorded.topic) && m.key === findingId)
    .map(
      (m) =>
        (JSON.parse(m.value!) as { payload: { outcome: string; workflowId: string | null } })
          .payload,
    );
}

const household = (id: string) => t.registry.models.households.findById(id).lean();

/** Waits for the consumer to settle: the record done and nothing more for a moment. */
async function settled(findingId: string) {
  await eventually(async () => {
    const r = await t.registry.ctx.rt.conn
      .collection('finding_records')
      .findOne({ _id: findingId as never });
    expect(r?.state).toBe('done');
  });
}

test('a verified death removes the member through the registry (reason 死亡, member.removed), once', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const stored = await household(h.id);
  const member = stored!.members[2]!;
  const f = finding({ householdId: h.id, memberId: member.id, idHash: member.idNumber.hash });
  const event = await publishVerified(f);
  await eventually(async () => {
    const after = await household(h.id);
    expect(after!.members.find((m) => m.id === member.id)).toMatchObject({ status: 'removed' });
  });
  await settled(f.id);
  const after = await household(h.id);
  expect(after!.size).toBe(2);
  const entry = after!.history.find((e) => e.action === 'member_removed')!;
  expect(entry.reason).toContain('死亡');
  expect(entry.reason).toContain(f.id);
  await eventually(() => {
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual(['member_removed']);
    const removed = observed.messages.filter(
      (m) =>
        m.topic === t.rt.topic(MemberRemoved.topic) &&
        m.value?.includes(MemberRemoved.type) &&
        m.value.includes(member.id),
    );
    expect(removed).toHaveLength(1);
  });

  // The same event again, and the same finding verified again: nothing changes twice.
  await publish(event);
  await publishVerified(f);
  await new Promise((r) => setTimeout(r, 1500));
  expect((await household(h.id))!.revision).toBe(after!.revision);
  expect(outcomesOf(f.id)).toHaveLength(1);
});

test('a not confirmed verification changes nothing', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const stored = await household(h.id);
  const f = finding({ householdId: h.id, memberId: stored!.members[1]!.id });
  await publishVerified(f, 'not_confirmed');
  await new Promise((r) => setTimeout(r, 1500));
  expect((await household(h.id))!.members.every((m) => m.status === 'active')).toBe(true);
});

test('a verified car owner opens 清退; approved through every step the household is cancelled and the projection drops it', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const f = finding({ rule: 'VEHICLE_OWNER', subject: 'household', householdId: h.id });
  const event = await publishVerified(f);
  let wf!: request.Response;
  await eventually(async () => {
    wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.townshipA));
    expect(wf.body.active).toMatchObject({ kind: 'clearance', findingId: f.id });
  });
  expect(wf.body.proposals).toEqual([
    expect.objectContaining({ findingId: f.id, flag: 'car', status: 'proposed' }),
  ]);
  await settled(f.id);
  await publish(event);
  await eventually(() =>
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual(['clearance_opened']),
  );
  await eventually(async () => {
    expect(await projection.countDocuments({ _id: h.id, status: 'in_poverty' } as never)).toBe(1);
  });

  for (const [token, body] of [
    [
      t.tokens.townshipA,
      { action: 'appraise', reason: '村民主评议：有车属实', votes: { for: 38, against: 1 } },
    ],
    [t.tokens.townshipA, { action: 'notice', reason: '清退公示' }],
  ] as const) {
    expect((await step(t, token, h.id, 'clearance', body)).status).toBe(201);
  }
  // Nothing moves before the seven days end.
  expect((await step(t, t.tokens.townshipA, h.id, 'clearance', { action: 'review' })).status).toBe(
    409,
  );
  clock.advanceDays(7);
  expect((await step(t, t.tokens.townshipA, h.id, 'clearance', { action: 'review' })).status).toBe(
    201,
  );
  // 告知与答复: department data changes a status only after the household was told and answered
  // (or its window ran out): the county's approval waits until then.
  const early = await step(t, t.tokens.county, h.id, 'clearance', {
    action: 'approve',
    reason: '审定',
  });
  expect(early.status).toBe(409);
  expect(early.body.code).toBe('REGISTRY_CLEARANCE_WAITS_FOR_HOUSEHOLD');
  const today = new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const told = await request(t.app)
    .post(`/households/${h.id}/workflows/clearance/household-notice`)
    .set(as(t.tokens.townshipA))
    .send({ givenOn: today, channel: 'letter' });
  expect(told.status).toBe(201);
  expect(told.body.active.householdNotice.text).toContain(f.id);
  expect(told.body.active.householdNotice.text).toContain('如有异议');
  const waiting = await step(t, t.tokens.county, h.id, 'clearance', {
    action: 'approve',
    reason: '审定',
  });
  expect(waiting.status).toBe(409);
  expect(JSON.stringify(waiting.body)).toContain('答复期至');
  const answered = await request(t.app)
    .post(`/households/${h.id}/workflows/clearance/household-response`)
    .set(as(t.tokens.townshipA))
    .send({ receivedOn: today, text: '对比对结果无异议，车辆确为家庭所有', objects: false });
  expect(answered.status).toBe(201);
  expect(answered.body.active.householdNotice.response).toMatchObject({ objects: false });
  const approved = await step(t, t.tokens.county, h.id, 'clearance', {
    action: 'approve',
    reason: '县级审定清退',
  });
  expect(approved.status).toBe(201);
  expect(approved.body).toMatchObject({ status: 'cancelled', active: null });
  expect((await household(h.id))!.status).toBe('cancelled');

  await eventually(() =>
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual([
      'clearance_opened',
      'clearance_approved',
    ]),
  );
  await eventually(async () => {
    expect(await projection.countDocuments({ _id: h.id, status: 'in_poverty' } as never)).toBe(0);
    expect(await projection.countDocuments({ _id: h.id, status: 'cancelled' } as never)).toBe(1);
  });
});

test('清退 does not apply to an exited household: the outcome is refused with the reason', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2019 });
  const f = finding({ rule: 'BUSINESS_OWNER', subject: 'household', householdId: h.id });
  await publishVerified(f);
  await eventually(() => expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual(['refused']));
  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.townshipA));
  expect(wf.body.active).toBeNull();
});

test('a proposed exclusion is confirmed or dismissed by a person with a reason', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const f = finding({ rule: 'PUBLIC_EMPLOYEE', subject: 'household', householdId: h.id });
  await publishVerified(f);
  await settled(f.id);
  const path = `/households/${h.id}/exclusion-proposals/${f.id}`;
  const noReason = await request(t.app)
    .post(path)
    .set(as(t.tokens.townshipA))
    .send({ decision: 'confirm' });
  expect(noReason.status).toBe(400);
  const ok = await request(t.app)
    .post(path)
    .set(as(t.tokens.townshipA))
    .send({ decision: 'confirm', reason: '经核实为县教育局在编教师' });
  expect(ok.status).toBe(200);
  expect(ok.body.proposals[0]).toMatchObject({ status: 'confirmed', flag: 'publicEmployee' });
  const again = await request(t.app)
    .post(path)
    .set(as(t.tokens.townshipA))
    .send({ decision: 'dismiss', reason: '重复' });
  expect(again.status).toBe(409);
});

test('a verified 漏评 opens one candidate lead in the township’s scope, dismissed with a reason once', async () => {
  const f = finding({
    rule: 'ALLOWANCE_NOT_REGISTERED',
    idHash: 'a'.repeat(58) + 'b1c2d3',
    areaCode: VILLAGE_A1,
  });
  const event = await publishVerified(f);
  await settled(f.id);
  await publish(event);
  const list = await request(t.app)
    .get('/candidate-leads')
    .query({ filter: JSON.stringify({ status: 'open' }) })
    .set(as(t.tokens.townshipA));
  expect(list.status).toBe(200);
  const lead = list.body.find((l: { id: string }) => l.id === f.id);
  expect(lead).toMatchObject({ status: 'open', person: '****b1c2d3', areaCode: VILLAGE_A1 });
  expect(list.body.filter((l: { id: string }) => l.id === f.id)).toHaveLength(1);
  await eventually(() =>
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual(['candidate_opened']),
  );

  const other = await request(t.app).get(`/candidate-leads/${f.id}`).set(as(t.tokens.townshipB));
  expect(other.status).toBe(404);
  const dismissed = await request(t.app)
    .post(`/candidate-leads/${f.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '经入户核实已迁出本县' });
  expect(dismissed.status).toBe(200);
  expect(dismissed.body).toMatchObject({ status: 'dismissed', reason: '经入户核实已迁出本县' });
  const twice = await request(t.app)
    .post(`/candidate-leads/${f.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '再次' });
  expect(twice.status).toBe(409);
});

test('a finding a later run reopened is acted on again when confirmed again: the dismissed lead is open anew, once', async () => {
  const f = finding({ rule: 'ALLOWANCE_NOT_REGISTERED', idHash: 'e'.repeat(64) });
  await publishVerified(f);
  await settled(f.id);
  const dismissed = await request(t.app)
    .post(`/candidate-leads/${f.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '经核实不属实' });
  expect(dismissed.status).toBe(200);

  // The finding was closed, found again by a later run (reopenings 1) and confirmed again.
  const again = await publishVerified({ ...f, reopenings: 1 });
  // Opened, refused by the township's dismissal, opened again.
  await eventually(() =>
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual([
      'candidate_opened',
      'refused',
      'candidate_opened',
    ]),
  );
  await settled(f.id);
  const lead = await request(t.app).get(`/candidate-leads/${f.id}`).set(as(t.tokens.townshipA));
  expect(lead.body).toMatchObject({ status: 'open', reason: null });
  // The same round delivered again changes nothing.
  await publish(again);
  await publishVerified({ ...f, reopenings: 1 });
  await new Promise((r) => setTimeout(r, 1500));
  expect(outcomesOf(f.id)).toHaveLength(3);
});

test('a 漏评 lead converted by the township becomes a candidate household, once', async () => {
  const f = finding({ rule: 'ALLOWANCE_NOT_REGISTERED', idHash: 'd'.repeat(64) });
  await publishVerified(f);
  await settled(f.id);
  const body = {
    householdNo: 'LEAD-0001',
    areaCode: VILLAGE_A1,
    members: [{ name: '覃小满', idNumber: idNumber('1968-05-05', 77, 'male'), relation: 'head' }],
  };
  const converted = await request(t.app)
    .post(`/candidate-leads/${f.id}/convert`)
    .set(as(t.tokens.townshipA))
    .send(body);
  expect(converted.status).toBe(201);
  expect(converted.body).toMatchObject({ status: 'converted' });
  const h = await household(converted.body.householdId);
  expect(h).toMatchObject({ status: 'candidate', householdNo: 'LEAD-0001' });
  const again = await request(t.app)
    .post(`/candidate-leads/${f.id}/convert`)
    .set(as(t.tokens.townshipA))
    .send({ ...body, householdNo: 'LEAD-0002' });
  expect(again.status).toBe(409);
  await eventually(() =>
    expect(outcomesOf(f.id).map((o) => o.outcome)).toEqual([
      'candidate_opened',
      'candidate_opened',
    ]),
  );
});

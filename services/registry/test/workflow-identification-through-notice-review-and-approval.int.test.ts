import { HouseholdStatusChanged } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import { COUNTY, startRegistry, testClock, type TestRegistry } from './fixtures/registry';
import { as, createAreas, NO_EXCLUSIONS, registerHousehold, step } from './fixtures/workflows';

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');
let countyWithoutApprove: string;

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
  countyWithoutApprove = await t.issuer.sign({
    sub: 'u-county-clerk',
    name: '县扶贫办科员',
    area: COUNTY,
    rights: { registry: ['read', 'write'] },
  });
});
afterAll(async () => {
  await t.close();
});

/** A candidate taken up to the end of its public notice. */
async function noticedCandidate(exclusions = NO_EXCLUSIONS) {
  const h = await registerHousehold(t, { incomeFen: 900_000 });
  for (const body of [
    { action: 'start', exclusions, evidence: ['申请书-2026-017'] },
    { action: 'appraise', votes: { for: 41, against: 3 }, evidence: ['评议会议记录-2026-03'] },
    { action: 'notice', evidence: ['公示照片-桃花源村-0305'] },
  ]) {
    const res = await step(t, t.tokens.townshipA, h.id, 'identification', body);
    expect({ action: body.action, status: res.status, body: res.body.code }).toEqual({
      action: body.action,
      status: 201,
      body: undefined,
    });
  }
  return h;
}

test('a candidate is identified: appraisal, 7-day notice, township review, county approval; every step kept', async () => {
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(HouseholdStatusChanged.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-wf-obs`,
  );
  try {
    const h = await noticedCandidate();
    clock.advanceDays(7);
    const reviewed = await step(t, t.tokens.townshipA, h.id, 'identification', {
      action: 'review',
      reason: '经乡镇核实，符合识别标准',
      evidence: ['乡镇审核表-017'],
    });
    expect(reviewed.status).toBe(201);
    const approved = await step(t, t.tokens.county, h.id, 'identification', {
      action: 'approve',
      reason: '县扶贫开发领导小组审定',
      evidence: ['审定公告-2026-2号'],
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ status: 'in_poverty', active: null, pending: null });

    const stored = await t.registry.models.households.findById(h.id).lean();
    expect(stored).toMatchObject({ status: 'in_poverty', identificationYear: 2026 });

    const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.county));
    expect(wf.status).toBe(200);
    expect(wf.body.closed).toHaveLength(1);
    const run = wf.body.closed[0];
    expect(run).toMatchObject({
      kind: 'identification',
      outcome: 'approved',
      fromStatus: 'candidate',
    });
    expect(
      run.steps.map((s: { action: string; actor: { id: string }; evidence: string[] }) => [
        s.action,
        s.actor.id,
        s.evidence,
      ]),
    ).toEqual([
      ['start', 'u-town-a', ['申请书-2026-017']],
      ['appraise', 'u-town-a', ['评议会议记录-2026-03']],
      ['notice', 'u-town-a', ['公示照片-桃花源村-0305']],
      ['review', 'u-town-a', ['乡镇审核表-017']],
      ['approve', 'u-county', ['审定公告-2026-2号']],
    ]);
    expect(run.notice).toEqual({
      startsAt: '2026-03-02T02:00:00.000Z',
      endsAt: '2026-03-09T02:00:00.000Z',
    });

    const history = await request(t.app)
      .get(`/households/${h.id}/history`)
      .set(as(t.tokens.county));
    expect(
      history.body.map((e: { action: string; from: string; to: string }) => [
        e.action,
        e.from,
        e.to,
      ]),
    ).toEqual([
      ['registered', null, 'candidate'],
      ['identification.start', 'candidate', 'candidate'],
      ['identification.appraise', 'candidate', 'candidate'],
      ['identification.notice', 'candidate', 'candidate'],
      ['identification.review', 'candidate', 'candidate'],
      ['identification.approve', 'candidate', 'in_poverty'],
    ]);
    expect(history.body[5]).toMatchObject({
      reason: '县扶贫开发领导小组审定',
      evidence: ['审定公告-2026-2号'],
      actorId: 'u-county',
    });

    await eventually(
      () => {
        const changed = seen.messages
          .map((m) => JSON.parse(m.value ?? '{}'))
          .filter((e) => e.aggregateId === h.id && e.type === 'registry.household.status_changed');
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatchObject({
          type: 'registry.household.status_changed',
          payload: { from: 'candidate', to: 'in_poverty', workflow: 'identification' },
        });
      },
      { timeoutMs: 30_000 },
    );
  } finally {
    await seen.stop();
  }
});

test('approval during the public notice is refused, and so is the township review', async () => {
  const h = await noticedCandidate();
  clock.advanceDays(6);
  const approve = await step(t, t.tokens.county, h.id, 'identification', { action: 'approve' });
  expect(approve.status).toBe(409);
  expect(approve.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(approve.body).toMatchObject({
    code: 'REGISTRY_WORKFLOW_NOTICE_RUNNING',
    noticeEndsAt: new Date(clock.now().getTime() + 24 * 3600 * 1000).toISOString(),
  });
  expect(approve.body.message['zh-CN']).toContain('公示期未满');
  const review = await step(t, t.tokens.townshipA, h.id, 'identification', { action: 'review' });
  expect(review.body.code).toBe('REGISTRY_WORKFLOW_NOTICE_RUNNING');
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect(stored?.status).toBe('candidate');
  clock.advanceDays(1);
});

test('a step out of order is refused and changes nothing', async () => {
  const h = await registerHousehold(t, { incomeFen: 900_000 });
  expect(
    (
      await step(t, t.tokens.townshipA, h.id, 'identification', {
        action: 'start',
        exclusions: NO_EXCLUSIONS,
      })
    ).status,
  ).toBe(201);
  const before = await t.registry.models.households.findById(h.id).lean();
  const res = await step(t, t.tokens.townshipA, h.id, 'identification', { action: 'notice' });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_WORKFLOW_STEP_OUT_OF_ORDER',
    expectedAction: 'appraise',
  });
  expect(res.body.message.en).toContain('village appraisal');
  const after = await t.registry.models.households.findById(h.id).lean();
  expect(after?.revision).toBe(before?.revision);
  expect(after?.history).toHaveLength(before!.history.length);
});

test('another township cannot act on the household; the county cannot do the township review', async () => {
  const h = await noticedCandidate();
  clock.advanceDays(7);
  const other = await step(t, t.tokens.townshipB, h.id, 'identification', { action: 'review' });
  expect({ status: other.status, code: other.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  const county = await step(t, t.tokens.county, h.id, 'identification', { action: 'review' });
  expect({ status: county.status, code: county.body.code }).toEqual({
    status: 403,
    code: 'REGISTRY_WORKFLOW_TOWNSHIP_ONLY',
  });
  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.townshipB));
  expect(wf.status).toBe(403);
});

test('the county approval needs the approve right and a county-level user', async () => {
  const h = await noticedCandidate();
  clock.advanceDays(7);
  expect(
    (await step(t, t.tokens.townshipA, h.id, 'identification', { action: 'review' })).status,
  ).toBe(201);
  const clerk = await step(t, countyWithoutApprove, h.id, 'identification', { action: 'approve' });
  expect({ status: clerk.status, code: clerk.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });
  const township = await step(t, t.tokens.townshipA, h.id, 'identification', { action: 'approve' });
  expect({ status: township.status, code: township.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_RIGHT',
  });
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect(stored?.status).toBe('candidate');
  const ok = await step(t, t.tokens.countyNoUnmask, h.id, 'identification', { action: 'approve' });
  expect(ok.body.status).toBe('in_poverty');
});

test('a household with a declared exclusion passes the township review only with a justification', async () => {
  const h = await noticedCandidate({ ...NO_EXCLUSIONS, car: true, publicEmployee: true });
  clock.advanceDays(7);
  const refused = await step(t, t.tokens.townshipA, h.id, 'identification', { action: 'review' });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({
    code: 'REGISTRY_IDENTIFICATION_EXCLUDED',
    failedChecks: ['exclusion.car', 'exclusion.publicEmployee'],
  });
  expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
    'exclusions.car',
    'exclusions.publicEmployee',
  ]);
  expect(refused.body.message['zh-CN']).toContain('须说明理由');
  const justified = await step(t, t.tokens.townshipA, h.id, 'identification', {
    action: 'review',
    justification: '车辆为十年前购置的农用三轮车；在编人员已分户另居',
  });
  expect(justified.status).toBe(201);
  expect(justified.body.step.details).toMatchObject({
    justification: '车辆为十年前购置的农用三轮车；在编人员已分户另居',
  });
});

test('an application must declare every exclusion flag; a rejected candidate is cancelled', async () => {
  const h = await registerHousehold(t, { incomeFen: 900_000 });
  const undeclared = await step(t, t.tokens.townshipA, h.id, 'identification', {
    action: 'start',
    exclusions: { car: false },
  });
  expect(undeclared.status).toBe(400);
  expect(undeclared.body.errors.map((e: { field: string }) => e.field)).toContain(
    'exclusions.villageCadreFamily',
  );
  await step(t, t.tokens.townshipA, h.id, 'identification', {
    action: 'start',
    exclusions: NO_EXCLUSIONS,
  });
  const rejected = await step(t, t.tokens.townshipA, h.id, 'identification', {
    action: 'reject',
    reason: '民主评议未通过',
  });
  expect(rejected.status).toBe(201);
  expect(rejected.body).toMatchObject({ status: 'cancelled', active: null });
  expect(rejected.body.closed[0]).toMatchObject({ outcome: 'rejected', stage: 'rejected' });
});

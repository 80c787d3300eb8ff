import { as, startFunds, testClock, type TestFunds, VILLAGE_A1 } from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  paidPayment,
  postNotice,
  project,
  type ProjectBody,
  reportProgress,
  step,
  submitPayment,
} from './fixtures/money';

// The service's day: 2026-06-20 (Asia/Shanghai).
const clock = testClock('2026-06-20T04:00:00Z');
let t: TestFunds;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
});
afterAll(async () => {
  await t.close();
});

async function propose(type: string, plannedInvestment: Record<string, number>) {
  return ok<ProjectBody>(
    await t
      .api()
      .post('/projects')
      .set(as(t.tokens.office))
      .send({
        code: `N-${type}-${Math.random().toString(36).slice(2, 8)}`,
        name: '公示测试项目',
        type,
        year: 2026,
        areaCode: VILLAGE_A1,
        plannedInvestment,
        proposedOn: '2026-06-01',
      }),
    201,
  );
}

const approve = (id: string, on: string) =>
  t.api().post(`/projects/${id}/steps`).set(as(t.tokens.office)).send({ action: 'approve', on });

test('approval before the notice has been up 10 days is refused, naming the days; nothing is written', async () => {
  const road = await propose('road', { central: 50_000_000 });
  const none = await approve(road.id, '2026-06-20');
  expect(none.status).toBe(422);
  expect(none.headers['content-type']).toContain('application/problem+json');
  expect(none.body).toMatchObject({ code: 'FUNDS_NOTICE_PERIOD_NOT_MET', requiredDays: 10 });

  const posted = await postNotice(t, road.id, { step: 'approval', postedOn: '2026-06-11' });
  const early = await approve(road.id, '2026-06-20');
  expect(early.status).toBe(422);
  expect(early.body).toMatchObject({
    code: 'FUNDS_NOTICE_PERIOD_NOT_MET',
    requiredDays: 10,
    postedOn: '2026-06-11',
    lastDayOfPeriod: '2026-06-20',
    firstAllowedOn: '2026-06-21',
  });
  expect(early.body.message['zh-CN']).toContain('2026-06-21 起方可办理');
  const after = await project(t, road.id);
  expect(after).toMatchObject({ status: 'proposed', revision: posted.revision });

  // The next day the period is over.
  clock.set('2026-06-21T04:00:00Z');
  expect(ok<ProjectBody>(await approve(road.id, '2026-06-21'), 200).status).toBe('approved');
  const history = ok<{ action: string }[]>(
    await t.api().get(`/projects/${road.id}/history`).set(as(t.tokens.office)),
    200,
  );
  expect(history.map((h) => h.action)).toEqual(['register', 'notice', 'approve']);
  const notices = ok<{ step: string; postedOn: string; recordedBy: { name: string } }[]>(
    await t.api().get(`/projects/${road.id}/notices`).set(as(t.tokens.office)),
    200,
  );
  expect(notices).toMatchObject([{ step: 'approval', postedOn: '2026-06-11' }]);
  // Once approved, the proposal's notice is closed.
  const late = await t
    .api()
    .post(`/projects/${road.id}/notices`)
    .set(as(t.tokens.office))
    .send({ step: 'approval', postedOn: '2026-06-21', place: 'village_board', text: '补登' });
  expect(late.status).toBe(409);
  clock.set('2026-06-20T04:00:00Z');
});

test('a notice in the future or at an unnamed place is refused with its fields', async () => {
  const road = await propose('road', { central: 1_000_000 });
  const res = await t
    .api()
    .post(`/projects/${road.id}/notices`)
    .set(as(t.tokens.office))
    .send({ step: 'approval', postedOn: '2026-06-21', place: 'other', text: '立项公示' });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('FUNDS_PROJECT_NOTICE_INVALID');
  expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'placeNote',
    'postedOn',
  ]);
});

test('a project whose use its fiscal poverty funds do not allow is refused at approval, naming the source and the use', async () => {
  const school = await propose('education', { central: 3_000_000, sector: 1_000_000 });
  await postNotice(t, school.id, { step: 'approval', postedOn: '2026-06-01' });
  const res = await approve(school.id, '2026-06-20');
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'FUNDS_PROJECT_USE_NOT_ALLOWED',
    use: 'education',
    sources: ['central'],
    errors: [{ field: 'plannedInvestment.central', code: 'use_not_allowed' }],
  });
  expect(res.body.message['zh-CN']).toContain('资金来源「中央」不能用于「教育」');
  expect((await project(t, school.id)).status).toBe('proposed');
  // The same school paid from sector funds only is approved.
  const sector = await propose('education', { sector: 4_000_000 });
  await postNotice(t, sector.id, { step: 'approval', postedOn: '2026-06-01' });
  expect(ok<ProjectBody>(await approve(sector.id, '2026-06-20'), 200).status).toBe('approved');
});

test('progress lowered after a payment was submitted: its approval is refused with what the progress allows', async () => {
  const road = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    plannedFen: 100_000_000,
    proposedOn: '2026-06-01',
    approvedOn: '2026-06-15',
    plannedStartOn: '2026-06-15',
    plannedFinishOn: '2026-12-31',
  });
  await issueBatch(t, {
    issuedOn: '2026-06-16',
    allocations: [{ projectId: road.id, amountFen: 100_000_000 }],
  });
  ok(await reportProgress(t, road.id, { percent: 50, reportedOn: '2026-06-18' }), 201);
  const pay = ok<{ id: string }>(
    await submitPayment(t, { projectId: road.id, amountFen: 60_000_000 }),
    201,
  );
  ok(
    await reportProgress(t, road.id, {
      percent: 40,
      reportedOn: '2026-06-19',
      reason: '监理复核，部分路段返工',
    }),
    201,
  );
  const res = await t
    .api()
    .post(`/disbursements/${pay.id}/approve`)
    .set(as(t.tokens.approver))
    .send({});
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'FUNDS_DISBURSEMENT_ABOVE_PROGRESS',
    allowedFen: 30_000_000,
    alreadyDisbursedFen: 0,
    remainingFen: 30_000_000,
    requestedFen: 60_000_000,
  });
  const after = await project(t, road.id);
  expect(after.money).toMatchObject({ disbursedFen: 0, reservedFen: 60_000_000 });
  const d = ok<{ status: string }>(
    await t.api().get(`/disbursements/${pay.id}`).set(as(t.tokens.office)),
    200,
  );
  expect(d.status).toBe('submitted');
});

test('the final payment of a road (above 90%) waits 7 days of 验收结果公示; the last day refused, the next allowed', async () => {
  const road = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    plannedFen: 100_000_000,
    proposedOn: '2026-05-01',
    approvedOn: '2026-05-15',
    plannedStartOn: '2026-05-15',
    plannedFinishOn: '2026-06-10',
  });
  await issueBatch(t, {
    issuedOn: '2026-05-16',
    allocations: [{ projectId: road.id, amountFen: 100_000_000 }],
  });
  await step(t, road.id, 'start', '2026-05-17');
  ok(await reportProgress(t, road.id, { percent: 100, reportedOn: '2026-06-01' }), 201);
  // 90% is not above 90%: paid without the acceptance notice.
  await paidPayment(t, { projectId: road.id, amountFen: 90_000_000 });
  await step(t, road.id, 'complete', '2026-06-03');
  const current = await project(t, road.id);
  const everyone = Object.fromEntries(
    ['legalPerson', 'tendering', 'supervision', 'contract', 'integrity'].map((k) => [
      k,
      { inPlace: true, note: null },
    ]),
  );
  ok(
    await t
      .api()
      .put(`/projects/${road.id}`)
      .set(as(t.tokens.office))
      .send({ fiveSystems: everyone, revision: current.revision }),
    200,
  );
  await step(t, road.id, 'accept', '2026-06-05');

  const tail = ok<{ id: string }>(
    await submitPayment(t, { projectId: road.id, amountFen: 10_000_000 }),
    201,
  );
  const approveOn = (day: string) => {
    clock.set(`${day}T04:00:00Z`);
    return t
      .api()
      .post(`/disbursements/${tail.id}/approve`)
      .set(as(t.tokens.approver))
      .send({ paidOn: day });
  };
  try {
    const none = await approveOn('2026-06-20');
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ code: 'FUNDS_NOTICE_PERIOD_NOT_MET', requiredDays: 7 });

    await postNotice(t, road.id, { step: 'final_payment', postedOn: '2026-06-20' });
    const lastDay = await approveOn('2026-06-26');
    expect(lastDay.status).toBe(422);
    expect(lastDay.body).toMatchObject({
      code: 'FUNDS_NOTICE_PERIOD_NOT_MET',
      postedOn: '2026-06-20',
      lastDayOfPeriod: '2026-06-26',
    });
    expect((await project(t, road.id)).money).toMatchObject({ disbursedFen: 90_000_000 });

    const next = await approveOn('2026-06-27');
    expect(next.status).toBe(200);
    expect((await project(t, road.id)).money).toMatchObject({
      disbursedFen: 100_000_000,
      reservedFen: 0,
    });
  } finally {
    clock.set('2026-06-20T04:00:00Z');
  }
});

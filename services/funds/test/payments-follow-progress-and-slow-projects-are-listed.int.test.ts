import { FundsProjectProgressReported } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import { as, startFunds, testClock, type TestFunds, VILLAGE_A1 } from './fixtures/funds';
import {
  approvedProject,
  issueBatch,
  ok,
  paidPayment,
  project,
  type ProjectBody,
  reportProgress,
  submitPayment,
} from './fixtures/money';

// The service's day: 2026-06-01 (Asia/Shanghai).
const clock = testClock('2026-06-01T04:00:00Z');
let t: TestFunds;
/** A road of 1,000,000.00 yuan planned over 2026, all of it allocated. */
let road: ProjectBody;
let collector: Awaited<ReturnType<typeof collectTopics>>;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic('funds.project.v1')],
    `${t.config.KAFKA_TOPIC_PREFIX}-collector`,
  );
  road = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    proposedOn: '2026-01-02',
    approvedOn: '2026-01-05',
    plannedStartOn: '2026-01-10',
    plannedFinishOn: '2026-12-20',
  });
  await issueBatch(t, {
    issuedOn: '2026-01-06',
    allocations: [{ projectId: road.id, amountFen: 100_000_000 }],
  });
});
afterAll(async () => {
  await collector.stop();
  await t.close();
});

test('when nothing is reported, only the start stage (30%) is paid and more is refused', async () => {
  await paidPayment(t, { projectId: road.id, amountFen: 30_000_000 });
  const res = await submitPayment(t, { projectId: road.id, amountFen: 1 });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'FUNDS_DISBURSEMENT_ABOVE_PROGRESS',
    allowedFen: 30_000_000,
    alreadyDisbursedFen: 30_000_000,
  });
});

test('when progress is reported with evidence, it is kept as a history and published', async () => {
  const body = ok<{
    progressPercent: number;
    progressReports: { percent: number; reportedBy: { name: string }; evidence: unknown[] }[];
  }>(await reportProgress(t, road.id, { percent: 55, reportedOn: '2026-05-30' }), 201);
  expect(body.progressPercent).toBe(55);
  expect(body.progressReports).toEqual([
    expect.objectContaining({
      percent: 55,
      reportedBy: expect.objectContaining({ name: '县扶贫办经办' }),
      evidence: [expect.objectContaining({ fileName: '发票.pdf' })],
    }),
  ]);
  const stored = await t.funds.models.projects.findById(road.id, { history: 1 }).lean();
  expect(stored?.history.at(-1)).toMatchObject({ action: 'progress', to: '55%' });
  await eventually(
    () => {
      const reported = collector.messages
        .map((m) => JSON.parse(m.value!))
        .find((e) => e.type === FundsProjectProgressReported.type);
      expect(reported?.payload.report).toMatchObject({ percent: 55, previousPercent: null });
    },
    { timeoutMs: 20_000 },
  );
});

test('a lower report without a reason is refused, with one it is kept', async () => {
  const refused = await reportProgress(t, road.id, { percent: 50, reportedOn: '2026-05-31' });
  expect(refused.status).toBe(422);
  expect(refused.body.errors).toEqual([
    expect.objectContaining({ field: 'reason', code: 'required_when_lower' }),
  ]);
  ok(
    await reportProgress(t, road.id, {
      percent: 50,
      reportedOn: '2026-05-31',
      reason: '复核后下调：涵洞未完工',
    }),
    201,
  );
});

test('a payment beyond the share progress allows is refused with the amounts named, and nothing is stored', async () => {
  // At 50%: 60% = 600,000.00 yuan may be paid; 300,000.00 already are.
  const paymentsBefore = await t.funds.models.disbursements.countDocuments();
  const before = await project(t, road.id);

  const res = await submitPayment(t, { projectId: road.id, amountFen: 30_000_001 });

  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({
    code: 'FUNDS_DISBURSEMENT_ABOVE_PROGRESS',
    allowedFen: 60_000_000,
    alreadyDisbursedFen: 30_000_000,
    remainingFen: 30_000_000,
    errors: [{ field: 'amountFen', code: 'above_progress' }],
  });
  expect(res.body.message['zh-CN']).toContain('600,000.00');
  expect(res.body.message['zh-CN']).toContain('300,000.00');
  expect(res.body.message.en).toContain('600,000.00');
  expect(await t.funds.models.disbursements.countDocuments()).toBe(paymentsBefore);
  expect((await project(t, road.id)).money).toEqual(before.money);
});

test('a payment within the share passes', async () => {
  const res = await submitPayment(t, { projectId: road.id, amountFen: 30_000_000 });
  expect(res.status).toBe(201);
  expect((await project(t, road.id)).money.reservedFen).toBe(30_000_000);
});

test('a project behind its plan by more than the threshold is listed as slow, with planned and reported progress', async () => {
  // Planned 2026-03-01 … 2026-07-01: on 2026-06-01 the plan says about 75%; nothing reported.
  const late = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    proposedOn: '2026-01-20',
    approvedOn: '2026-02-01',
    plannedStartOn: '2026-03-01',
    plannedFinishOn: '2026-07-01',
  });
  const res = await t.api().get('/projects/slow').set(as(t.tokens.townshipA));
  const rows = ok<{ id: string; plannedPercent: number; reportedPercent: number }[]>(res, 200);
  expect(rows.map((r) => r.id)).toContain(late.id);
  expect(rows.find((r) => r.id === late.id)).toMatchObject({
    reportedPercent: 0,
    plannedPercent: 75.4,
    thresholdPoints: 20,
  });
  // The road planned over the whole year is at about 41% planned with 50% reported: on track.
  expect(rows.map((r) => r.id)).not.toContain(road.id);
  expect(res.headers['content-range']).toMatch(/^slow-projects 0-\d+\/\d+$/);
});

test('the project statistics give the completion rate as a share of the work next to the count', async () => {
  const res = await t
    .api()
    .get('/statistics/projects')
    .query({ by: 'township' })
    .set(as(t.tokens.office));
  const body = ok<{ totals: { completionRatePercent: number; workCompletionRatePercent: number } }>(
    res,
    200,
  );
  // Two projects of 1,000,000.00 each: 50% and nothing → 25% of the work; none completed.
  expect(body.totals).toMatchObject({ completionRatePercent: 0, workCompletionRatePercent: 25 });
});

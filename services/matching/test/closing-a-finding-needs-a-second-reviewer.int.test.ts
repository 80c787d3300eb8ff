import { FindingClosed, FindingOverdue } from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import { bearer, startMatching, type TestMatching } from './fixtures/matching';
import { vehicleFindings } from './fixtures/walk';

/** A clock the test moves, so deadlines pass without waiting. */
let clock = new Date('2026-04-01T02:00:00Z').getTime();
let t: TestMatching;
let events: Awaited<ReturnType<typeof collectTopics>>;
const ids: string[] = [];

beforeAll(async () => {
  t = await startMatching({ options: { now: () => new Date(clock) } });
  events = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingClosed.topic)],
    uniqueName('collector'),
  );
  ids.push(
    ...(await vehicleFindings(t, 3, { birthDate: '1970-01-01', sex: 'male', plate: '湘E1' })),
  );
});
afterAll(async () => {
  await events.stop();
  await t.close();
});

const step = (token: string, id: string, action: string, body: object = {}) =>
  t.api().post(`/findings/${id}/${action}`).set(bearer(token)).send(body);

test('closing is refused before a first review, and to the first reviewer; a second reviewer closes', async () => {
  const id = ids[0]!;
  const town = t.tokens.townshipA;
  expect((await step(t.tokens.county, id, 'close')).body).toMatchObject({
    code: 'MATCHING_FINDING_REVIEW_REQUIRED',
  });
  expect((await step(town, id, 'rectify', { note: '已整改' })).body).toMatchObject({
    code: 'MATCHING_FINDING_NOT_VERIFIED',
  });
  expect((await step(town, id, 'verify', { conclusion: 'confirmed' })).status).toBe(200);
  expect((await step(t.tokens.county, id, 'close')).status).toBe(409);
  expect((await step(town, id, 'rectify', { note: '车辆已过户，家庭情况重新评议' })).status).toBe(
    200,
  );
  const reviewed = await step(t.tokens.county, id, 'review', { note: '初审通过' });
  expect(reviewed.body).toMatchObject({ status: 'reviewed', review: { id: 'u-county' } });

  const sameReviewer = await step(t.tokens.county, id, 'close');
  expect(sameReviewer.status).toBe(409);
  expect(sameReviewer.body).toMatchObject({ code: 'MATCHING_FINDING_SECOND_REVIEWER_REQUIRED' });
  expect((await t.api().get(`/findings/${id}`).set(bearer(t.tokens.county))).body).toMatchObject({
    status: 'reviewed',
    closing: null,
  });

  const closed = await step(t.tokens.countySecond, id, 'close', { note: '复核销号' });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({
    status: 'closed',
    closing: { id: 'u-county-2' },
    review: { id: 'u-county' },
  });
  expect((closed.body as { history: { action: string }[] }).history.map((h) => h.action)).toEqual([
    'created',
    'verified',
    'rectified',
    'reviewed',
    'closed',
  ]);
  expect((await step(t.tokens.countySecond, id, 'close')).body).toMatchObject({
    code: 'MATCHING_FINDING_CLOSED',
  });
  await eventually(() => {
    const closedEvents = events.messages
      .map((m) => JSON.parse(m.value!))
      .filter((e) => e.type === FindingClosed.type);
    expect(closedEvents).toEqual([
      expect.objectContaining({
        aggregateId: id,
        payload: expect.objectContaining({
          finding: expect.objectContaining({ status: 'closed' }),
        }),
      }),
    ]);
  });
});

test('a finding not confirmed needs its reason, then goes to review without rectification', async () => {
  const id = ids[1]!;
  const noReason = await step(t.tokens.townshipA, id, 'verify', { conclusion: 'not_confirmed' });
  expect(noReason.status).toBe(400);
  expect(noReason.body).toMatchObject({
    errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
  });
  const noCode = await step(t.tokens.townshipA, id, 'verify', {
    conclusion: 'not_confirmed',
    reason: '车辆为同名他人所有',
  });
  expect(noCode.status).toBe(400);
  expect(noCode.body).toMatchObject({
    errors: [expect.objectContaining({ field: 'reasonCode' })],
  });
  expect(
    (
      await step(t.tokens.townshipA, id, 'verify', {
        conclusion: 'not_confirmed',
        reason: '车辆为同名他人所有',
        reasonCode: 'not_same_person',
      })
    ).body,
  ).toMatchObject({
    status: 'verified',
    conclusion: 'not_confirmed',
    conclusionReason: '车辆为同名他人所有',
    conclusionReasonCode: 'not_same_person',
  });
  const quality = await t
    .api()
    .get('/quality/rules')
    .query({ from: '2026-04-01', to: '2026-04-01', listType: 'vehicles' })
    .set(bearer(t.tokens.county));
  expect(quality.status).toBe(200);
  expect(quality.body).toMatchObject({
    totals: {
      confirmed: 1,
      dismissed: 1,
      dismissedBy: { not_same_person: 1 },
      decided: 2,
      pending: 1,
      confirmationRate: 0.5,
      months: [expect.objectContaining({ month: '2026-04', decided: 2 })],
    },
    byRule: [expect.objectContaining({ rule: 'VEHICLE_OWNER', decided: 2 })],
  });
  const sheet = await t
    .api()
    .get('/exports/rule-quality.xlsx')
    .query({ from: '2026-04-01', to: '2026-04-01' })
    .set(bearer(t.tokens.county));
  expect(sheet.status).toBe(200);
  expect(
    await t.rt.conn.db!.collection('audit_log').countDocuments({ subjectType: 'rule_quality' }),
  ).toBe(1);
  expect((await step(t.tokens.townshipA, id, 'rectify', { note: '无需整改' })).body).toMatchObject({
    code: 'MATCHING_FINDING_NOTHING_TO_RECTIFY',
  });
  expect((await step(t.tokens.townshipA, id, 'review')).body).toMatchObject({ status: 'reviewed' });
  expect((await step(t.tokens.county, id, 'close')).body).toMatchObject({ status: 'closed' });
});

test('an open finding is overdue after the configured days, reported once with its event', async () => {
  const overdueOf = async () =>
    (
      await t
        .api()
        .get('/findings')
        .query({ filter: JSON.stringify({ overdue: true }) })
        .set(bearer(t.tokens.county))
    ).body as { id: string }[];
  expect(await overdueOf()).toEqual([]);
  clock += 31 * 24 * 3600 * 1000;
  expect((await overdueOf()).map((f) => f.id)).toEqual([ids[2]]);
  expect(await t.matching.findings.reportOverdue()).toBe(1);
  expect(await t.matching.findings.reportOverdue()).toBe(0);
  const overdueEvents = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingOverdue.topic)],
    uniqueName('overdue'),
  );
  try {
    await eventually(() => {
      const found = overdueEvents.messages
        .map((m) => JSON.parse(m.value!))
        .filter((e) => e.type === FindingOverdue.type);
      expect(found.map((e) => e.aggregateId)).toEqual([ids[2]]);
    });
  } finally {
    await overdueEvents.stop();
  }
});

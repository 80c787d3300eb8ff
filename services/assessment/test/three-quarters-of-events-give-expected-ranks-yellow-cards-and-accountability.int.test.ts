import {
  AssessmentRankingPublished,
  AssessmentWarningIssued,
  findContract,
} from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import request from 'supertest';
import { bearer, startAssessment, testClock, type TestAssessment } from './fixtures/assessment';
import {
  allEvents,
  defineScheme,
  deliver,
  EVENTS,
  rank,
  type RankingBody,
  table,
  townshipsKnown,
  UNIT,
} from './fixtures/scenario';

/**
 * The acceptance scenario: fixture events for three townships over three quarters, delivered
 * through Kafka, give the expected scores, ranks, yellow cards (预黄牌) and accountability (问责);
 * late events leave the published version alone and go into the next one with a reason; and
 * delivering every event again changes nothing.
 */
let t: TestAssessment;
const clock = testClock('2019-01-01T02:00:00Z');
const published: Record<string, RankingBody> = {};

beforeAll(async () => {
  t = await startAssessment({ now: clock.now });
  await deliver(t, EVENTS.Q1);
  await townshipsKnown(t);
  await defineScheme(t);
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string) => request(t.app).get(path).set(bearer(t.tokens.county));

test('Q1: the township without visits, helpers or closed findings is last and gets a yellow card', async () => {
  published.q1 = await rank(t, clock, 2019, 1, '2019-04-02');
  expect(published.q1.id).toBe('2019-Q1-v1');
  expect(table(published.q1)).toEqual([
    { unit: '城关镇', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '南强镇', score: 50, rank: 2, yellow: false, streak: 0, accountable: false },
    { unit: '汾市乡', score: 0, rank: 3, yellow: true, streak: 1, accountable: false },
  ]);
  const b = (await get(`/rankings/2019-Q1-v1/results/${UNIT.B}`)).body as {
    indicators: { code: string; value: number; pointsCenti: number; place: number | null }[];
  };
  expect(b.indicators.map((i) => [i.code, i.value, i.pointsCenti, i.place])).toEqual([
    ['visit_coverage', 50, 2500, null],
    ['helper_coverage', 50, 1000, null],
    ['findings_open', 1, 1500, 2],
  ]);
});

test('late visits leave the published Q1 unchanged; the recomputed version takes them in with its reason', async () => {
  clock.set('2019-04-10T10:00:00Z');
  await deliver(t, EVENTS.Q1_LATE);

  const v1 = (await get('/rankings/2019-Q1-v1')).body as RankingBody;
  expect(v1.tracks).toEqual(published.q1!.tracks);
  const late = await get('/quarters/2019/1/late-events');
  expect(late.status).toBe(200);
  expect(
    (late.body as { eventId: string; includedIn: string | null }[])
      .map((l) => [l.eventId, l.includedIn])
      .sort(),
  ).toEqual(EVENTS.Q1_LATE.map((e) => [e.id, null]).sort());
  // The second quarter's events are not late for Q1.
  expect(late.headers['content-range']).toBe('late-events 0-2/3');

  clock.set('2019-04-12T02:00:00Z');
  const res = await request(t.app)
    .post('/quarters/2019/1/recompute')
    .set(bearer(t.tokens.county))
    .send({ reason: '汾市乡补录一季度走访记录' });
  expect(res.status).toBe(201);
  const v2 = res.body as RankingBody;
  expect(v2).toMatchObject({
    id: '2019-Q1-v2',
    version: 2,
    reason: '汾市乡补录一季度走访记录',
    supersedes: '2019-Q1-v1',
    supersededBy: null,
    lateEvents: { count: 3 },
  });
  expect(v2.lateEvents.eventIds.sort()).toEqual(EVENTS.Q1_LATE.map((e) => e.id).sort());
  expect(table(v2)).toEqual([
    { unit: '城关镇', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '南强镇', score: 50, rank: 2, yellow: false, streak: 0, accountable: false },
    { unit: '汾市乡', score: 25, rank: 3, yellow: true, streak: 1, accountable: false },
  ]);
  // Version 1 is still there as it was, now marked as superseded.
  const again = (await get('/rankings/2019-Q1-v1')).body as RankingBody;
  expect(again.tracks).toEqual(published.q1!.tracks);
  expect(again.supersededBy).toBe('2019-Q1-v2');
  const pending = (await get('/quarters/2019/1/late-events')).body as { includedIn: string }[];
  expect(pending.map((l) => l.includedIn)).toEqual(['2019-Q1-v2', '2019-Q1-v2', '2019-Q1-v2']);
  published.q1v2 = v2;
});

test('Q2: a second yellow card in a row means accountability; equal totals share first place', async () => {
  await deliver(t, EVENTS.Q2);
  published.q2 = await rank(t, clock, 2019, 2, '2019-07-02');
  expect(table(published.q2)).toEqual([
    { unit: '城关镇', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '南强镇', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '汾市乡', score: 25, rank: 3, yellow: true, streak: 2, accountable: true },
  ]);
  expect(published.q2.tracks[0]!.units[0]!.tiedWith).toEqual([UNIT.B]);
});

test('Q3: the streak ends for the township that improved; the new last place starts its own', async () => {
  await deliver(t, EVENTS.Q3);
  published.q3 = await rank(t, clock, 2019, 3, '2019-10-02');
  expect(table(published.q3)).toEqual([
    { unit: '南强镇', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '汾市乡', score: 100, rank: 1, yellow: false, streak: 0, accountable: false },
    { unit: '城关镇', score: 50, rank: 3, yellow: true, streak: 1, accountable: false },
  ]);
});

test('the history of a unit lists its quarters, the version in force for each', async () => {
  const res = await get(`/units/${UNIT.C}/history`);
  expect(res.status).toBe(200);
  expect(
    (
      res.body as {
        rankingId: string;
        scoreCenti: number;
        yellowCard: boolean;
        accountability: boolean;
        current: boolean;
      }[]
    ).map((h) => [h.rankingId, h.scoreCenti, h.yellowCard, h.accountability, h.current]),
  ).toEqual([
    ['2019-Q1-v2', 2500, true, false, true],
    ['2019-Q2-v1', 2500, true, true, true],
    ['2019-Q3-v1', 10000, false, false, true],
  ]);
  const all = await get(`/units/${UNIT.C}/history`).query({
    filter: JSON.stringify({ allVersions: true }),
  });
  expect(all.headers['content-range']).toBe('history 0-3/4');
});

test('the published events carry every version and each warning', async () => {
  const collected = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(AssessmentRankingPublished.topic), t.rt.topic(AssessmentWarningIssued.topic)],
    uniqueName('collect'),
  );
  try {
    await eventually(() => expect(collected.messages.length).toBeGreaterThanOrEqual(9));
    const events = collected.messages.map(
      (m) => JSON.parse(m.value!) as { type: string; payload: Record<string, unknown> },
    );
    expect(
      events
        .filter((e) => e.type === AssessmentRankingPublished.type)
        .map((e) => e.payload.rankingId)
        .sort(),
    ).toEqual(['2019-Q1-v1', '2019-Q1-v2', '2019-Q2-v1', '2019-Q3-v1']);
    expect(
      events
        .filter((e) => e.type === AssessmentWarningIssued.type)
        .map(
          (e) =>
            `${e.payload.rankingId} ${(e.payload.unit as { name: string }).name} ${e.payload.level}`,
        )
        .sort(),
    ).toEqual([
      '2019-Q1-v1 汾市乡 yellow_card',
      '2019-Q1-v2 汾市乡 yellow_card',
      '2019-Q2-v1 汾市乡 accountability',
      '2019-Q2-v1 汾市乡 yellow_card',
      '2019-Q3-v1 城关镇 yellow_card',
    ]);
  } finally {
    await collected.stop();
  }
});

test('delivering every event again, through Kafka and straight to the handlers, gives identical results', async () => {
  const facts = async () =>
    (await t.assessment.models.facts.find({}, { receivedAt: 0 }).sort({ _id: 1 }).lean()).map((f) =>
      JSON.stringify(f),
    );
  const before = await facts();
  const lateBefore = await t.assessment.models.late.countDocuments();

  clock.set('2019-10-20T02:00:00Z');
  await t.publish(allEvents());
  await t.caughtUp();
  const changes = [];
  for (const e of allEvents())
    changes.push(
      ...(await t.assessment.projection.apply(e, findContract(e.type, e.version)!.topic)),
    );
  expect(changes.filter((c) => c.changed)).toEqual([]);
  expect(await facts()).toEqual(before);
  expect(await t.assessment.models.late.countDocuments()).toBe(lateBefore);

  // Measuring each quarter again gives what was published for it.
  for (const [quarter, version] of [
    [1, published.q1v2!],
    [2, published.q2!],
    [3, published.q3!],
  ] as const) {
    const preview = await get(`/quarters/2019/${quarter}/preview`);
    expect(preview.status).toBe(200);
    // Computed on the indicator data (households and every fact) caught up, and it says so.
    expect((preview.body as { view: unknown }).view).toMatchObject({
      projection: 'assessment-indicators',
      behind: 0,
    });
    expect(
      (preview.body as { tracks: RankingBody['tracks'] }).tracks.map((tr) => tr.units),
    ).toEqual(version.tracks.map((tr) => tr.units));
    const stored = (await get(`/rankings/${version.id}/results`)).body as {
      indicators: unknown[];
    }[];
    const fresh = (preview.body as { results: { indicators: unknown[] }[] }).results;
    expect(fresh.map((r) => r.indicators)).toEqual(stored.map((r) => r.indicators));
  }
});

test('a quarter is ranked once: asking again is refused, and an open quarter cannot be ranked', async () => {
  const again = await request(t.app)
    .post('/rankings')
    .set(bearer(t.tokens.county))
    .send({ year: 2019, quarter: 3 });
  expect(again.status).toBe(409);
  expect(again.body.code).toBe('ASSESSMENT_RANKING_EXISTS');
  const open = await request(t.app)
    .post('/rankings')
    .set(bearer(t.tokens.county))
    .send({ year: 2019, quarter: 4 });
  expect(open.status).toBe(422);
  expect(open.body.code).toBe('ASSESSMENT_QUARTER_NOT_CLOSED');
});

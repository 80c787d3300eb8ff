import { AssessmentRankingPublished } from '@fupin/contracts';
import { createRedis } from '@fupin/kit';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { RANKING_SCHEDULER, RankingJob, type RankingJobResult } from '../src/rankings/ranking.job';
import { startAssessment, testClock, type TestAssessment } from './fixtures/assessment';
import { defineScheme, deliver, EVENTS, townshipsKnown } from './fixtures/scenario';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Two replicas of the service, each with the quarterly job's scheduler and a worker, fire the
 * job every second (instead of once a quarter): each firing runs on one worker only, and the
 * quarter that closed is ranked exactly once.
 */
let a: TestAssessment;
let b: TestAssessment;
const clock = testClock('2019-04-02T01:00:00Z');

beforeAll(async () => {
  a = await startAssessment({
    now: clock.now,
    instance: 'replica-a',
    env: { RANKING_SCHEDULE: '* * * * * *' },
  });
  b = await startAssessment({
    now: clock.now,
    instance: 'replica-b',
    consume: false,
    share: { db: a.db, prefix: a.prefix, issuer: a.issuer },
    env: { RANKING_SCHEDULE: '* * * * * *' },
  });
  await deliver(a, EVENTS.Q1);
  await townshipsKnown(a);
  await defineScheme(a);
});
afterAll(async () => {
  await a?.assessment.job.stop();
  await b?.assessment.job.stop();
  await b?.close({ drop: false });
  await a?.close();
});

test('the job fires on both replicas, each firing runs once, and the closed quarter is ranked once', async () => {
  const collected = await collectTopics(
    a.rt.kafka,
    [a.rt.topic(AssessmentRankingPublished.topic)],
    uniqueName('rank'),
  );
  try {
    await Promise.all([a.assessment.job.start(), b.assessment.job.start()]);
    const queue = a.assessment.job.jobs!;
    // One schedule in Redis, however many replicas upserted it.
    expect(await queue.getJobSchedulersCount()).toBe(1);

    const done = await eventually(
      async () => {
        const jobs = await queue.getJobs(['completed']);
        const results = jobs.map((j) => j.returnvalue as RankingJobResult);
        const workers = new Set(results.map((r) => r.worker));
        if (results.length < 4 || workers.size < 2)
          throw new Error(`${results.length} jobs on ${[...workers].join(',')}`);
        return jobs;
      },
      { timeoutMs: 45_000, intervalMs: 500 },
    );
    await Promise.all([a.assessment.job.stop(), b.assessment.job.stop()]);

    // Every firing (one timestamp each) became one job, run by one of the two workers.
    const stamps = done.map((j) => j.timestamp);
    expect(new Set(stamps).size).toBe(stamps.length);
    const outcomes = done.map((j) => (j.returnvalue as RankingJobResult).outcome);
    expect(outcomes.filter((o) => o === 'published')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'published').every((o) => o === 'already_ranked')).toBe(
      true,
    );
    expect(new Set(done.map((j) => (j.returnvalue as RankingJobResult).quarterKey))).toEqual(
      new Set(['2019-Q1']),
    );

    const versions = await a.assessment.models.rankings.find({ quarterKey: '2019-Q1' }).lean();
    expect(versions.map((v) => [v._id, v.status, v.trigger])).toEqual([
      ['2019-Q1-v1', 'published', 'schedule'],
    ]);
    await eventually(() => expect(collected.messages).toHaveLength(1));
    // Nothing more arrives for it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(collected.messages.map((m) => m.key)).toEqual(['2019-Q1']);
  } finally {
    await collected.stop();
  }
});

test('two replicas ranking the same quarter at the same moment publish one version', async () => {
  clock.set('2019-07-02T01:00:00Z');
  const q = { year: 2019, quarter: 2 as const };
  const opts = { trigger: 'manual' as const, reason: null, actor: null };
  const outcomes = await Promise.all([
    a.assessment.rankings.rankOnce(q, opts),
    b.assessment.rankings.rankOnce(q, opts),
    a.assessment.rankings.rankOnce(q, opts),
  ]);
  expect(outcomes.filter((o) => o.outcome === 'published')).toHaveLength(1);
  expect(outcomes.every((o) => o.rankingId === '2019-Q2-v1')).toBe(true);
  expect(await a.assessment.models.rankings.countDocuments({ quarterKey: '2019-Q2' })).toBe(1);
});

test('by default the job is scheduled for 02:00 on the first day of the next quarter, Shanghai time', async () => {
  const redis = createRedis(a.config.REDIS_URL, a.rt.logger);
  const prefix = uniqueName('sched');
  const job = new RankingJob({
    rankings: a.assessment.rankings,
    connection: redis,
    prefix,
    logger: a.rt.logger,
    pattern: '0 0 2 1 1,4,7,10 *',
    instance: 'probe',
  });
  await job.start();
  try {
    const scheduler = await job.jobs!.getJobScheduler(RANKING_SCHEDULER);
    const now = dayjs().tz('Asia/Shanghai');
    const quarterStartMonth = Math.floor(now.month() / 3) * 3;
    let next = now.month(quarterStartMonth).date(1).hour(2).minute(0).second(0).millisecond(0);
    if (!next.isAfter(now)) next = next.add(3, 'month');
    expect(scheduler?.next).toBe(next.valueOf());
    expect(scheduler?.tz).toBe('Asia/Shanghai');
  } finally {
    await job.jobs!.removeJobScheduler(RANKING_SCHEDULER);
    await job.stop();
    await redis.quit();
  }
});

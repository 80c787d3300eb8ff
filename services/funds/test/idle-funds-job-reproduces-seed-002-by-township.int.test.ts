import { collectTopics, eventually } from '@fupin/testing';
import { as, startFunds, type TestFunds, testClock } from './fixtures/funds';
import { ok } from './fixtures/money';
import {
  buildSeed002,
  SEED_002_CLOCK,
  SEED_002_DAY,
  SEED_002_EXPECTED,
  township,
} from './fixtures/seed-002';

interface Township {
  townshipCode: string;
  idleFen: number;
  unfinishedFen: number;
  completedUnpaidFen: number;
  notStartedProjects: number;
}
interface Run {
  date: string;
  cutoff: string;
  days: number;
  townships: Township[];
  totals: {
    idleFen: number;
    unfinishedFen: number;
    completedUnpaidFen: number;
    townships: number;
    townshipsWithIdle: number;
    notStartedProjects: number;
  };
  projects: { code: string; idleFen: number; category: string; notStarted: boolean }[];
}

const clock = testClock(SEED_002_CLOCK);
let t: TestFunds;
let collector: Awaited<ReturnType<typeof collectTopics>>;
let run: Run;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  collector = await collectTopics(
    t.rt.kafka,
    [t.rt.topic('funds.idle.v1')],
    `${t.config.KAFKA_TOPIC_PREFIX}-idle-collector`,
  );
  await buildSeed002(t);
  // The job runs through BullMQ, exactly as the daily schedule runs it.
  const queued = ok<{ jobId: string; date: string }>(
    await t.api().post('/idle-funds/runs').set(as(t.tokens.office)).send({}),
    202,
  );
  expect(queued.date).toBe(SEED_002_DAY);
  run = await eventually(
    async () =>
      ok<Run>(await t.api().get(`/idle-funds/runs/${SEED_002_DAY}`).set(as(t.tokens.office)), 200),
    { timeoutMs: 60_000, intervalMs: 500 },
  );
}, 300_000);
afterAll(async () => {
  await collector.stop();
  await t.close();
});

test('9 of 13 townships hold idle funds: 4,124,500 yuan, 4,033,800 unfinished and 90,700 completed but unpaid', () => {
  expect(run.days).toBe(90);
  expect(run.cutoff).toBe('2017-11-09');
  expect(run.totals).toMatchObject({
    townships: 13,
    townshipsWithIdle: 9,
    idleFen: 412_450_000,
    unfinishedFen: 403_380_000,
    completedUnpaidFen: 9_070_000,
  });
});

test('each township has its expected idle amount, split by kind', () => {
  const byTownship = Object.fromEntries(run.townships.map((x) => [x.townshipCode, x]));
  for (const [n, [unfinished, completedUnpaid]] of Object.entries(SEED_002_EXPECTED)) {
    const row = byTownship[township(Number(n))];
    expect({
      township: n,
      unfinished: row?.unfinishedFen,
      completedUnpaid: row?.completedUnpaidFen,
    }).toEqual({
      township: n,
      unfinished: unfinished * 100,
      completedUnpaid: completedUnpaid * 100,
    });
    expect(row!.idleFen).toBe(row!.unfinishedFen + row!.completedUnpaidFen);
  }
});

test('projects approved and not started after 60 days are listed', () => {
  expect(run.projects.filter((p) => p.notStarted).map((p) => p.code)).toEqual([
    'LW2017-03',
    'LW2017-07',
    'LW2017-11',
  ]);
  expect(run.totals.notStartedProjects).toBe(3);
  // 2017-12-20 is within 60 days of 2018-02-07: not yet "not started".
  expect(run.projects.map((p) => p.code)).not.toContain('LW2017-13');
});

test('one funds.idle.v1 event per township carries the amounts for the assessment', async () => {
  const events = await eventually(
    () => {
      const list = collector.messages.map((m) => ({ key: m.key, e: JSON.parse(m.value!) }));
      expect(list).toHaveLength(13);
      return list;
    },
    { timeoutMs: 20_000 },
  );
  const one = events.find((x) => x.e.payload.townshipCode === township(1))!;
  expect(one.key).toBe(`${SEED_002_DAY}:${township(1)}`);
  expect(one.e).toMatchObject({
    type: 'funds.idle.assessed',
    areaCode: township(1),
    payload: { date: SEED_002_DAY, days: 90, idleFen: 120_000_000, unfinishedFen: 120_000_000 },
  });
  const sum = events.reduce((s, x) => s + (x.e.payload.idleFen as number), 0);
  expect(sum).toBe(412_450_000);
});

test('a township user sees its own township and totals over it only', async () => {
  const token = await t.issuer.sign({
    sub: 'u-t2',
    area: township(2),
    rights: { funds: ['read'] },
  });
  const mine = ok<Run>(await t.api().get(`/idle-funds/runs/${SEED_002_DAY}`).set(as(token)), 200);
  expect(mine.townships.map((x) => x.townshipCode)).toEqual([township(2)]);
  expect(mine.totals).toMatchObject({ idleFen: 87_000_000, townshipsWithIdle: 1, townships: 1 });
  expect(mine.projects.every((p) => p.code.startsWith('LW2017-02'))).toBe(true);
});

test('the daily schedule is registered in BullMQ on the China calendar', async () => {
  const schedulers = await t.funds.idleQueue()!.getJobSchedulers();
  expect(schedulers).toEqual([
    expect.objectContaining({ key: 'funds-idle-daily', pattern: '0 2 * * *', tz: 'Asia/Shanghai' }),
  ]);
});

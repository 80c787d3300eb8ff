import { FindingReopened } from '@fupin/contracts';
import {
  bearer,
  idNumber,
  project,
  startMatching,
  type TestMatching,
  VILLAGE_A1,
} from './fixtures/matching';
import { closeFinding, walkToReviewed } from './fixtures/walk';
import { collectTopics, eventually } from '@fupin/testing';

let t: TestMatching;
let events: Awaited<ReturnType<typeof collectTopics>>;
beforeAll(async () => {
  t = await startMatching();
  events = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingReopened.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-reopen-test`,
  );
  // Exited for 2019 with 2,000 yuan a head: below that year's line of 3,747 yuan (错退).
  await project(t, {
    id: 'hx',
    areaCode: VILLAGE_A1,
    status: 'exited',
    exitYear: 2019,
    perCapitaIncomeFen: 200_000,
    incomeYear: 2019,
    members: [
      {
        id: 'mx',
        idNumber: idNumber('1960-01-01', 1, 'male'),
        name: '许一',
        birthDate: '1960-01-01',
        sex: 'male',
      },
    ],
  });
});
afterAll(async () => {
  await events?.stop();
  await t?.close();
});

interface FindingBody {
  id: string;
  rule: string;
  status: string;
  dueAt: string;
  reopenings: number;
  confirmations: number;
  conclusion: string | null;
  closing: unknown;
  history: { action: string; byId: string }[];
  rounds: {
    round: number;
    runId: string;
    conclusion: string;
    closing: { id: string; name: string };
    closedAt: string;
    evidence: { kind: string; incomeYear: number };
  }[];
}

async function theFinding(): Promise<FindingBody> {
  const res = await t
    .api()
    .get('/findings')
    .query({ filter: JSON.stringify({ rule: 'EXITED_BELOW_LINE' }) })
    .set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  expect(res.body).toHaveLength(1);
  return (res.body as FindingBody[])[0]!;
}

test('a closed 错退 finding that the next run finds again is reopened, its closed round kept', async () => {
  const first = await t.run(t.tokens.county);
  expect(first.summary).toMatchObject({ created: 1, byRule: { EXITED_BELOW_LINE: 1 } });
  const f = await theFinding();
  await walkToReviewed(t, f.id);
  expect((await closeFinding(t, f.id, { note: '已复核' })).status).toBe(200);
  const closed = await theFinding();
  expect(closed.status).toBe('closed');

  const second = await t.run(t.tokens.county);
  expect(second.summary).toMatchObject({ found: 1, created: 0, reopened: 1, reconfirmed: 0 });

  const again = await theFinding();
  expect(again).toMatchObject({
    id: f.id,
    status: 'assigned',
    conclusion: null,
    closing: null,
    reopenings: 1,
    confirmations: 2,
  });
  expect(new Date(again.dueAt).getTime()).toBeGreaterThan(new Date(f.dueAt).getTime());
  // The earlier round: who closed it, with which conclusion, on which evidence.
  expect(again.rounds).toEqual([
    expect.objectContaining({
      round: 1,
      runId: first.id,
      conclusion: 'confirmed',
      closing: expect.objectContaining({ id: 'u-county-2' }),
      evidence: expect.objectContaining({ kind: 'registry', incomeYear: 2019 }),
    }),
  ]);
  expect(again.history.map((h) => h.action)).toEqual([
    'created',
    'verified',
    'rectified',
    'reviewed',
    'closed',
    'reopened',
  ]);
  expect(again.history.at(-1)!.byId).toBe(`run:${second.id}`);

  // Its event reached Kafka, with the new round's snapshot.
  const reopenedEvent = await eventually(() => {
    const e = events.messages
      .map(
        (m) =>
          JSON.parse(m.value ?? '{}') as {
            type: string;
            aggregateId: string;
            payload: Record<string, unknown>;
          },
      )
      .find((m) => m.type === FindingReopened.type);
    expect(e).toBeDefined();
    return e!;
  });
  expect(reopenedEvent.aggregateId).toBe(f.id);
  expect(reopenedEvent.payload).toMatchObject({
    runId: second.id,
    previousConclusion: 'confirmed',
    finding: { status: 'assigned', reopenings: 1, closedAt: null },
  });

  // The workflow starts over: the reopened finding is verified again.
  await walkToReviewed(t, f.id);
  expect((await closeFinding(t, f.id)).status).toBe(200);
});

test('a third run of the same finding while it is open only re-confirms it', async () => {
  const third = await t.run(t.tokens.county);
  // Closed again at the end of the first test: reopened a second time.
  expect(third.summary).toMatchObject({ reopened: 1 });
  const fourth = await t.run(t.tokens.county);
  expect(fourth.summary).toMatchObject({ reopened: 0, reconfirmed: 1 });
  const f = await theFinding();
  expect(f.reopenings).toBe(2);
  expect(f.rounds.map((r) => r.round)).toEqual([1, 2]);
});

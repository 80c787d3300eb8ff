import { FindingCreated } from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import { bearer, csv, startMatching, type TestMatching } from './fixtures/matching';
import { EXPECTED, LIST_DATE, LISTS, plantRegistry, uploadLists } from './fixtures/planted';

let t: TestMatching;
let events: Awaited<ReturnType<typeof collectTopics>>;

beforeAll(async () => {
  t = await startMatching();
  events = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingCreated.topic)],
    uniqueName('collector'),
  );
  await plantRegistry(t);
  await uploadLists(t);
});
afterAll(async () => {
  await events.stop();
  await t.close();
});

test('a second run over the same lists re-confirms every finding and creates none', async () => {
  const first = await t.run(t.tokens.county);
  const second = await t.run(t.tokens.county);
  expect(first.summary).toMatchObject({
    found: EXPECTED.length,
    created: EXPECTED.length,
    reconfirmed: 0,
  });
  expect(second.summary).toMatchObject({
    found: EXPECTED.length,
    created: 0,
    reconfirmed: EXPECTED.length,
  });

  const res = await t
    .api()
    .get('/findings')
    .query({ range: '[0,499]' })
    .set(bearer(t.tokens.county));
  expect(res.headers['content-range']).toBe(`findings 0-${EXPECTED.length - 1}/${EXPECTED.length}`);
  const findings = res.body as {
    confirmations: number;
    createdByRunId: string;
    lastRunId: string;
  }[];
  expect(new Set(findings.map((f) => f.confirmations))).toEqual(new Set([2]));
  expect(new Set(findings.map((f) => f.createdByRunId))).toEqual(new Set([first.id]));
  expect(new Set(findings.map((f) => f.lastRunId))).toEqual(new Set([second.id]));

  // One matching.finding.created event per finding, not per run.
  await eventually(() => {
    const created = events.messages.filter(
      (m) => JSON.parse(m.value!).type === FindingCreated.type,
    );
    expect(created).toHaveLength(EXPECTED.length);
  });
});

test('a new version of a list finds only what is new, and re-confirms the rest', async () => {
  const vehicles = LISTS.find((l) => l.type === 'vehicles')!;
  const p4 = LISTS.find((l) => l.type === 'businesses')!.rows[1]![1]!;
  const res = await t.upload(
    t.tokens.county,
    csv([...vehicles.rows, [6, '王四', p4, '湘E66666']]),
    { type: 'vehicles', date: LIST_DATE },
  );
  expect(res.body).toMatchObject({ version: 2 });
  const run = await t.run(t.tokens.county, (res.body as { id: string }).id);
  expect(run.summary).toMatchObject({ found: 2, created: 1, reconfirmed: 1 });
  const full = await t.run(t.tokens.county);
  expect(full.summary).toMatchObject({ found: EXPECTED.length + 1, created: 0 });
});

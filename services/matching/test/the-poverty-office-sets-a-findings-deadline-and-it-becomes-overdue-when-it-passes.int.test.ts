import { FindingDueChanged } from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import { bearer, startMatching, type TestMatching } from './fixtures/matching';
import { closeFinding, vehicleFindings, walkToReviewed } from './fixtures/walk';

interface View {
  id: string;
  dueAt: string;
  overdue: boolean;
  overdueReportedAt: string | null;
  revision: number;
  status: string;
  history: { action: string; note: string | null; dueBefore?: string; dueAfter?: string }[];
}

let t: TestMatching;
let events: Awaited<ReturnType<typeof collectTopics>>;
const ids: string[] = [];
const REASON = '县扶贫办督办：限期反馈核实结果';

beforeAll(async () => {
  t = await startMatching();
  events = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(FindingDueChanged.topic)],
    uniqueName('collector'),
  );
  ids.push(
    ...(
      await vehicleFindings(t, 2, { birthDate: '1975-05-05', sex: 'female', plate: '湘E2' })
    ).sort(),
  );
  expect(ids).toHaveLength(2);
});
afterAll(async () => {
  await events.stop();
  await t.close();
});

const setDue = (token: string, id: string, body: object) =>
  t.api().put(`/findings/${id}/due`).set(bearer(token)).send(body);
const get = async (id: string) =>
  (await t.api().get(`/findings/${id}`).set(bearer(t.tokens.county))).body as View;
const listed = async (filter: object) =>
  (
    await t
      .api()
      .get('/findings')
      .query({ filter: JSON.stringify(filter) })
      .set(bearer(t.tokens.county))
  ).body as View[];

test('refusals name the field, in both languages, and change nothing', async () => {
  const id = ids[0]!;
  const before = await get(id);
  const town = await setDue(t.tokens.townshipA, id, {
    dueAt: new Date(Date.now() + 60_000).toISOString(),
    reason: REASON,
  });
  expect(town.status).toBe(403);

  const past = await setDue(t.tokens.county, id, {
    dueAt: new Date(Date.now() - 60_000).toISOString(),
    reason: REASON,
  });
  expect(past.status).toBe(422);
  expect(past.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(past.body).toMatchObject({
    code: 'MATCHING_FINDING_DUE_INVALID',
    errors: [
      {
        field: 'dueAt',
        message: { 'zh-CN': '整改期限须晚于当前时间', en: 'The deadline must be later than now' },
      },
    ],
  });

  const noReason = await setDue(t.tokens.county, id, {
    dueAt: new Date(Date.now() + 60_000).toISOString(),
  });
  expect(noReason.status).toBe(422);
  expect(noReason.body).toMatchObject({
    errors: [{ field: 'reason', message: { 'zh-CN': expect.stringContaining('原因') } }],
  });

  const tooFar = await setDue(t.tokens.county, id, {
    dueAt: new Date(Date.now() + 366 * 24 * 3600 * 1000).toISOString(),
    reason: REASON,
  });
  expect(tooFar.status).toBe(422);
  expect(tooFar.body).toMatchObject({ errors: [{ field: 'dueAt' }] });

  const notADate = await setDue(t.tokens.county, id, { dueAt: '12月5日17:00', reason: REASON });
  expect(notADate.status).toBe(400);
  expect(notADate.body).toMatchObject({ errors: [{ field: 'dueAt' }] });

  expect(await get(id)).toEqual(before);
});

test('the office sets a deadline 1.5 s ahead: not overdue, then overdue when it passes', async () => {
  const id = ids[0]!;
  const before = await get(id);
  const dueAt = new Date(Date.now() + 1500);
  const res = await setDue(t.tokens.county, id, {
    dueAt: dueAt.toISOString(),
    reason: ` ${REASON} `,
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    id,
    dueAt: dueAt.toISOString(),
    overdue: false,
    revision: before.revision + 1,
    status: 'assigned',
  });
  expect((res.body as View).history.at(-1)).toMatchObject({
    action: 'due',
    byId: 'u-county',
    note: REASON,
    dueBefore: before.dueAt,
    dueAfter: dueAt.toISOString(),
  });
  expect((await listed({})).find((f) => f.id === id)).toMatchObject({ overdue: false });
  expect((await listed({ overdue: true })).map((f) => f.id)).toEqual([]);

  await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - Date.now()) + 100));
  expect((await listed({})).find((f) => f.id === id)).toMatchObject({ overdue: true });
  expect((await listed({ overdue: true })).map((f) => f.id)).toEqual([id]);
  expect((await get(id)).history.map((h) => h.action)).toEqual(['created', 'due']);

  await eventually(() => {
    const published = events.messages
      .map((m) => JSON.parse(m.value!))
      .filter((e) => e.type === FindingDueChanged.type);
    expect(published).toEqual([
      expect.objectContaining({
        aggregateId: id,
        payload: {
          finding: expect.objectContaining({ id, dueAt: dueAt.toISOString() }),
          previousDueAt: before.dueAt,
        },
      }),
    ]);
  });
});

test('a finding reported overdue is reported again after a new deadline passes', async () => {
  const id = ids[0]!;
  expect(await t.matching.findings.reportOverdue()).toBe(1);
  expect((await get(id)).overdueReportedAt).not.toBeNull();
  const dueAt = new Date(Date.now() + 800);
  const res = await setDue(t.tokens.county, id, { dueAt: dueAt.toISOString(), reason: '再次督办' });
  expect(res.body).toMatchObject({ overdue: false, overdueReportedAt: null });
  expect(await t.matching.findings.reportOverdue()).toBe(0);
  await new Promise((r) => setTimeout(r, Math.max(0, dueAt.getTime() - Date.now()) + 100));
  expect(await t.matching.findings.reportOverdue()).toBe(1);
});

test('a closed finding keeps its deadline: refused with 409 MATCHING_FINDING_CLOSED', async () => {
  const id = ids[1]!;
  await walkToReviewed(t, id);
  expect((await closeFinding(t, id, { note: '复核销号' })).status).toBe(200);
  const before = await get(id);
  const res = await setDue(t.tokens.county, id, {
    dueAt: new Date(Date.now() + 60_000).toISOString(),
    reason: REASON,
  });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ code: 'MATCHING_FINDING_CLOSED' });
  expect(await get(id)).toEqual(before);
});

import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  type TestAssessment,
} from './fixtures/assessment';

const NAME = '王秀英';
const PHONE = '13812345678';
const UNIT_A = `township:${TOWNSHIP_A}`;
const CIVIL = 'department:civil_affairs';

let t: TestAssessment;
let tokenB: string;
let readOnlyA: string;
const clock = testClock('2026-03-01T02:00:00Z');

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: false });
  tokenB = await t.issuer.sign({
    sub: 'u-town-b',
    name: '南强镇',
    area: TOWNSHIP_B,
    roles: ['township_staff'],
    rights: { assessment: ['read', 'write', 'approve', 'unmask'] },
  });
  readOnlyA = await t.issuer.sign({
    sub: 'u-town-a-read',
    name: '城关镇查看',
    area: TOWNSHIP_A,
    roles: ['township_staff'],
    rights: { assessment: ['read'] },
  });
});
afterAll(async () => {
  await t?.close();
});

const county = () => bearer(t.tokens.county);

async function register(extra: Record<string, unknown> = {}) {
  const res = await request(t.app)
    .post('/complaints')
    .set(county())
    .send({
      receivedOn: '2026-03-01',
      channel: 'hotline_12317',
      complainantName: NAME,
      complainantPhone: PHONE,
      areaCode: TOWNSHIP_A,
      subject: 'assistance_lacking',
      text: '帮扶干部半年未入户走访',
      ...extra,
    });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number; status: string; dueOn: string };
}

async function step(id: string, name: string, body: Record<string, unknown>, token = county()) {
  return request(t.app).post(`/complaints/${id}/${name}`).set(token).send(body);
}

test('When a complaint is assigned, answered, rated 不满意 and reopened, then each round is kept', async () => {
  clock.set('2026-03-01T02:00:00Z');
  const c = await register({ householdId: 'hh-1' });
  expect(c).toMatchObject({ status: 'pending', dueOn: '2026-03-16' });

  const assigned = await step(c.id, 'assign', { unitId: UNIT_A, revision: 1 });
  expect(assigned.status).toBe(200);
  expect(assigned.body).toMatchObject({ status: 'in_progress', unit: { id: UNIT_A } });

  const early = await step(c.id, 'satisfaction', { satisfaction: 'satisfied', revision: 2 });
  expect(early.status).toBe(409);
  expect(early.body.code).toBe('ASSESSMENT_COMPLAINT_STATE');
  expect(early.headers['content-type']).toContain('application/problem+json');

  clock.set('2026-03-10T02:00:00Z');
  const answered = await step(c.id, 'answer', { text: '已督促帮扶干部入户', revision: 2 });
  expect(answered.body).toMatchObject({ status: 'answered', answer: { on: '2026-03-10' } });

  const rated = await step(c.id, 'satisfaction', { satisfaction: 'unsatisfied', revision: 3 });
  expect(rated.body).toMatchObject({ status: 'closed', satisfaction: 'unsatisfied' });

  clock.set('2026-03-12T02:00:00Z');
  const reopened = await step(c.id, 'reopen', { reason: '群众反映仍未走访', revision: 4 });
  expect(reopened.body).toMatchObject({
    status: 'reopened',
    dueOn: '2026-03-27',
    answer: null,
    satisfaction: null,
    rounds: [{ satisfaction: 'unsatisfied', reopenedOn: '2026-03-12' }],
  });
  const stale = await step(c.id, 'answer', { text: 'x', revision: 4 });
  expect(stale.status).toBe(409);
  expect(stale.body.code).toBe('ASSESSMENT_COMPLAINT_REVISION_CONFLICT');

  const linked = await request(t.app)
    .get('/complaints')
    .query({ filter: JSON.stringify({ householdId: 'hh-1' }) })
    .set(county());
  expect(linked.body.map((x: { id: string }) => x.id)).toEqual([c.id]);
});

test('A due day more than 60 days after receipt is refused in both languages', async () => {
  clock.set('2026-03-01T02:00:00Z');
  const res = await request(t.app).post('/complaints').set(county()).send({
    receivedOn: '2026-03-01',
    channel: 'letter',
    areaCode: TOWNSHIP_A,
    subject: 'funds',
    text: '补贴未到账',
    dueOn: '2026-05-01',
  });
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('ASSESSMENT_COMPLAINT_DUE_INVALID');
  expect(res.body.message['zh-CN']).toContain('60');
  expect(res.body.message.en).toContain('60');
});

test('When a unit answers one complaint on its due day and lets another pass it, then the counts say so', async () => {
  clock.set('2026-06-01T02:00:00Z');
  const onTime = await register({ receivedOn: '2026-06-01', unitId: CIVIL });
  const late = await register({ receivedOn: '2026-06-01', unitId: CIVIL, channel: 'letter' });
  clock.set('2026-06-16T02:00:00Z');
  await step(onTime.id, 'answer', { text: '已核实并纳入低保', revision: 1 });
  clock.set('2026-06-17T02:00:00Z');
  const counts = await request(t.app)
    .get('/complaints/units')
    .query({ from: '2026-06-01', to: '2026-06-30' })
    .set(county());
  expect(counts.status).toBe(200);
  expect(counts.body).toEqual([
    expect.objectContaining({
      unitId: CIVIL,
      unitName: '民政',
      received: 2,
      answered: 1,
      answeredOnTime: 1,
      overdue: 1,
    }),
  ]);
  const overdue = await request(t.app)
    .get('/complaints')
    .query({ filter: JSON.stringify({ overdue: true, unitId: CIVIL }) })
    .set(county());
  expect(overdue.body.map((x: { id: string }) => x.id)).toEqual([late.id]);
  expect(overdue.body[0].overdue).toBe(true);
});

test('Another township neither lists, reads, counts nor changes township A’s complaint', async () => {
  clock.set('2026-07-01T02:00:00Z');
  const c = await register({ receivedOn: '2026-07-01' });
  const list = await request(t.app).get('/complaints').set(bearer(tokenB));
  expect(list.status).toBe(200);
  expect(list.body).toEqual([]);
  expect((await request(t.app).get(`/complaints/${c.id}`).set(bearer(tokenB))).status).toBe(404);
  expect((await step(c.id, 'assign', { unitId: CIVIL, revision: 1 }, bearer(tokenB))).status).toBe(
    403,
  );
  const counts = await request(t.app).get('/complaints/units').set(bearer(tokenB));
  expect(counts.body).toEqual([]);
  const created = await request(t.app).post('/complaints').set(bearer(tokenB)).send({
    receivedOn: '2026-07-01',
    channel: 'visit',
    areaCode: TOWNSHIP_A,
    subject: 'conduct',
    text: '越权登记',
  });
  expect(created.status).toBe(403);
});

test('The name and phone are sealed at rest, masked when read, and in clear only with a reason that is audited', async () => {
  clock.set('2026-08-01T02:00:00Z');
  const c = await register({ receivedOn: '2026-08-01' });
  const raw = await t.rt.conn.collection('complaints').findOne({ _id: c.id as never });
  const stored = JSON.stringify(raw);
  expect(stored).not.toContain(NAME);
  expect(stored).not.toContain(PHONE);
  expect(raw?.complainantPhone).toMatchObject({ masked: '138****5678' });

  const masked = await request(t.app).get(`/complaints/${c.id}`).set(bearer(readOnlyA));
  expect(masked.body).toMatchObject({
    complainantName: '王**',
    complainantPhone: '138****5678',
    unmasked: false,
  });
  const refused = await request(t.app)
    .get(`/complaints/${c.id}`)
    .query({ unmask: 'true', reason: '核实来电人身份' })
    .set(bearer(readOnlyA));
  expect(refused.status).toBe(403);
  const noReason = await request(t.app)
    .get(`/complaints/${c.id}`)
    .query({ unmask: 'true' })
    .set(county());
  expect(noReason.status).toBe(400);

  const clear = await request(t.app)
    .get(`/complaints/${c.id}`)
    .query({ unmask: 'true', reason: '回访信访人' })
    .set(county());
  expect(clear.body).toMatchObject({
    complainantName: NAME,
    complainantPhone: PHONE,
    unmasked: true,
  });
  const audit = await t.rt.conn
    .collection('audit_log')
    .findOne({ subjectType: 'complaint', subjectIds: c.id });
  expect(audit).toMatchObject({ action: 'unmask', reason: '回访信访人', actorId: 'u-office' });
  expect(JSON.stringify(audit)).not.toContain(PHONE);
});

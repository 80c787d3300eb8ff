import request from 'supertest';
import {
  bearer,
  COUNTY,
  startAssessment,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  type TestAssessment,
} from './fixtures/assessment';

const VILLAGE_A = '431121101001';
const ALL = ['read', 'write', 'approve', 'export', 'unmask'];

let t: TestAssessment;
let reviewer: string;
let townB: string;
const clock = testClock('2026-04-10T02:00:00Z');

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: false });
  reviewer = await t.issuer.sign({
    sub: 'u-office-2',
    name: '督查组复核人',
    area: COUNTY,
    roles: ['poverty_office'],
    rights: { assessment: ALL },
  });
  townB = await t.issuer.sign({
    sub: 'u-town-b',
    name: '南强镇',
    area: TOWNSHIP_B,
    roles: ['township_staff'],
    rights: { assessment: ALL },
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const api = () => request(t.app);
const office = () => bearer(t.tokens.county);

async function planAndInspection() {
  const plan = await api()
    .post('/inspection-plans')
    .set(office())
    .send({
      name: '2026年第二季度月督查',
      cadence: 'monthly',
      areas: [TOWNSHIP_A],
      checks: ['home_visits', 'guarantees'],
      inspectorUnit: '县扶贫办督查组',
      startsOn: '2026-04-01',
    });
  expect(plan.status).toBe(201);
  const inspection = await api()
    .post('/inspections')
    .set(office())
    .send({
      planId: plan.body.id,
      areaCode: VILLAGE_A,
      inspectedOn: '2026-04-09',
      inspectors: ['张督查', '李督查'],
      inspectorUnit: '县扶贫办督查组',
      findings: [
        { check: 'home_visits', text: '3户本月未走访', severity: 'major' },
        { check: 'guarantees', text: '1户饮水不安全', severity: 'serious', householdId: 'h-1' },
      ],
    });
  expect(inspection.status).toBe(201);
  return { plan: plan.body, inspection: inspection.body };
}

test('a finding is rectified, refused to its sender, sent back, then closed by another person', async () => {
  const { inspection } = await planAndInspection();
  const [visits] = inspection.findings;
  const opened = await api()
    .post('/rectifications')
    .set(office())
    .send({
      inspectionId: inspection.id,
      findingId: visits.id,
      unit: { kind: 'township', code: TOWNSHIP_A },
      requirement: '两周内补齐走访并上传记录',
      deadline: '2026-04-24',
    });
  expect(opened.status).toBe(201);
  expect(opened.body).toMatchObject({ status: 'rectifying', unitId: `township:${TOWNSHIP_A}` });
  const id = opened.body.id as string;

  // One order a finding.
  const again = await api()
    .post('/rectifications')
    .set(office())
    .send({
      inspectionId: inspection.id,
      findingId: visits.id,
      unit: { kind: 'township', code: TOWNSHIP_A },
      requirement: '重复',
      deadline: '2026-04-24',
    });
  expect(again.status).toBe(409);
  const noted = await api().get(`/inspections/${inspection.id}`).set(office());
  expect(noted.body.findings[0].rectificationId).toBe(id);

  // The township sends its evidence with a photo.
  const photo = await api()
    .post(`/inspection-files?fileName=${encodeURIComponent('走访照片.jpg')}&areaCode=${VILLAGE_A}`)
    .set(bearer(t.tokens.townshipA))
    .set('content-type', 'application/octet-stream')
    .send(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  expect(photo.status).toBe(201);
  expect(photo.body.contentType).toBe('image/jpeg');
  const sent = await api()
    .post(`/rectifications/${id}/evidence`)
    .set(bearer(t.tokens.townshipA))
    .send({ text: '已补齐3户走访记录', fileIds: [photo.body.id] });
  expect(sent.status).toBe(200);
  expect(sent.body.status).toBe('awaiting_review');

  // Its sender may not review it (双人复核), in both languages.
  const own = await api()
    .post(`/rectifications/${id}/review`)
    .set(bearer(t.tokens.townshipA))
    .send({ decision: 'close' });
  expect(own.status).toBe(403);
  expect(own.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(own.body.code).toBe('ASSESSMENT_RECTIFICATION_FOUR_EYES');
  expect(own.body.message['zh-CN']).toContain('另一人');
  expect(own.body.message.en).toContain('another person');

  // Sent back without a reason is refused; with one it is 退回.
  const noReason = await api()
    .post(`/rectifications/${id}/review`)
    .set(office())
    .send({ decision: 'return' });
  expect(noReason.status).toBe(422);
  const back = await api()
    .post(`/rectifications/${id}/review`)
    .set(office())
    .send({ decision: 'return', note: '缺少走访签字' });
  expect(back.body.status).toBe('returned');

  // Sent again by the office itself: then the office may not close it, another person may.
  await api()
    .post(`/rectifications/${id}/evidence`)
    .set(office())
    .send({ text: '补充签字材料' })
    .expect(200);
  const self = await api()
    .post(`/rectifications/${id}/review`)
    .set(office())
    .send({ decision: 'close' });
  expect(self.status).toBe(403);
  clock.set('2026-04-20T02:00:00Z');
  const closed = await api()
    .post(`/rectifications/${id}/review`)
    .set(bearer(reviewer))
    .send({ decision: 'close', note: '材料齐全' });
  expect(closed.status).toBe(200);
  expect(closed.body).toMatchObject({ status: 'closed', closedOn: '2026-04-20', overdue: false });
  expect(closed.body.history.map((h: { action: string }) => h.action)).toEqual([
    'opened',
    'evidence_submitted',
    'returned',
    'evidence_submitted',
    'closed',
  ]);
  // Closed is closed.
  const late = await api()
    .post(`/rectifications/${id}/evidence`)
    .set(bearer(t.tokens.townshipA))
    .send({ text: '再交一次' });
  expect(late.status).toBe(409);
});

test('an order past its deadline is overdue the day after it, and counted per unit', async () => {
  clock.set('2026-05-02T02:00:00Z');
  const { inspection } = await planAndInspection();
  const [visits, water] = inspection.findings;
  const dueToday = await api()
    .post('/rectifications')
    .set(office())
    .send({
      inspectionId: inspection.id,
      findingId: visits.id,
      unit: { kind: 'township', code: TOWNSHIP_A },
      requirement: '补齐走访',
      issuedOn: '2026-04-20',
      deadline: '2026-05-02',
    });
  const dept = await api()
    .post('/rectifications')
    .set(office())
    .send({
      inspectionId: inspection.id,
      findingId: water.id,
      unit: { kind: 'department', code: 'water' },
      requirement: '解决安全饮水',
      issuedOn: '2026-04-20',
      deadline: '2026-05-01',
    });
  expect([dueToday.status, dept.status]).toEqual([201, 201]);
  expect(dept.body.unit.name).toBe('水利');
  expect(dueToday.body.overdue).toBe(false);
  expect(dept.body.overdue).toBe(true);

  const overdue = await api()
    .get('/rectifications')
    .query({ filter: JSON.stringify({ overdue: true }) })
    .set(office());
  expect(overdue.body.map((o: { id: string }) => o.id)).toEqual([dept.body.id]);

  const counts = await api().get('/rectifications/units?period=2026-Q2').set(office());
  expect(counts.status).toBe(200);
  expect(counts.body).toMatchObject({ period: '2026-Q2', asOf: '2026-05-02' });
  const byUnit = Object.fromEntries(
    (counts.body.units as { unitId: string }[]).map((u) => [u.unitId, u]),
  );
  expect(byUnit['department:water']).toMatchObject({ open: 1, overdue: 1 });
  // The first test's order closed on time; this one is due today, not yet overdue.
  expect(byUnit[`township:${TOWNSHIP_A}`]).toMatchObject({
    open: 1,
    overdue: 0,
    closedOnTime: 1,
    closedLate: 0,
  });

  clock.set('2026-05-03T02:00:00Z');
  const next = await api().get('/rectifications/units').set(office());
  expect(next.body.period).toBe('2026-Q2');
  const town = (next.body.units as { unitId: string; overdue: number }[]).find(
    (u) => u.unitId === `township:${TOWNSHIP_A}`,
  );
  expect(town?.overdue).toBe(1);
});

test("another township neither sees nor changes township A's inspections and orders", async () => {
  const { plan, inspection } = await planAndInspection();
  const order = await api()
    .post('/rectifications')
    .set(office())
    .send({
      inspectionId: inspection.id,
      findingId: inspection.findings[0].id,
      unit: { kind: 'township', code: TOWNSHIP_A },
      requirement: '补齐走访',
      deadline: '2026-06-30',
    });
  for (const path of [
    `/inspection-plans/${plan.id}`,
    `/inspections/${inspection.id}`,
    `/rectifications/${order.body.id}`,
  ]) {
    expect((await api().get(path).set(bearer(townB))).status).toBe(404);
  }
  for (const path of ['/inspection-plans', '/inspections', '/rectifications']) {
    const res = await api().get(path).set(bearer(townB));
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  }
  const units = await api().get('/rectifications/units').set(bearer(townB));
  expect(units.body.units).toEqual([]);
  const submit = await api()
    .post(`/rectifications/${order.body.id}/evidence`)
    .set(bearer(townB))
    .send({ text: '越权提交' });
  expect(submit.status).toBe(403);
  const review = await api()
    .post(`/rectifications/${order.body.id}/review`)
    .set(bearer(townB))
    .send({ decision: 'close' });
  expect(review.status).toBe(403);
  const opened = await api()
    .post('/rectifications')
    .set(bearer(townB))
    .send({
      inspectionId: inspection.id,
      findingId: inspection.findings[1].id,
      unit: { kind: 'township', code: TOWNSHIP_B },
      requirement: '越权',
      deadline: '2026-06-30',
    });
  expect(opened.status).toBe(404);
  const record = await api()
    .post('/inspections')
    .set(bearer(townB))
    .send({
      areaCode: VILLAGE_A,
      inspectedOn: '2026-04-09',
      inspectors: ['王'],
      inspectorUnit: '南强镇',
    });
  expect(record.status).toBe(403);
  // Township A's own user sees its records.
  const own = await api().get('/rectifications').set(bearer(t.tokens.townshipA));
  expect(own.body.length).toBeGreaterThan(0);
});

test('a plan refuses a village as an area, and an inspection outside its plan or in the future', async () => {
  const plan = await api()
    .post('/inspection-plans')
    .set(office())
    .send({
      name: '周督查',
      cadence: 'weekly',
      areas: [VILLAGE_A],
      checks: ['home_visits'],
      inspectorUnit: '督查组',
      startsOn: '2026-04-01',
    });
  expect(plan.status).toBe(422);
  expect(plan.body.errors[0].field).toBe('areas.0');
  const { plan: p } = await planAndInspection();
  const outside = await api()
    .post('/inspections')
    .set(office())
    .send({
      planId: p.id,
      areaCode: TOWNSHIP_B,
      inspectedOn: '2099-01-01',
      inspectors: ['张'],
      inspectorUnit: '督查组',
      findings: [{ check: 'matching_leads', text: '疑点未核', severity: 'minor' }],
    });
  expect(outside.status).toBe(422);
  expect(outside.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
    'areaCode',
    'findings.0.check',
    'inspectedOn',
  ]);
});

import { createEvent, ReimbursementRecorded, SYSTEM_ACTOR } from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import { shanghaiDateOf } from '@fupin/reference';
import dayjs from 'dayjs';
import request from 'supertest';
import { startRegistry, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

// Issue 21: an exited household gets an in-patient episode with ¥25,000 out of pocket (support's
// event), the screening warns (once, however often it runs), the township confirms, and the
// household enters monitoring through the registry's own workflow. A dismissal needs evidence;
// another township reaches none of it.

let t: TestRegistry;
/** Days relative to today in Asia/Shanghai: the screening looks back twelve months from today. */
const today = () => shanghaiDateOf(new Date());
const daysAgo = (n: number) => dayjs(today()).subtract(n, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await startRegistry();
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

async function episode(
  householdId: string,
  memberId: string,
  totalFen: number,
  reimbursedFen: number,
) {
  const e = createEvent(ReimbursementRecorded, {
    aggregateId: `ep-${householdId}`,
    areaCode: VILLAGE_A1,
    actor: SYSTEM_ACTOR,
    payload: {
      episode: {
        id: `ep-${householdId}`,
        personId: memberId,
        householdId,
        idHash: 'b'.repeat(64),
        areaCode: VILLAGE_A1,
        admittedOn: daysAgo(20),
        dischargedOn: daysAgo(10),
        totalCostFen: totalFen,
        basicInsuranceFen: reimbursedFen,
        seriousIllnessInsuranceFen: 0,
        medicalAssistanceFen: 0,
        reimbursedFen,
        ratioBasisPoints: Math.floor((reimbursedFen * 10_000) / totalFen),
        targetBasisPoints: 9000,
        topUpFen: 0,
        topUpPaidFen: 0,
        topUpStatus: 'not_needed',
      },
    },
  });
  await t.rt.producer.send({
    topic: t.rt.topic(ReimbursementRecorded.topic),
    messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
  });
}

async function screen() {
  const res = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
  expect(res.status).toBe(202);
  let run: { status: string; screened: number; raised: number; updated: number } | undefined;
  await eventually(
    async () => {
      const got = await request(t.app)
        .get(`/monitoring/screenings/${res.body.id}`)
        .set(as(t.tokens.county));
      expect({ status: got.body.status, error: got.body.error }).toEqual({
        status: 'done',
        error: null,
      });
      run = got.body;
    },
    { timeoutMs: 60_000 },
  );
  return run!;
}

test('a ¥25,000 out-of-pocket stay warns; confirmed, the household enters monitoring', async () => {
  // Incomes well above the 2019 monitoring line (1.5 × ¥3,747): only the medical costs can warn.
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018, incomeFen: 3_000_000 });
  const other = await registerHousehold(t, {
    status: 'exited',
    exitYear: 2018,
    incomeFen: 3_000_000,
  });
  const detail = await request(t.app).get(`/households/${h.id}`).set(as(t.tokens.county));
  const memberId = detail.body.members[0].id as string;
  // ¥40,000 with ¥15,000 reimbursed: ¥25,000 out of pocket; the other household ¥20,000 exactly.
  await episode(h.id, memberId, 4_000_000, 1_500_000);
  const otherDetail = await request(t.app).get(`/households/${other.id}`).set(as(t.tokens.county));
  await episode(other.id, otherDetail.body.members[0].id, 3_000_000, 1_000_000);
  await eventually(async () => {
    const n = await t.registry.ctx.rt.conn.collection('monitoring_medical_costs').countDocuments();
    expect(n).toBe(2);
  });

  const run = await screen();
  const all = await request(t.app).get('/monitoring/warnings').set(as(t.tokens.county));
  // The other household's ¥20,000 is the threshold exactly: no warning.
  const warned = all.body.map((w: { householdId: string; signals: { code: string }[] }) => [
    w.householdId,
    w.signals.map((s) => s.code),
  ]);
  expect(warned).toEqual([[h.id, ['medical_out_of_pocket']]]);
  expect(run.raised).toBe(1);
  const list = await request(t.app)
    .get('/monitoring/warnings')
    .query({ filter: JSON.stringify({ householdId: h.id }) })
    .set(as(t.tokens.townshipA));
  expect(list.status).toBe(200);
  expect(list.body).toHaveLength(1);
  const warning = list.body[0];
  expect(warning).toMatchObject({
    status: 'open',
    overdue: false,
    suggestedCategory: 'sudden_hardship',
    signals: [{ code: 'medical_out_of_pocket', values: { outOfPocketFen: 2_500_000 } }],
  });
  expect(warning.signals[0].explanation['zh-CN']).toContain('25,000.00');
  // At the threshold exactly: no warning for the other household.
  const none = await request(t.app)
    .get('/monitoring/warnings')
    .query({ filter: JSON.stringify({ householdId: other.id }) })
    .set(as(t.tokens.county));
  expect(none.body).toHaveLength(0);

  // A second screening updates the open warning, never duplicates it.
  const again = await screen();
  expect(again).toMatchObject({ raised: 0, updated: 1 });

  // Another township reaches none of it; a dismissal without evidence is refused.
  const outside = await request(t.app)
    .get(`/monitoring/warnings/${warning.id}`)
    .set(as(t.tokens.townshipB));
  expect([403, 404]).toContain(outside.status);
  const noEvidence = await request(t.app)
    .post(`/monitoring/warnings/${warning.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '已核实无风险' });
  expect(noEvidence.status).toBe(400);
  expect(noEvidence.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(noEvidence.body.errors[0].field).toBe('evidence');

  const confirmed = await request(t.app)
    .post(`/monitoring/warnings/${warning.id}/confirm`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '入户核实：住院自付过高，家庭收入骤降', evidence: ['入户核实照片-001'] });
  expect(confirmed.status).toBe(200);
  expect(confirmed.body).toMatchObject({
    status: 'confirmed',
    decision: { decision: 'confirmed', category: 'sudden_hardship' },
  });
  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.county));
  expect(wf.body.active).toMatchObject({ kind: 'monitoring_entry', category: 'sudden_hardship' });
  expect(JSON.stringify(wf.body.active)).toContain(`monitoring-warning:${warning.id}`);
  // Decided once: a second decision is refused.
  const twice = await request(t.app)
    .post(`/monitoring/warnings/${warning.id}/dismiss`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '重复', evidence: ['x'] });
  expect(twice.status).toBe(409);
  expect(twice.body.code).toBe('REGISTRY_WARNING_DECIDED');

  // The entry is appraised, reviewed and approved: the household is monitored.
  for (const action of ['appraise', 'review', 'approve']) {
    const token = action === 'approve' ? t.tokens.county : t.tokens.townshipA;
    const res = await step(t, token, h.id, 'monitoring_entry', { action, reason: '核实属实' });
    expect(res.status).toBe(201);
  }
  // Removal is refused until six months of stable income and a recent home check are recorded.
  const early = await step(t, t.tokens.townshipA, h.id, 'monitoring_removal', { action: 'start' });
  expect(early.status).toBe(422);
  expect(early.body.failedChecks).toEqual(['stable_income_months', 'home_check_recent']);
  for (let back = 5; back >= 0; back--) {
    const month = dayjs(today()).subtract(back, 'month').format('YYYY-MM');
    const res = await request(t.app)
      .put(`/monitoring/households/${h.id}/follow-ups/${month}`)
      .set(as(t.tokens.townshipA))
      .send({ incomeFen: 600_000, homeCheckOn: back === 0 ? today() : null });
    expect(res.status).toBe(200);
    if (back === 3) {
      const risk = await request(t.app)
        .get(`/monitoring/households/${h.id}/risk`)
        .set(as(t.tokens.townshipA));
      expect(risk.body).toMatchObject({ stableMonths: 0, requiredMonths: 6 });
    }
  }
  const risk = await request(t.app)
    .get(`/monitoring/households/${h.id}/risk`)
    .set(as(t.tokens.townshipA));
  expect(risk.body).toMatchObject({ stableMonths: 6, openWarnings: 0, lastHomeCheck: today() });
  const removal = await step(t, t.tokens.townshipA, h.id, 'monitoring_removal', {
    action: 'start',
    reason: '连续六个月收入稳定',
  });
  expect(removal.status).toBe(201);

  const stats = await request(t.app).get('/monitoring/statistics').set(as(t.tokens.county));
  expect(stats.body.townships).toEqual([
    expect.objectContaining({ open: 0, confirmed: 1, confirmedThisMonth: 1, verifiedOnTime: 1 }),
  ]);
});

test('the thresholds of a year are set by the poverty office, audited, and read back', async () => {
  const refused = await request(t.app)
    .put('/monitoring/settings/2026')
    .set(as(t.tokens.townshipA))
    .send({ monitoringLineFen: 700_000, medicalThresholdFen: 1_500_000, reason: '省定监测线' });
  expect(refused.status).toBe(403);
  const bad = await request(t.app)
    .put('/monitoring/settings/2026')
    .set(as(t.tokens.county))
    .send({ monitoringLineFen: -1, medicalThresholdFen: 1_500_000, reason: '省定监测线' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('monitoringLineFen');
  const set = await request(t.app)
    .put('/monitoring/settings/2026')
    .set(as(t.tokens.county))
    .send({ monitoringLineFen: 700_000, medicalThresholdFen: 1_500_000, reason: '省定监测线' });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({
    year: 2026,
    monitoringLineFen: 700_000,
    monitoringLineSource: 'setting',
    medicalThresholdFen: 1_500_000,
  });
  const defaults = await request(t.app)
    .get('/monitoring/settings/2020')
    .set(as(t.tokens.townshipA));
  // 1.5 × the 2020 national line of ¥4,000.
  expect(defaults.body).toMatchObject({
    monitoringLineFen: 600_000,
    monitoringLineSource: 'poverty_line',
    medicalThresholdFen: 2_000_000,
  });
  const audit = await t.registry.audit.model.find({ action: 'monitoring_settings_change' }).lean();
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ reason: '省定监测线', after: { monitoringLineFen: 700_000 } });
});

import { CoverageRecorded, ReimbursementRecorded } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/support';

let t: TestSupport;
let a1: SeededHousehold;
let a2: SeededHousehold;
let b1: SeededHousehold;
const YEAR = 2018;

beforeAll(async () => {
  t = await startSupport();
  a1 = t.household(VILLAGE_A1, [
    { name: '周一', birthDate: '1960-01-01' },
    { name: '周二', birthDate: '1962-02-02', sex: 'female' },
    { name: '周三', birthDate: '2008-03-03', inSchool: true },
  ]);
  a2 = t.household(VILLAGE_A2, [{ name: '吴一', birthDate: '1975-05-05' }]);
  b1 = t.household(VILLAGE_B1, [
    { name: '郑一', birthDate: '1950-01-01' },
    { name: '郑二', birthDate: '1952-01-01', sex: 'female' },
  ]);
  // A candidate household is not on the register: it counts nowhere.
  const candidate = t.household(
    VILLAGE_A1,
    [{ name: '候选', birthDate: '1970-01-01' }],
    'candidate',
  );
  await t.seed([a1, a2, b1, candidate]);
});
afterAll(async () => {
  await t.close();
});

const health = () => as(t.tokens.health);
const insure = (personId: string, kind: string, enrolled = true) =>
  request(t.app)
    .post('/health/insurance')
    .set(health())
    .send({ personId, year: YEAR, kind, enrolled });

test('coverage rate by township against the targets (medical 100%, pension 98%)', async () => {
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(CoverageRecorded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs`,
  );
  try {
    // Township A: 3 of its 4 people in basic medical insurance; township B: both.
    for (const m of [a1.members[0]!, a1.members[2]!, a2.members[0]!, ...b1.members]) {
      const res = await insure(m.id, 'basic_medical');
      expect(res.status).toBe(200);
    }
    // Pension: A's three adults, 2 enrolled; the child does not count.
    await insure(a1.members[0]!.id, 'pension');
    await insure(a2.members[0]!.id, 'pension');
    // The same fact again changes nothing and publishes nothing.
    const again = await insure(a1.members[0]!.id, 'basic_medical');
    expect(again.body).toMatchObject({
      basic_medical: true,
      pension: true,
      serious_illness: false,
    });

    const res = await request(t.app).get('/health/coverage').query({ year: YEAR }).set(health());
    expect(res.status).toBe(200);
    const row = (area: string, kind: string) =>
      res.body.rows.find(
        (r: { areaCode: string; kind: string }) => r.areaCode === area && r.kind === kind,
      );
    expect(row(TOWNSHIP_A, 'basic_medical')).toEqual({
      areaCode: TOWNSHIP_A,
      kind: 'basic_medical',
      eligible: 4,
      enrolled: 3,
      rateBasisPoints: 7500,
      targetBasisPoints: 10_000,
      targetMet: false,
      shortfall: 1,
    });
    expect(row(TOWNSHIP_B, 'basic_medical')).toMatchObject({
      eligible: 2,
      enrolled: 2,
      rateBasisPoints: 10_000,
      targetMet: true,
    });
    expect(row(TOWNSHIP_A, 'pension')).toMatchObject({
      eligible: 3,
      enrolled: 2,
      rateBasisPoints: 6666,
      targetBasisPoints: 9800,
      targetMet: false,
      shortfall: 1,
    });
    expect(row(TOWNSHIP_B, 'pension')).toMatchObject({
      eligible: 2,
      enrolled: 0,
      targetMet: false,
    });
    expect(res.body.total.find((r: { kind: string }) => r.kind === 'basic_medical')).toMatchObject({
      eligible: 6,
      enrolled: 5,
      rateBasisPoints: 8333,
    });

    const byVillage = await request(t.app)
      .get('/health/coverage')
      .query({ year: YEAR, by: 'village', area: TOWNSHIP_A })
      .set(health());
    expect(
      byVillage.body.rows
        .filter((r: { kind: string }) => r.kind === 'basic_medical')
        .map((r: { areaCode: string; enrolled: number; eligible: number }) => [
          r.areaCode,
          r.enrolled,
          r.eligible,
        ]),
    ).toEqual([
      [VILLAGE_A1, 2, 3],
      [VILLAGE_A2, 1, 1],
    ]);

    // A township user's coverage is its own township's.
    const town = await request(t.app)
      .get('/health/coverage')
      .query({ year: YEAR })
      .set(as(t.tokens.townshipB));
    expect([...new Set(town.body.rows.map((r: { areaCode: string }) => r.areaCode))]).toEqual([
      TOWNSHIP_B,
    ]);
    expect(town.body.total.find((r: { kind: string }) => r.kind === 'basic_medical')).toMatchObject(
      { eligible: 2 },
    );
    const uninsured = await request(t.app)
      .get('/health/insurance')
      .query({ year: YEAR, filter: JSON.stringify({ kind: 'basic_medical', enrolled: false }) })
      .set(health());
    expect(uninsured.body.map((p: { name: string }) => p.name)).toEqual(['周二']);

    await eventually(() => expect(seen.messages).toHaveLength(7));
    const first = JSON.parse(seen.messages[0]!.value!) as { payload: Record<string, unknown> };
    expect(first.payload).toMatchObject({
      year: YEAR,
      kind: 'basic_medical',
      enrolled: true,
      source: 'manual',
    });
  } finally {
    await seen.stop();
  }
});

test('an in-patient episode reimbursed 85% owes a 500-yuan top-up to 90%, tracked until paid; 92% owes nothing', async () => {
  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(ReimbursementRecorded.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs2`,
  );
  try {
    const personId = a1.members[0]!.id;
    const episode = {
      personId,
      hospital: '县人民医院',
      admittedOn: '2018-01-10',
      dischargedOn: '2018-01-20',
      totalCostFen: 1_000_000,
      basicInsuranceFen: 650_000,
      seriousIllnessInsuranceFen: 150_000,
      medicalAssistanceFen: 50_000,
    };
    const res = await request(t.app).post('/health/inpatient-episodes').set(health()).send(episode);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reimbursedFen: 850_000,
      ratioBasisPoints: 8500,
      targetBasisPoints: 9000,
      topUpFen: 50_000,
      topUpPaidFen: 0,
      topUpStatus: 'owed',
    });
    const id = res.body.id as string;

    const part = await request(t.app)
      .post(`/health/inpatient-episodes/${id}/top-up-payments`)
      .set(health())
      .send({ amountFen: 20_000, paidOn: '2018-02-01', department: '县医保局' });
    expect(part.body).toMatchObject({ topUpPaidFen: 20_000, topUpStatus: 'partly_paid' });
    const over = await request(t.app)
      .post(`/health/inpatient-episodes/${id}/top-up-payments`)
      .set(health())
      .send({ amountFen: 40_000, paidOn: '2018-02-02', department: '县医保局' });
    expect(over.status).toBe(422);
    const rest = await request(t.app)
      .post(`/health/inpatient-episodes/${id}/top-up-payments`)
      .set(health())
      .send({ paidOn: '2018-02-03', department: '县医保局', voucherNo: 'ZB-001' });
    expect(rest.body).toMatchObject({ topUpPaidFen: 50_000, topUpStatus: 'paid' });
    expect(rest.body.topUpPayments.map((p: { amountFen: number }) => p.amountFen)).toEqual([
      20_000, 30_000,
    ]);
    const more = await request(t.app)
      .post(`/health/inpatient-episodes/${id}/top-up-payments`)
      .set(health())
      .send({ paidOn: '2018-02-04', department: '县医保局' });
    expect(more.status).toBe(409);
    const { personId: _p, ...figures } = episode;
    const correction = await request(t.app)
      .put(`/health/inpatient-episodes/${id}`)
      .set(health())
      .send(figures);
    expect(correction.status).toBe(409);
    expect(correction.body.code).toBe('SUPPORT_EPISODE_TOP_UP_PAID');

    const ok = await request(t.app)
      .post('/health/inpatient-episodes')
      .set(health())
      .send({ ...episode, basicInsuranceFen: 700_000, medicalAssistanceFen: 70_000 });
    expect(ok.body).toMatchObject({
      ratioBasisPoints: 9200,
      topUpFen: 0,
      topUpStatus: 'not_needed',
    });

    const before = await t.support.models.episodes.countDocuments();
    const bad = await request(t.app)
      .post('/health/inpatient-episodes')
      .set(health())
      .send({ ...episode, basicInsuranceFen: 900_000 });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('SUPPORT_REIMBURSEMENT_EXCEEDS_COST');
    expect(await t.support.models.episodes.countDocuments()).toBe(before);

    const owed = await request(t.app)
      .get('/health/inpatient-episodes')
      .query({ filter: JSON.stringify({ topUpStatus: 'paid' }) })
      .set(health());
    expect(owed.body).toHaveLength(1);
    const stats = await request(t.app)
      .get('/statistics/health')
      .query({ year: YEAR })
      .set(health());
    expect(stats.body.inpatient).toMatchObject({
      episodes: 2,
      topUpFen: 50_000,
      topUpPaidFen: 50_000,
      topUpOutstandingFen: 0,
    });
    // Asked for no year, the card shows the latest year with records, not an empty current year.
    const latest = await request(t.app).get('/statistics/health').set(health());
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({
      year: YEAR,
      latestWithData: true,
      inpatient: { episodes: 2 },
    });

    await eventually(() => expect(seen.messages.length).toBeGreaterThanOrEqual(4));
    const types = seen.messages.map((m) => (JSON.parse(m.value!) as { type: string }).type);
    expect(types.filter((x) => x === 'support.reimbursement.top_up_paid')).toHaveLength(2);
  } finally {
    await seen.stop();
  }
});

test('chronic-care contracts and serious-illness relief cases are kept per person', async () => {
  const personId = b1.members[0]!.id;
  const contract = await request(t.app).post('/health/chronic-care-contracts').set(health()).send({
    personId,
    disease: '高血压',
    doctor: '李医生',
    team: '陬市镇卫生院家庭医生团队',
    signedOn: '2018-01-05',
  });
  expect(contract.status).toBe(201);
  const ended = await request(t.app)
    .put(`/health/chronic-care-contracts/${contract.body.id}`)
    .set(health())
    .send({ endedOn: '2018-12-31' });
  expect(ended.body).toMatchObject({ status: 'ended', endedOn: '2018-12-31', revision: 2 });
  const illness = await request(t.app)
    .post('/health/serious-illness-cases')
    .set(health())
    .send({ personId, disease: '尿毒症', includedOn: '2018-01-15', hospital: '市中心医院' });
  expect(illness.status).toBe(201);
  const list = await request(t.app)
    .get('/health/serious-illness-cases')
    .set(as(t.tokens.townshipA));
  expect(list.body).toEqual([]);
  const notRegistered = await request(t.app)
    .post('/health/serious-illness-cases')
    .set(health())
    .send({
      personId: (await t.support.models.persons.findOne({ name: '候选' }).lean())!._id,
      disease: 'x',
      includedOn: '2018-01-15',
    });
  expect(notRegistered.status).toBe(422);
  expect(notRegistered.body.code).toBe('SUPPORT_PERSON_NOT_REGISTERED');
});

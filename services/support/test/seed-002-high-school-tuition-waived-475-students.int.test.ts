import { SubsidyPaid } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  idNumber,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/support';

/**
 * Seed 002: "2018年春季学期为475名普通高中建档立卡贫困学生免学费47.5万元" — 475 registered
 * high-school students, tuition waived at the standard 1,000 yuan a term, 475,000 yuan.
 */
let t: TestSupport;
const households: SeededHousehold[] = [];
const TERM = '2018-spring';
const IN_A = 300;
const IN_B = 175;

beforeAll(async () => {
  t = await startSupport();
  let n = 0;
  const child = () => {
    n++;
    const birth = `${2000 + (n % 3)}-0${1 + (n % 9)}-1${n % 10}`;
    return {
      name: `学生${n}`,
      birthDate: birth,
      idNumber: idNumber(birth, n, n % 2 ? 'male' : 'female'),
      inSchool: true,
    };
  };
  for (let i = 0; i < (IN_A + IN_B) / 5; i++) {
    households.push(
      t.household(i < IN_A / 5 ? VILLAGE_A1 : VILLAGE_B1, [
        child(),
        child(),
        child(),
        child(),
        child(),
      ]),
    );
  }
  await t.seed(households, 120_000);
}, 180_000);
afterAll(async () => {
  await t.close();
});

const students = () => households.flatMap((h) => h.members);

test('475 registered high-school students enrolled from the education list, tuition waived at the standard: 475,000 yuan', async () => {
  const edu = as(t.tokens.education);
  const standard = await request(t.app).put('/education/subsidy-standards').set(edu).send({
    type: 'tuition_waiver',
    stage: 'senior_secondary',
    fromTerm: '2017-autumn',
    amountFen: 100_000,
  });
  expect(standard.status).toBe(200);

  const csv = [
    '身份证号,姓名,学校,学段,年级,学籍状态',
    ...students().map(
      (m, i) =>
        `${m.idNumber},${m.name},桃源县第一中学,普通高中,高${['一', '二', '三'][i % 3]},在读`,
    ),
  ].join('\r\n');
  const upload = await request(t.app)
    .post('/imports/education-enrollment')
    .query({ term: TERM, fileName: '2018春季学期高中学籍.csv' })
    .set(edu)
    .set('content-type', 'text/csv')
    .send(Buffer.from(csv, 'utf8'));
  expect(upload.status).toBe(202);
  const job = await eventually(
    async () => {
      const r = await request(t.app).get(`/imports/${upload.body.id}`).set(edu);
      expect(r.body.status).toBe('completed');
      return r.body;
    },
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  expect(job.counts).toMatchObject({
    rows: 475,
    enrolled: 475,
    unknownPerson: 0,
    rejected: 0,
    notFound: 0,
  });

  const seen = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(SubsidyPaid.topic)],
    `${t.config.KAFKA_TOPIC_PREFIX}-obs`,
  );
  try {
    const batch = await request(t.app).post('/education/subsidy-payments/batch').set(edu).send({
      type: 'tuition_waiver',
      term: TERM,
      stage: 'senior_secondary',
      paidOn: '2018-03-20',
      department: '县教育局',
    });
    expect(batch.status).toBe(200);
    expect(batch.body).toEqual({
      created: 475,
      skipped: 0,
      amountFen: 47_500_000,
      perStudentFen: 100_000,
      standard: true,
    });

    const byType = await request(t.app)
      .get('/education/subsidy-totals')
      .query({ term: TERM, by: 'type' })
      .set(edu);
    expect(byType.body.rows).toEqual([
      { key: 'tuition_waiver', payments: 475, students: 475, amountFen: 47_500_000 },
    ]);
    expect(byType.body.total).toMatchObject({ students: 475, amountFen: 47_500_000 });
    const byStage = await request(t.app)
      .get('/education/subsidy-totals')
      .query({ term: TERM, by: 'stage' })
      .set(edu);
    expect(byStage.body.rows).toEqual([
      { key: 'senior_secondary', payments: 475, students: 475, amountFen: 47_500_000 },
    ]);
    const byTownship = await request(t.app)
      .get('/education/subsidy-totals')
      .query({ term: TERM, by: 'township' })
      .set(edu);
    expect(byTownship.body.rows).toEqual([
      { key: TOWNSHIP_A, payments: IN_A, students: IN_A, amountFen: IN_A * 100_000 },
      { key: TOWNSHIP_B, payments: IN_B, students: IN_B, amountFen: IN_B * 100_000 },
    ]);

    // A township sees its own part of the totals only.
    const town = await request(t.app)
      .get('/education/subsidy-totals')
      .query({ term: TERM, by: 'township' })
      .set(as(t.tokens.townshipA));
    expect(town.body.total).toMatchObject({ students: IN_A, amountFen: IN_A * 100_000 });

    await eventually(() => expect(seen.messages.length).toBe(475), { timeoutMs: 30_000 });
    const one = JSON.parse(seen.messages[0]!.value!) as {
      payload: { payment: Record<string, unknown> };
    };
    expect(one.payload.payment).toMatchObject({
      type: 'tuition_waiver',
      term: TERM,
      amountFen: 100_000,
      stage: 'senior_secondary',
    });
    expect(JSON.stringify(seen.messages)).not.toContain(students()[0]!.idNumber);
  } finally {
    await seen.stop();
  }
});

test('paying the batch again pays no one twice; a single duplicate payment is refused', async () => {
  const edu = as(t.tokens.education);
  const again = await request(t.app).post('/education/subsidy-payments/batch').set(edu).send({
    type: 'tuition_waiver',
    term: TERM,
    stage: 'senior_secondary',
    paidOn: '2018-03-21',
    department: '县教育局',
  });
  expect(again.body).toMatchObject({ created: 0, skipped: 475, amountFen: 0 });
  const student = (
    await request(t.app).get('/education/students').query({ range: '[0,0]' }).set(edu)
  ).body[0];
  const dup = await request(t.app).post('/education/subsidy-payments').set(edu).send({
    studentId: student.id,
    type: 'tuition_waiver',
    term: TERM,
    paidOn: '2018-03-22',
    department: '县教育局',
  });
  expect(dup.status).toBe(409);
  expect(dup.body.code).toBe('SUPPORT_SUBSIDY_ALREADY_PAID');
});

test('a voided payment leaves the totals, and the subsidy can be paid again', async () => {
  const edu = as(t.tokens.education);
  // A payment in township A: the export test below counts township B's rows, voided ones too.
  const [payment] = (
    await request(t.app)
      .get('/education/subsidy-payments')
      .query({ range: '[0,0]', filter: JSON.stringify({ townshipCode: TOWNSHIP_A }) })
      .set(edu)
  ).body;
  expect(payment.townshipCode).toBe(TOWNSHIP_A);
  const voided = await request(t.app)
    .post(`/education/subsidy-payments/${payment.id}/void`)
    .set(edu)
    .send({ reason: '重复录入' });
  expect(voided.body).toMatchObject({ voided: true, voidReason: '重复录入' });
  const totals = await request(t.app)
    .get('/education/subsidy-totals')
    .query({ term: TERM })
    .set(edu);
  expect(totals.body.total).toMatchObject({ students: 474, amountFen: 47_400_000 });
  const repaid = await request(t.app).post('/education/subsidy-payments').set(edu).send({
    studentId: payment.studentId,
    type: 'tuition_waiver',
    term: TERM,
    paidOn: '2018-03-25',
    department: '县教育局',
  });
  expect(repaid.status).toBe(201);
  expect(repaid.body).toMatchObject({ amountFen: 100_000, standard: true });
  // A term the student is not enrolled in cannot carry a subsidy.
  const notEnrolled = await request(t.app).post('/education/subsidy-payments').set(edu).send({
    studentId: payment.studentId,
    type: 'national_grant',
    term: '2018-autumn',
    amountFen: 100_000,
    paidOn: '2018-10-01',
    department: '县教育局',
  });
  expect(notEnrolled.status).toBe(422);
  expect(notEnrolled.body.code).toBe('SUPPORT_SUBSIDY_NOT_ENROLLED');
});

test('the payments export is a workbook, and the export is audited', async () => {
  const res = await request(t.app)
    .get('/exports/subsidy-payments.xlsx')
    .query({ filter: JSON.stringify({ term: TERM, townshipCode: TOWNSHIP_B }) })
    .set(as(t.tokens.education))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).getCell(5).value).toBe('资助类型');
  expect(ws.rowCount).toBe(1 + IN_B);
  expect(ws.getRow(2).getCell(5).value).toBe('免学费');
  const audited = await t.support.audit.model
    .find({ action: 'export', subjectType: 'subsidy_payment' })
    .lean();
  expect(audited.reduce((n, a) => n + a.count, 0)).toBe(IN_B);
});

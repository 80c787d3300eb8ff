import ExcelJS from 'exceljs';
import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  testClock,
  VILLAGE_A1,
} from './fixtures/funds';
import {
  download,
  issueBatch,
  ok,
  postNotice,
  type ProjectBody,
  uploadVoucher,
} from './fixtures/money';
import { pdfText } from './fixtures/pdf-text';

const clock = testClock('2018-03-05T02:00:00Z');
let t: TestFunds;
let project: ProjectBody;
let paymentId: string;

const binary = (res: import('supertest').Response) => res.body as Buffer;

beforeAll(async () => {
  t = await startFunds({ now: clock.now });
  await registerHousehold(t, {
    id: 'hh-zhang',
    areaCode: VILLAGE_A1,
    members: [
      { id: 'm-z1', name: '张三', idNumber: idNumber(11) },
      { id: 'm-z2', name: '张小三', idNumber: idNumber(12) },
    ],
  });
  await registerHousehold(t, {
    id: 'hh-li',
    areaCode: VILLAGE_A1,
    members: [{ id: 'm-l1', name: '李四', idNumber: idNumber(13) }],
  });
  const created = ok<ProjectBody>(
    await t
      .api()
      .post('/projects')
      .set(as(t.tokens.office))
      .send({
        code: 'LW2018-007',
        name: '两广村产业扶贫',
        type: 'industry',
        year: 2018,
        areaCode: VILLAGE_A1,
        location: '南强镇两广村',
        contractor: '两广村种养专业合作社',
        responsible: '王村长',
        plannedInvestment: { central: 12_345_678, county_matching: 1_000_000 },
        beneficiaries: { households: 40, people: 150, poorHouseholdIds: ['hh-zhang', 'hh-li'] },
      }),
    201,
  );
  expect(created).toMatchObject({
    beneficiaries: { poorHouseholds: 2, poorPeople: 3, poorHouseholdIds: ['hh-zhang', 'hh-li'] },
  });
  await postNotice(t, created.id, { step: 'approval', postedOn: '2018-02-20' });
  project = ok<ProjectBody>(
    await t
      .api()
      .post(`/projects/${created.id}/steps`)
      .set(as(t.tokens.office))
      .send({ action: 'approve' }),
    200,
  );
  await issueBatch(t, {
    issuedOn: '2018-03-01',
    allocations: [{ projectId: project.id, amountFen: 12_345_678 }],
  });
  const voucher = await uploadVoucher(t, 'payment list');
  paymentId = ok<{ id: string }>(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId: project.id,
        source: 'central',
        amountFen: 500_050,
        purpose: '产业到户补助',
        payeeKind: 'households',
        payees: [
          { name: '张三', idNumber: idNumber(11), amountFen: 300_000 },
          { name: '李四', idNumber: idNumber(13), amountFen: 200_050 },
        ],
        voucherFileIds: [voucher.id],
      }),
    201,
  ).id;
});
afterAll(async () => {
  await t.close();
});

test('the project notice prints as a Chinese PDF with its facts, money and notice period', async () => {
  const notice = ok<{ id: string; endsOn: string }>(
    await t.api().post('/notices').set(as(t.tokens.office)).send({
      kind: 'project',
      projectId: project.id,
      issuer: '南强镇人民政府',
      supervisionPhone: '0735-3456789',
    }),
    201,
  );
  expect(notice.endsOn).toBe('2018-03-11');
  const res = await download(
    t.api().get(`/notices/${notice.id}/notice.pdf`).set(as(t.tokens.townshipAReader)),
  );
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const pdf = binary(res);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(pdf);
  for (const expected of [
    '两广村产业扶贫项目公示',
    '项目编号：LW2018-007',
    '项目类型：产业发展',
    '实施单位：两广村种养专业合作社',
    '其中建档立卡贫困户2户3人',
    '计划总投资：133,456.78元',
    '中央',
    '123,456.78',
    '县级配套',
    '10,000.00',
    '公示期：2018年3月5日至2018年3月11日（7天）',
    '监督电话：0735-3456789',
    '南强镇人民政府',
  ]) {
    expect(text).toContain(expected);
  }
});

test('the payment-list notice shows names, masked ID numbers and amounts, and the total', async () => {
  const notice = ok<{ id: string }>(
    await t.api().post('/notices').set(as(t.tokens.office)).send({
      kind: 'payment_list',
      disbursementId: paymentId,
      issuer: '两广村村民委员会',
      periodDays: 7,
    }),
    201,
  );
  const res = await download(
    t.api().get(`/notices/${notice.id}/notice.pdf`).set(as(t.tokens.office)),
  );
  const text = await pdfText(binary(res));
  expect(text).toContain('两广村产业扶贫资金发放名单公示');
  expect(text).toContain('张三');
  expect(text).toContain('3,000.00');
  expect(text).toContain('2,000.50');
  expect(text).toContain('5,000.50');
  const masked = `${idNumber(11).slice(0, 4)}**********${idNumber(11).slice(-4)}`;
  expect(text).toContain(masked);
  expect(text).not.toContain(idNumber(11));

  const xlsx = await download(
    t.api().get(`/notices/${notice.id}/notice.xlsx`).set(as(t.tokens.office)),
  );
  expect(xlsx.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(binary(xlsx) as unknown as ArrayBuffer);
  const values = (wb.worksheets[0]!.getSheetValues() as unknown[][])
    .filter(Boolean)
    .map((r) => r.filter((c) => c !== undefined && c !== null).map(String));
  expect(values).toContainEqual(['1', '张三', masked, '3,000.00']);
  expect(values).toContainEqual(['', '合计', '2人', '5,000.50']);
});

test('where and when a notice was posted is recorded', async () => {
  const notice = ok<{ id: string }>(
    await t
      .api()
      .post('/notices')
      .set(as(t.tokens.office))
      .send({ kind: 'project', projectId: project.id, issuer: '南强镇人民政府' }),
    201,
  );
  const photo = await uploadVoucher(t, 'board photo', t.tokens.townshipA);
  const posted = ok<{
    postings: { place: string; postedOn: string; photoFileId: string; by: string }[];
  }>(
    await t
      .api()
      .post(`/notices/${notice.id}/postings`)
      .set(as(t.tokens.townshipA))
      .send({ place: '两广村村务公开栏', postedOn: '2018-03-05', photoFileId: photo.id }),
    201,
  );
  expect(posted.postings).toEqual([
    expect.objectContaining({
      place: '两广村村务公开栏',
      postedOn: '2018-03-05',
      photoFileId: photo.id,
      by: 'u-town-a',
    }),
  ]);
  const future = await t
    .api()
    .post(`/notices/${notice.id}/postings`)
    .set(as(t.tokens.townshipA))
    .send({ place: '村部', postedOn: '2018-03-06' });
  expect(future.status).toBe(422);
});

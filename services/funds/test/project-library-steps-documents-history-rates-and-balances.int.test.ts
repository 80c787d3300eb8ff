import ExcelJS from 'exceljs';
import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/funds';
import {
  approvedProject,
  download,
  issueBatch,
  ok,
  paidPayment,
  type ProjectBody,
  step,
  uploadVoucher,
} from './fixtures/money';

let t: TestFunds;

beforeAll(async () => {
  t = await startFunds();
});
afterAll(async () => {
  await t.close();
});

test('a project keeps its steps with dates, its documents and who did what', async () => {
  await registerHousehold(t, {
    id: 'hh-p',
    areaCode: VILLAGE_A1,
    members: [
      { id: 'm-p1', name: '甲', idNumber: idNumber(51) },
      { id: 'm-p2', name: '乙', idNumber: idNumber(52) },
    ],
  });
  const bad = await t
    .api()
    .post('/projects')
    .set(as(t.tokens.office))
    .send({
      code: 'LIB-0',
      name: '错误',
      type: 'road',
      year: 2018,
      areaCode: VILLAGE_A1,
      beneficiaries: { households: 0, people: 0, poorHouseholdIds: ['hh-nobody', 'hh-p'] },
    });
  expect(bad.status).toBe(422);
  expect(bad.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
    ['beneficiaries.poorHouseholdIds.0', 'not_registered'],
    ['beneficiaries.households', 'below_poor'],
    ['beneficiaries.people', 'below_poor'],
  ]);
  expect(await t.funds.models.projects.countDocuments({ code: 'LIB-0' })).toBe(0);

  const p = await approvedProject(t, {
    areaCode: VILLAGE_A1,
    code: 'LIB-1',
    approvedOn: '2017-05-01',
    proposedOn: '2017-04-01',
  });
  const dup = await t
    .api()
    .post('/projects')
    .set(as(t.tokens.office))
    .send({ code: 'LIB-1', name: 'x', type: 'road', year: 2018, areaCode: VILLAGE_A1 });
  expect(dup.status).toBe(409);
  const file = await uploadVoucher(t, 'contract scan');
  const withDoc = ok<ProjectBody & { documents: { kind: string; sha256: string }[] }>(
    await t
      .api()
      .post(`/projects/${p.id}/documents`)
      .set(as(t.tokens.office))
      .send({ fileId: file.id, kind: 'contract', title: '施工合同' }),
    201,
  );
  expect(withDoc.documents).toEqual([
    expect.objectContaining({ kind: 'contract', sha256: file.sha256 }),
  ]);
  await step(t, p.id, 'start', '2017-06-01');
  // The township user can download the document attached to its project.
  expect((await t.api().get(`/files/${file.id}`).set(as(t.tokens.townshipAReader))).status).toBe(
    200,
  );

  const locked = await t
    .api()
    .put(`/projects/${p.id}`)
    .set(as(t.tokens.office))
    .send({ plannedInvestment: { central: 1 }, revision: withDoc.revision + 1 });
  expect(locked.status).toBe(422);
  expect(locked.body.errors[0]).toMatchObject({ field: 'plannedInvestment', code: 'locked' });
  const stale = await t
    .api()
    .put(`/projects/${p.id}`)
    .set(as(t.tokens.office))
    .send({ name: '新名', revision: 1 });
  expect(stale.status).toBe(409);

  const history = ok<{ action: string; from: string | null; to: string | null; actorId: string }[]>(
    await t.api().get(`/projects/${p.id}/history`).set(as(t.tokens.office)),
    200,
  );
  expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
    ['register', null, 'proposed'],
    ['notice', null, null],
    ['approve', 'proposed', 'approved'],
    ['document', null, null],
    ['start', 'approved', 'in_progress'],
  ]);
  const stored = ok<{ dates: Record<string, string | null> }>(
    await t.api().get(`/projects/${p.id}`).set(as(t.tokens.office)),
    200,
  );
  expect(stored.dates).toEqual({
    proposedOn: '2017-04-01',
    approvedOn: '2017-05-01',
    startedOn: '2017-06-01',
    completedOn: null,
    acceptedOn: null,
  });
});

test('start and completion rates per township and per type', async () => {
  const b1 = await approvedProject(t, { areaCode: VILLAGE_B1, code: 'LIB-B1' });
  const b2 = await approvedProject(t, { areaCode: VILLAGE_B1, code: 'LIB-B2' });
  await approvedProject(t, { areaCode: VILLAGE_B1, code: 'LIB-B3' });
  await step(t, b1.id, 'start');
  await step(t, b1.id, 'complete');
  await step(t, b2.id, 'start');
  const stats = ok<{
    rows: { key: string; total: number; startRatePercent: number; completionRatePercent: number }[];
    totals: { total: number; inLibrary: number };
  }>(
    await t.api().get('/statistics/projects').query({ by: 'township' }).set(as(t.tokens.office)),
    200,
  );
  expect(stats.rows).toEqual([
    expect.objectContaining({
      key: TOWNSHIP_A,
      total: 1,
      startRatePercent: 100,
      completionRatePercent: 0,
    }),
    expect.objectContaining({
      key: TOWNSHIP_B,
      total: 3,
      startRatePercent: 66.7,
      completionRatePercent: 33.3,
    }),
  ]);
  const byType = ok<{ rows: { key: string }[] }>(
    await t.api().get('/statistics/projects').query({ by: 'type' }).set(as(t.tokens.office)),
    200,
  );
  expect(byType.rows.map((r) => r.key)).toEqual(['road']);
});

test('balances per source show what was issued, arrived, allocated and disbursed', async () => {
  const p = await approvedProject(t, { areaCode: VILLAGE_B1, code: 'LIB-M' });
  const batch = await issueBatch(t, {
    issuedOn: '2017-09-01',
    source: 'provincial',
    amountFen: 900_000,
    allocations: [{ projectId: p.id, amountFen: 600_000 }],
  });
  ok(
    await t
      .api()
      .post(`/batches/${batch.id}/arrivals`)
      .set(as(t.tokens.office))
      .send({ on: '2017-09-10', amountFen: 500_000 }),
    201,
  );
  const over = await t
    .api()
    .post(`/batches/${batch.id}/arrivals`)
    .set(as(t.tokens.office))
    .send({ on: '2017-09-11', amountFen: 400_001 });
  expect(over.status).toBe(422);
  const more = await t
    .api()
    .post(`/batches/${batch.id}/allocations`)
    .set(as(t.tokens.office))
    .send({ allocations: [{ projectId: p.id, amountFen: 300_001 }] });
  expect(more.status).toBe(422);
  await paidPayment(t, { projectId: p.id, amountFen: 250_000, source: 'provincial' });
  const bySource = ok<{ rows: Record<string, unknown>[] }>(
    await t.api().get('/balances').query({ by: 'source' }).set(as(t.tokens.office)),
    200,
  );
  expect(bySource.rows).toEqual([
    {
      key: 'provincial',
      allocatedFen: 600_000,
      reservedFen: 0,
      disbursedFen: 250_000,
      availableFen: 350_000,
      issuedFen: 900_000,
      arrivedFen: 500_000,
      disbursementRatePercent: 41.7,
    },
  ]);
  const byProject = ok<{ rows: { key: string; availableFen: number }[] }>(
    await t.api().get('/balances').query({ by: 'project' }).set(as(t.tokens.office)),
    200,
  );
  expect(byProject.rows[0]).toMatchObject({ key: 'LIB-M', availableFen: 350_000 });
});

test('the payment export masks personal data unless unmasked with a reason, and is audited either way', async () => {
  const p = await approvedProject(t, { areaCode: VILLAGE_A1, code: 'LIB-X' });
  await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [{ projectId: p.id, amountFen: 100_000 }],
  });
  const voucher = await uploadVoucher(t, 'export list');
  ok(
    await t
      .api()
      .post('/disbursements')
      .set(as(t.tokens.office))
      .send({
        projectId: p.id,
        source: 'central',
        amountFen: 30_000,
        purpose: '到户补助',
        payeeKind: 'households',
        payees: [
          { name: '甲', idNumber: idNumber(51), amountFen: 10_000 },
          { name: '乙', idNumber: idNumber(52), amountFen: 20_000 },
        ],
        voucherFileIds: [voucher.id],
      }),
    201,
  );
  const sheet = async (query: Record<string, string>) => {
    const res = await download(
      t
        .api()
        .get('/exports/disbursements.xlsx')
        .query({ filter: JSON.stringify({ projectId: p.id }), ...query })
        .set(as(t.tokens.office)),
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    return (wb.worksheets[0]!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((r) => r.slice(1));
  };
  const masked = await sheet({});
  expect(masked.slice(1).map((r) => [r[6], r[8]])).toEqual([
    ['甲', '100.00'],
    ['乙', '200.00'],
  ]);
  expect(JSON.stringify(masked)).not.toContain(idNumber(51));
  const clear = await sheet({ unmask: 'true', reason: '发放核对' });
  expect(clear[1]![7]).toBe(idNumber(51));
  const audit = await t.funds.ctx.audit.model
    .find({ action: 'export', subjectType: 'disbursement' })
    .lean();
  expect(audit.map((a) => a.reason).sort()).toEqual(['发放核对', '导出'].sort());
});

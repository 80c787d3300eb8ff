import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  as,
  COUNTY,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  TOWNSHIP_A,
  TOWNSHIP_B,
  updateSeeded,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/assistance';

/**
 * Area scope on every endpoint: a township user (or a village user) reads, lists, exports and
 * changes only records of its own area, whatever filter or id it sends.
 */
let t: TestAssistance;
const ids = {
  hA: '',
  hA2: '',
  hB: '',
  helperCounty: '',
  helperA: '',
  helperB: '',
  pairingA: '',
  pairingB: '',
  measureB: '',
  visitB: '',
  teamB: '',
  assignmentB: '',
};

async function ok<T = { id: string }>(r: request.Test, status = 201): Promise<T> {
  const res = await r;
  if (res.status !== status) throw new Error(`${res.status} ${res.text}`);
  return res.body as T;
}

beforeAll(async () => {
  t = await startAssistance({ consume: false });
  const c = as(t.tokens.county);
  ids.hA = await seedHousehold(t, 'SC-A', VILLAGE_A1);
  ids.hA2 = await seedHousehold(t, 'SC-A2', VILLAGE_A2);
  ids.hB = await seedHousehold(t, 'SC-B', VILLAGE_B1);
  ids.helperCounty = await createHelper(t, t.tokens.county, {
    name: '县干部',
    rank: 'division_level',
    areaCode: COUNTY,
    phone: '13912345678',
  });
  ids.helperA = await createHelper(t, t.tokens.townshipA, { name: '甲镇干部', rank: 'general' });
  ids.helperB = await createHelper(t, t.tokens.townshipB, { name: '乙镇干部', rank: 'general' });
  ids.pairingA = (
    await ok(
      request(t.app)
        .post('/pairings')
        .set(c)
        .send({ helperId: ids.helperCounty, householdId: ids.hA, role: 'key' }),
    )
  ).id;
  ids.pairingB = (
    await ok(
      request(t.app)
        .post('/pairings')
        .set(c)
        .send({ helperId: ids.helperB, householdId: ids.hB, role: 'key' }),
    )
  ).id;
  ids.measureB = (
    await ok(
      request(t.app)
        .post('/measures')
        .set(c)
        .send({ householdId: ids.hB, category: 'production', type: '养鸡', amountFen: 150000 }),
    )
  ).id;
  await ok(
    request(t.app).post('/measures').set(c).send({
      householdId: ids.hA,
      category: 'in_kind',
      type: '鸡苗',
      quantity: 200,
      unit: '只',
      amountFen: 60000,
    }),
  );
  ids.visitB = (
    await ok(
      request(t.app)
        .post('/visits')
        .set(c)
        .send({ householdId: ids.hB, helperId: ids.helperB, date: '2020-01-01' }),
    )
  ).id;
  await ok(
    request(t.app)
      .post('/visits')
      .set(c)
      .send({ householdId: ids.hA, helperId: ids.helperCounty, date: '2020-01-01' }),
  );
  await ok(
    request(t.app).put(`/plans/${ids.hB}`).set(c).send({ summary: '发展养殖', targets: [] }),
    200,
  );
  await ok(
    request(t.app).put(`/plans/${ids.hA}`).set(c).send({ summary: '务工', targets: [] }),
    200,
  );
  ids.teamB = (
    await ok(
      request(t.app)
        .post('/work-teams')
        .set(c)
        .send({
          areaCode: VILLAGE_B1,
          unit: '县财政局',
          members: [{ name: '队长乙', role: 'leader' }],
        }),
    )
  ).id;
  await ok(
    request(t.app)
      .post('/work-teams')
      .set(c)
      .send({
        areaCode: VILLAGE_A1,
        unit: '县教育局',
        members: [{ name: '队长甲', role: 'leader' }],
      }),
  );
  ids.assignmentB = (
    await ok(
      request(t.app).post('/village-assignments').set(c).send({
        kind: 'first_secretary',
        areaCode: VILLAGE_B1,
        personName: '书记乙',
        unit: '县委组织部',
      }),
    )
  ).id;
  await ok(
    request(t.app)
      .post('/village-assignments')
      .set(c)
      .send({ kind: 'department', areaCode: VILLAGE_A1, department: 'education' }),
  );
});
afterAll(async () => {
  await t.close();
});

const listAs = async (token: string, path: string, filter: object = {}) => {
  const res = await request(t.app)
    .get(path)
    .query({ range: '[0,99]', filter: JSON.stringify(filter) })
    .set(as(token));
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.body as { areaCode?: string; actorArea?: string }[];
};

test('every list shows a township user its own township only, even when the filter names another', async () => {
  const a = t.tokens.townshipA;
  for (const path of [
    '/households',
    '/pairings',
    '/measures',
    '/visits',
    '/plans',
    '/village-assignments',
    '/work-teams',
  ]) {
    const rows = await listAs(a, path);
    expect({ path, areas: rows.map((r) => r.areaCode!.slice(0, 9)) }).toEqual({
      path,
      areas: rows.map(() => TOWNSHIP_A.slice(0, 9)),
    });
    expect(rows.length).toBeGreaterThan(0);
    expect({ path, other: await listAs(a, path, { area: TOWNSHIP_B }) }).toEqual({
      path,
      other: [],
    });
  }
  // The county sees both townships.
  expect((await listAs(t.tokens.county, '/pairings')).map((p) => p.areaCode).sort()).toEqual([
    VILLAGE_A1,
    VILLAGE_B1,
  ]);
});

test('helpers: a township sees its own and the county cadres, never another township', async () => {
  const names = (await listAs(t.tokens.townshipA, '/helpers'))
    .map((h) => (h as { name: string }).name)
    .sort();
  expect(names).toEqual(['县干部', '甲镇干部'].sort());
  const other = await request(t.app).get(`/helpers/${ids.helperB}`).set(as(t.tokens.townshipA));
  expect(other.status).toBe(404);
  // A county cadre is visible for pairing, but a township cannot change it.
  const change = await request(t.app)
    .put(`/helpers/${ids.helperCounty}`)
    .set(as(t.tokens.townshipA))
    .send({ position: '改' });
  expect({ status: change.status, code: change.body.code }).toEqual({
    status: 403,
    code: 'FORBIDDEN_AREA',
  });
  expect(
    (await request(t.app).get(`/helpers/${ids.helperCounty}`).set(as(t.tokens.townshipA))).body
      .phone,
  ).toBe('139****5678');
});

test('records of another township cannot be read or changed by id', async () => {
  const a = as(t.tokens.townshipA);
  for (const path of [
    `/households/${ids.hB}`,
    `/pairings/${ids.pairingB}`,
    `/measures/${ids.measureB}`,
    `/visits/${ids.visitB}`,
    `/plans/${ids.hB}`,
    `/plans/${ids.hB}/history`,
    `/work-teams/${ids.teamB}`,
    `/village-assignments/${ids.assignmentB}`,
  ]) {
    const res = await request(t.app).get(path).set(a);
    expect({ path, status: res.status }).toEqual({ path, status: 404 });
    expect(JSON.stringify(res.body)).not.toContain('SC-B');
  }
  const writes = [
    request(t.app).post(`/pairings/${ids.pairingB}/end`).set(a).send({ reason: '越权' }),
    request(t.app).put(`/measures/${ids.measureB}`).set(a).send({ type: '越权' }),
    request(t.app).post(`/measures/${ids.measureB}/status`).set(a).send({ to: 'in_progress' }),
    request(t.app).put(`/plans/${ids.hB}`).set(a).send({ summary: '越权' }),
    request(t.app).post(`/plans/${ids.hB}/progress`).set(a).send({ percent: 10, note: '越权' }),
    request(t.app)
      .post('/pairings')
      .set(a)
      .send({ helperId: ids.helperA, householdId: ids.hB, role: 'contact' }),
    request(t.app)
      .post('/measures')
      .set(a)
      .send({ householdId: ids.hB, category: 'health', type: '越权' }),
    request(t.app)
      .post('/visits')
      .set(a)
      .send({ householdId: ids.hB, helperId: ids.helperA, date: '2020-01-02' }),
    request(t.app)
      .post('/work-teams')
      .set(a)
      .send({ areaCode: VILLAGE_B1, unit: '越权', members: [] }),
    request(t.app).post(`/work-teams/${ids.teamB}/end`).set(a).send({ reason: '越权' }),
    request(t.app)
      .post('/helpers')
      .set(a)
      .send({ name: '越权', unit: '越权', rank: 'general', areaCode: TOWNSHIP_B }),
    request(t.app)
      .post(`/visits/${ids.visitB}/photos`)
      .set(a)
      .set('content-type', 'image/png')
      .send(Buffer.from('x')),
  ];
  for (const w of writes) {
    const res = await w;
    expect([403, 404]).toContain(res.status);
  }
  // Nothing changed in township B.
  const measure = await request(t.app).get(`/measures/${ids.measureB}`).set(as(t.tokens.county));
  expect(measure.body).toMatchObject({ type: '养鸡', status: 'planned', revision: 1 });
  const plan = await request(t.app).get(`/plans/${ids.hB}`).set(as(t.tokens.county));
  expect(plan.body).toMatchObject({ summary: '发展养殖', revision: 1 });
  expect(
    await t.assistance.models.pairings.countDocuments({ householdId: ids.hB, status: 'active' }),
  ).toBe(1);
});

test('a village user sees its own village only', async () => {
  const rows = await listAs(t.tokens.villageA1, '/households');
  expect(rows.map((r) => r.areaCode)).toEqual([VILLAGE_A1]);
  expect((await request(t.app).get(`/plans/${ids.hA2}`).set(as(t.tokens.villageA1))).status).toBe(
    404,
  );
});

test('statistics, coverage and the month view count the caller area only', async () => {
  const a = as(t.tokens.townshipA);
  const measures = await request(t.app).get('/statistics/measures').set(a);
  const total = measures.body.byCategory.reduce(
    (n: number, c: { total: number }) => n + c.total,
    0,
  );
  expect(total).toBe(1);
  expect(
    measures.body.byCategory.find((c: { category: string }) => c.category === 'in_kind'),
  ).toMatchObject({ total: 1, amountFen: 60000 });
  const coverage = await request(t.app).get('/statistics/coverage').set(a);
  expect(coverage.body.total).toEqual({ areaCode: TOWNSHIP_A, needy: 2, covered: 1, uncovered: 1 });
  expect(coverage.body.byArea.map((r: { areaCode: string }) => r.areaCode)).toEqual([
    VILLAGE_A1,
    VILLAGE_A2,
  ]);
  const uncovered = await listAs(t.tokens.townshipA, '/coverage/uncovered');
  expect(uncovered.map((h) => (h as { householdNo: string }).householdNo)).toEqual(['SC-A2']);
  const unvisited = await listAs(t.tokens.townshipA, '/visits/unvisited');
  expect(unvisited.every((r) => r.areaCode!.startsWith(TOWNSHIP_A.slice(0, 9)))).toBe(true);
});

test('exports carry the caller area only and are audited', async () => {
  const res = await request(t.app)
    .get('/exports/pairings.xlsx')
    .set(as(t.tokens.townshipA))
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (d: Buffer) => chunks.push(d));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const households: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) households.push(String(row.getCell(1).value));
  });
  expect(households).toEqual(['SC-A']);
  const audit = await t.assistance.audit.model
    .find({ action: 'export', subjectType: 'pairing' })
    .lean();
  expect(audit).toEqual([
    expect.objectContaining({ actorId: 'u-town-a', subjectIds: [ids.pairingA], count: 1 }),
  ]);
});

test('a household moved to another township in the registry takes its records along', async () => {
  await updateSeeded(t, ids.hA2, { areaCode: VILLAGE_B1, revision: 2 });
  const m = await request(t.app)
    .post('/measures')
    .set(as(t.tokens.county))
    .send({ householdId: ids.hA2, category: 'health', type: '慢病签约' });
  expect(m.status).toBe(201);
  expect(m.body.areaCode).toBe(VILLAGE_B1);
  await updateSeeded(t, ids.hA, { areaCode: VILLAGE_B1, revision: 2 });
  const pairing = await request(t.app).get(`/pairings/${ids.pairingA}`).set(as(t.tokens.townshipB));
  expect(pairing.status).toBe(200);
  expect(pairing.body.areaCode).toBe(VILLAGE_B1);
  expect(
    (await request(t.app).get(`/pairings/${ids.pairingA}`).set(as(t.tokens.townshipA))).status,
  ).toBe(404);
  expect((await listAs(t.tokens.townshipA, '/visits')).length).toBe(0);
});

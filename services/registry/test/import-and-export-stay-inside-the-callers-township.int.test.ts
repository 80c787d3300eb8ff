import { auditModel } from '@fupin/kit';
import ExcelJS from 'exceljs';
import request from 'supertest';
import {
  as,
  binary,
  importFile,
  type SheetRow,
  uniqueId,
  workbookFromTemplate,
  seedImportAreas,
} from './fixtures/import-files';
import {
  startRegistry,
  type TestRegistry,
  TOWNSHIP_B,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';

let t: TestRegistry;

function row(householdNo: string, village: string, n: number, name: string): SheetRow {
  const id = uniqueId(500 + n);
  return {
    户编号: householdNo,
    行政村代码: village,
    主要致贫原因: '因病',
    成员姓名: name,
    身份证号: id,
    与户主关系: '户主',
    出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  };
}

beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
  // The county registers households in both townships.
  const file = await workbookFromTemplate(t.app, t.tokens.county, [
    row('SC-A1', VILLAGE_A1, 1, '甲一'),
    row('SC-A2', VILLAGE_A2, 2, '甲二'),
    row('SC-B1', VILLAGE_B1, 3, '乙一'),
    row('SC-B2', VILLAGE_B1, 4, '乙二'),
  ]);
  const { job } = await importFile(t.app, t.tokens.county, file);
  expect(job.counts.householdsCreated).toBe(4);
});
afterAll(async () => {
  await t.close();
});

async function exportedHouseholdNos(token: string, filter: object = {}) {
  const res = await request(t.app)
    .get('/exports/households.xlsx')
    .query({ filter: JSON.stringify(filter) })
    .set(as(token))
    .buffer(true)
    .parse(binary);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const nos: string[] = [];
  wb.getWorksheet('户与成员')!.eachRow((r, n) => {
    if (n > 1) nos.push(String(r.getCell(1).value));
  });
  return nos.sort();
}

test("a township user's export holds its own township's households only, whatever the filter asks", async () => {
  const before = await auditModel(t.rt.conn).countDocuments();
  expect(await exportedHouseholdNos(t.tokens.townshipA)).toEqual(['SC-A1', 'SC-A2']);
  // Asking for the other township exports nothing rather than widening the scope.
  expect(await exportedHouseholdNos(t.tokens.townshipA, { area: TOWNSHIP_B })).toEqual([]);
  expect(await exportedHouseholdNos(t.tokens.townshipA, { area: VILLAGE_B1 })).toEqual([]);
  expect(await exportedHouseholdNos(t.tokens.townshipB)).toEqual(['SC-B1', 'SC-B2']);

  const entries = await auditModel(t.rt.conn).find().sort({ at: 1 }).lean();
  const bIds = (
    await t.registry.models.households.find({ areaCode: VILLAGE_B1 }, { _id: 1 }).lean()
  ).map((h) => h._id);
  const byA = entries.slice(before).filter((e) => e.actorId === 'u-town-a');
  expect(byA).toHaveLength(3);
  expect(byA.flatMap((e) => e.subjectIds).filter((id) => bIds.includes(id))).toEqual([]);
});

test("a township user's import cannot create or change another township's households; its own rows are stored", async () => {
  const households = t.registry.models.households;
  const bBefore = await households
    .find({ townshipCode: TOWNSHIP_B }, { householdNo: 1, areaCode: 1, revision: 1, members: 1 })
    .sort({ householdNo: 1 })
    .lean();

  const file = await workbookFromTemplate(t.app, t.tokens.townshipA, [
    row('SC-A3', VILLAGE_A1, 5, '甲三'), // new, own township: stored
    row('SC-B3', VILLAGE_B1, 6, '乙三'), // new, in township B: refused
    row('SC-B1', VILLAGE_B1, 3, '乙一改'), // township B's household restated: refused
    row('SC-B2', VILLAGE_A2, 4, '乙二'), // township B's household moved into A: refused
  ]);
  const { job } = await importFile(t.app, t.tokens.townshipA, file);

  expect(job.status).toBe('completed');
  expect(job.counts).toMatchObject({
    householdsCreated: 1,
    householdsUpdated: 0,
    householdsRejected: 3,
  });
  const refused = Object.fromEntries(
    job.rejected.map((r) => [r.householdNo, { row: r.row, errors: r.errors }]),
  );
  expect(refused['SC-B3']).toMatchObject({
    row: 3,
    errors: [{ header: '行政村代码', code: 'FORBIDDEN_AREA' }],
  });
  expect(refused['SC-B1']).toMatchObject({
    row: 4,
    errors: [{ header: '行政村代码', code: 'FORBIDDEN_AREA' }],
  });
  // Moving it into one's own village does not make another township's household one's own.
  expect(refused['SC-B2']).toMatchObject({
    row: 5,
    errors: [{ header: '户编号', code: 'FORBIDDEN_AREA' }],
  });
  for (const r of job.rejected)
    expect(r.errors[0]!.message).toEqual({
      'zh-CN': expect.any(String),
      en: expect.any(String),
    });

  expect(await households.countDocuments({ householdNo: 'SC-A3', areaCode: VILLAGE_A1 })).toBe(1);
  expect(await households.countDocuments({ householdNo: 'SC-B3' })).toBe(0);
  expect(
    await households
      .find({ townshipCode: TOWNSHIP_B }, { householdNo: 1, areaCode: 1, revision: 1, members: 1 })
      .sort({ householdNo: 1 })
      .lean(),
  ).toEqual(bBefore);
});

test("a township user cannot see another township's import job", async () => {
  const file = await workbookFromTemplate(t.app, t.tokens.townshipA, [
    row('SC-A4', VILLAGE_A2, 7, '甲四'),
  ]);
  const { job } = await importFile(t.app, t.tokens.townshipA, file);
  expect(job.status).toBe('completed');

  const fromB = await request(t.app).get(`/imports/${job.id}`).set(as(t.tokens.townshipB));
  expect({ status: fromB.status, code: fromB.body.code }).toEqual({
    status: 404,
    code: 'IMPORT_JOB_NOT_FOUND',
  });
  const report = await request(t.app)
    .get(`/imports/${job.id}/report.xlsx`)
    .set(as(t.tokens.townshipB));
  expect(report.status).toBe(404);
  const listB = await request(t.app).get('/imports').set(as(t.tokens.townshipB));
  expect(listB.body.map((j: { id: string }) => j.id)).not.toContain(job.id);
  const fromCounty = await request(t.app).get(`/imports/${job.id}`).set(as(t.tokens.county));
  expect(fromCounty.status).toBe(200);
});

import request from 'supertest';
import { startRegistry, type TestRegistry, VILLAGE_A1, VILLAGE_B1 } from './fixtures/registry';
import { as, importFile, seedImportAreas, uniqueId } from './fixtures/import-files';

// Issue 19, 饮水安全 on import: an imported household takes its village's tap water item as
// API registration does (met where the village has it in place, not met where it has not,
// unknown for a village with no record), the villages of a batch are read in one query, not
// one per row, and a re-import of a household brings its water up to the village's.

const VILLAGE_A2 = '431121101202';
let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry();
  await seedImportAreas(t.app, t.tokens.county);
});
afterAll(async () => {
  await t.close();
});

const HEADER = '户编号,行政村代码,贫困户属性,主要致贫原因,成员姓名,身份证号,与户主关系';

async function setTapWater(code: string, inPlace: boolean) {
  const village = await request(t.app).get(`/villages/${code}`).set(as(t.tokens.county));
  const res = await request(t.app)
    .put(`/villages/${code}`)
    .set(as(t.tokens.county))
    .send({ revision: village.body.revision, infrastructure: { tapWater: { inPlace } } });
  expect(res.status).toBe(200);
}

function csv(rows: [string, string][], base: number): Buffer {
  return Buffer.from(
    [
      HEADER,
      ...rows.map(
        ([no, village], i) => `${no},${village},一般贫困户,因病,周${i},${uniqueId(base + i)},户主`,
      ),
    ].join('\r\n'),
  );
}

async function water(householdNo: string) {
  const h = await t.registry.models.households.findOne({ householdNo }).lean();
  return { state: h?.guarantees.safe_water.state, derived: h?.guarantees.safe_water.derived };
}

test('imported households take their village water, the villages read once per batch', async () => {
  await setTapWater(VILLAGE_A1, true);
  // A first recording equal to the blank record stores nothing: in place first, then not.
  await setTapWater(VILLAGE_B1, true);
  await setTapWater(VILLAGE_B1, false);
  const villages = t.registry.repos.villages;
  const find = jest.spyOn(villages, 'find');
  const findOne = jest.spyOn(villages, 'findOne');
  try {
    const rows: [string, string][] = Array.from({ length: 12 }, (_, i) => [
      `WI-${i}`,
      [VILLAGE_A1, VILLAGE_B1, VILLAGE_A2][i % 3]!,
    ]);
    const { job } = await importFile(t.app, t.tokens.county, csv(rows, 7000), {
      contentType: 'text/csv',
      fileName: 'water.csv',
    });
    expect(job).toMatchObject({ status: 'completed' });
    expect(job.counts).toMatchObject({ householdsCreated: 12 });
    // One read of the batch's villages; none per row.
    const waterReads = find.mock.calls.filter((c) => 'code' in (c[1] as object));
    expect(waterReads).toHaveLength(1);
    expect(findOne.mock.calls.filter((c) => 'code' in (c[1] as object))).toHaveLength(0);
  } finally {
    find.mockRestore();
    findOne.mockRestore();
  }
  expect(await water('WI-0')).toEqual({
    state: 'met',
    derived: { state: 'met', fact: 'village:safe_water' },
  });
  expect(await water('WI-1')).toEqual({
    state: 'not_met',
    derived: { state: 'not_met', fact: 'village:no_safe_water' },
  });
  // 白石村 has no village record: nothing to derive from.
  expect((await water('WI-2')).state).toBe('unknown');
});

test('a re-imported household takes the water its village has now', async () => {
  const rows: [string, string][] = [['WR-1', VILLAGE_A2]];
  await importFile(t.app, t.tokens.county, csv(rows, 7100), { contentType: 'text/csv' });
  expect((await water('WR-1')).state).toBe('unknown');
  // Recorded straight in the database, so only the import can bring the household up to it.
  await t.registry.models.villages.updateOne(
    { code: VILLAGE_A2 },
    {
      $set: {
        code: VILLAGE_A2,
        townshipCode: VILLAGE_A2.slice(0, 9) + '000',
        'infrastructure.tapWater': { inPlace: true, note: null },
      },
    },
    { upsert: true },
  );
  const changed: [string, string][] = [['WR-1', VILLAGE_A2]];
  const again = csv(changed, 7100).toString().replace('一般贫困户,因病', '一般贫困户,因残');
  const { job } = await importFile(t.app, t.tokens.county, Buffer.from(again), {
    contentType: 'text/csv',
  });
  expect(job.counts).toMatchObject({ householdsUpdated: 1 });
  expect((await water('WR-1')).state).toBe('met');
});

import request from 'supertest';
import { COUNTY_CODE, COUNTY_NAME, DemoCounty } from '../../../deploy/demo/county';
import { lateRegistrationCsv } from '../../../deploy/demo/plugins/registry-imports';
import { as, importFile } from './fixtures/import-files';
import { startRegistry, type TestRegistry } from './fixtures/registry';

let t: TestRegistry;
const county = new DemoCounty({ people: 2000 });
const village = county.villages[0]!;

beforeAll(async () => {
  t = await startRegistry();
  // The demo county's area tree as far as the file needs it: the county, the first township
  // and its first village.
  const township = county.townships.find((x) => x.code === village.townshipCode)!;
  for (const [code, name] of [
    [COUNTY_CODE, COUNTY_NAME],
    [township.code, township.name],
    [village.code, village.name],
  ]) {
    const res = await request(t.app).post('/areas').set(as(t.tokens.county)).send({ code, name });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
});

test('the demo late-registration file stores its good household and refuses, row by row, the one with two 户主 and the one under an unknown village', async () => {
  const { job } = await importFile(
    t.app,
    t.tokens.county,
    Buffer.from(lateRegistrationCsv(county), 'utf8'),
    { contentType: 'text/csv', fileName: 'late.csv' },
  );
  expect(job.status).toBe('completed');
  expect(job.counts).toEqual({
    householdsCreated: 1,
    householdsUpdated: 0,
    householdsUnchanged: 0,
    householdsRejected: 2,
    rowsRejected: 5,
  });
  expect(job.rejected.map((r) => [r.row, r.householdNo, r.errors.map((e) => e.code)])).toEqual([
    [5, 'BL-0002', ['same_household_invalid']],
    [6, 'BL-0002', ['second_head']],
    [7, 'BL-0002', ['same_household_invalid']],
    [8, 'BL-0003', ['unknown_village']],
    [9, 'BL-0003', ['same_household_invalid']],
  ]);
  const stored = await t.registry.models.households.findOne({ householdNo: 'BL-0001' }).lean();
  expect(stored?.areaCode).toBe(village.code);
  expect(stored?.guarantees.food.state).toBe('unknown');
});

import { DEPARTMENT_LIST_TYPES } from '../src/lists/list-departments';
import { LIST_TYPE_CODES, type ListType } from '../src/lists/list-types';
import {
  bearer,
  COUNTY,
  csv,
  idNumber,
  startMatching,
  type TestMatching,
} from './fixtures/matching';
import { LIST_DATE, plantRegistry, uploadLists } from './fixtures/planted';

// 行业部门: a department user (the gateway puts its department in the token) uploads only its
// own list types, and sees only its own lists, the runs over them and the findings on them;
// the poverty office is not narrowed.

let t: TestMatching;
const tokens: Record<string, string> = {};
const DEPARTMENTS = Object.keys(DEPARTMENT_LIST_TYPES);
let vehicleRunId = '';
let fullRunId = '';

beforeAll(async () => {
  t = await startMatching();
  for (const dept of DEPARTMENTS)
    tokens[dept] = await t.issuer.sign({
      sub: `u-${dept}`,
      name: dept,
      area: COUNTY,
      roles: ['department_staff'],
      dept,
      rights: { matching: ['read', 'write'] },
    });
  await plantRegistry(t);
  const ids = await uploadLists(t);
  fullRunId = (await t.run(t.tokens.county)).id as string;
  vehicleRunId = (await t.run(t.tokens.county, ids.vehicles)).id as string;
}, 120_000);
afterAll(async () => {
  await t.close();
});

const own = (dept: string, type: string) =>
  (DEPARTMENT_LIST_TYPES[dept] ?? []).includes(type as ListType);

/** A one-row list any type reads (a grade for the dangerous-house appraisal, wages for 人社). */
const file = csv([
  ['姓名', '身份证号', '鉴定等级', '年工资收入'],
  ['张三', idNumber('1960-05-05', 7, 'male'), 'C', '36000'],
]);

const cases = DEPARTMENTS.flatMap((dept) => LIST_TYPE_CODES.map((type) => [dept, type] as const));

test.each(cases)('%s uploads a %s list only when it is its own', async (dept, type) => {
  const res = await t.upload(tokens[dept]!, file, { type, date: LIST_DATE });
  if (own(dept, type)) {
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type, status: 'ready' });
  } else {
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('MATCHING_LIST_TYPE_NOT_OWN');
    expect(res.body.message['zh-CN']).toContain('本部门不能上传');
  }
});

test.each(DEPARTMENTS)('%s lists only its own lists; another type is not found', async (dept) => {
  const mine = await t.api().get('/lists').query({ range: '[0,499]' }).set(bearer(tokens[dept]!));
  expect(mine.status).toBe(200);
  const types = new Set((mine.body as { type: string }[]).map((l) => l.type));
  for (const type of types) expect(own(dept, type)).toBe(true);
  // Every own type has at least the poverty office's list and (after the upload test) its own.
  for (const type of DEPARTMENT_LIST_TYPES[dept]!) expect(types.has(type)).toBe(true);

  const all = await t.api().get('/lists').query({ range: '[0,499]' }).set(bearer(t.tokens.county));
  for (const l of all.body as { id: string; type: string }[]) {
    const res = await t.api().get(`/lists/${l.id}`).set(bearer(tokens[dept]!));
    expect({ type: l.type, status: res.status }).toEqual({
      type: l.type,
      status: own(dept, l.type) ? 200 : 404,
    });
  }
  // Asking for another department's type by filter answers nothing, not an error.
  const other = LIST_TYPE_CODES.find((type) => !own(dept, type))!;
  const filtered = await t
    .api()
    .get('/lists')
    .query({ filter: JSON.stringify({ type: other }) })
    .set(bearer(tokens[dept]!));
  expect(filtered.status).toBe(200);
  expect(filtered.body).toEqual([]);
});

test.each(DEPARTMENTS)('%s sees only the findings on its own lists', async (dept) => {
  const all = await t
    .api()
    .get('/findings')
    .query({ range: '[0,499]' })
    .set(bearer(t.tokens.county));
  const every = all.body as { id: string; listType: string | null }[];
  expect(every.length).toBeGreaterThan(5);
  const res = await t.api().get('/findings').query({ range: '[0,499]' }).set(bearer(tokens[dept]!));
  expect(res.status).toBe(200);
  const seen = (res.body as { id: string; listType: string | null }[]).map((f) => f.id).sort();
  const expected = every
    .filter((f) => f.listType !== null && own(dept, f.listType))
    .map((f) => f.id)
    .sort();
  expect(seen).toEqual(expected);
  for (const f of every) {
    const one = await t.api().get(`/findings/${f.id}`).set(bearer(tokens[dept]!));
    expect({ listType: f.listType, status: one.status }).toEqual({
      listType: f.listType,
      status: f.listType !== null && own(dept, f.listType) ? 200 : 404,
    });
    // Masked: a department has no unmask right. An ID number stands alone; the hex of a keyed
    // hash or a finding's id may hold 18 digits in a row, but inside a longer hex token.
    if (one.status === 200)
      expect(JSON.stringify(one.body)).not.toMatch(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/i);
  }
});

test.each(DEPARTMENTS)('%s sees the runs over its own lists, never a full run', async (dept) => {
  const res = await t.api().get('/runs').query({ range: '[0,99]' }).set(bearer(tokens[dept]!));
  expect(res.status).toBe(200);
  const ids = (res.body as { id: string }[]).map((r) => r.id);
  expect(ids).not.toContain(fullRunId);
  expect(ids.includes(vehicleRunId)).toBe(own(dept, 'vehicles'));
  const full = await t.api().get(`/runs/${fullRunId}`).set(bearer(tokens[dept]!));
  expect(full.status).toBe(404);
  const vehicles = await t.api().get(`/runs/${vehicleRunId}`).set(bearer(tokens[dept]!));
  expect(vehicles.status).toBe(own(dept, 'vehicles') ? 200 : 404);
});

test('the poverty office is not narrowed: every list type, both runs', async () => {
  const lists = await t
    .api()
    .get('/lists')
    .query({ range: '[0,499]' })
    .set(bearer(t.tokens.county));
  const types = new Set((lists.body as { type: string }[]).map((l) => l.type));
  for (const type of Object.values(DEPARTMENT_LIST_TYPES).flat())
    expect(types.has(type)).toBe(true);
  const runs = await t.api().get('/runs').set(bearer(t.tokens.county));
  const ids = (runs.body as { id: string }[]).map((r) => r.id);
  expect(ids).toEqual(expect.arrayContaining([fullRunId, vehicleRunId]));
});

import request from 'supertest';
import { syncHouseholdListOnStart } from '../src/household-list-start';
import { importFile, type SheetRow, uniqueId, workbookFromTemplate } from './fixtures/import-files';
import {
  idNumber,
  startRegistry,
  testClock,
  TOWNSHIP_A,
  TOWNSHIP_B,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_A2,
  VILLAGE_B1,
} from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

const rows = () => t.registry.models.householdList;

/** The ids the household list answers for a filter, as `token` sees it. */
async function listed(filter: object, token = t.tokens.county): Promise<string[]> {
  const res = await request(t.app)
    .get('/households')
    .query({ filter: JSON.stringify(filter), range: '[0,99]' })
    .set(as(token));
  expect(res.status).toBe(200);
  return (res.body as { id: string }[]).map((h) => h.id);
}

test('a registered household is listed at once, and an update, a member added, a member removed and a status change each show in the list', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  expect(await listed({ status: 'exited', id: h.id })).toEqual([h.id]);
  expect(await rows().findById(h.id).lean()).toMatchObject({ revision: 1, status: 'exited' });

  const updated = await request(t.app)
    .put(`/households/${h.id}`)
    .set(as(t.tokens.townshipA))
    .send({ mainCause: 'disability', revision: h.revision });
  expect(updated.status).toBe(200);
  expect(await listed({ mainCause: 'disability', id: h.id })).toEqual([h.id]);
  expect(await listed({ cause: 'disability', id: h.id })).toEqual([h.id]);

  const added = await request(t.app)
    .post(`/households/${h.id}/members`)
    .set(as(t.tokens.townshipA))
    .send({ name: '刘奶奶', idNumber: idNumber('1940-05-05', 77, 'female'), relation: 'other' });
  expect(added.status).toBe(201);
  expect(await listed({ memberName: '刘奶奶' })).toEqual([h.id]);
  expect(await rows().findById(h.id).lean()).toMatchObject({ size: 4, revision: 3 });

  const grandma = (added.body as { members: { id: string; name: string }[] }).members.find(
    (m) => m.name === '刘奶奶',
  )!;
  const removed = await request(t.app)
    .post(`/households/${h.id}/members/${grandma.id}/remove`)
    .set(as(t.tokens.townshipA))
    .send({ reason: '已故' });
  expect(removed.status).toBe(200);
  expect(await listed({ memberName: '刘奶奶' })).toEqual([]);
  expect(await rows().findById(h.id).lean()).toMatchObject({ size: 3, revision: 4 });

  for (const action of ['start', 'appraise', 'review', 'approve']) {
    const res = await step(
      t,
      action === 'approve' ? t.tokens.county : t.tokens.townshipA,
      h.id,
      'monitoring_entry',
      {
        action,
        ...(action === 'start' ? { category: 'unstable', reason: '务工收入不稳定' } : {}),
      },
    );
    expect({ action, status: res.status }).toEqual({ action, status: 201 });
  }
  expect(await listed({ status: 'unstable', id: h.id })).toEqual([h.id]);
  expect(await listed({ status: 'exited', id: h.id })).toEqual([]);
});

test('a list item is the household as its own page shows it, personal data masked, without its history', async () => {
  const h = await registerHousehold(t, { village: VILLAGE_A2 });
  const detail = await request(t.app).get(`/households/${h.id}`).set(as(t.tokens.county));
  const list = await request(t.app)
    .get('/households')
    .query({ filter: JSON.stringify({ id: h.id }) })
    .set(as(t.tokens.county));
  // The detail alone says how fresh the derived guarantees are (a measure per household read).
  const { guaranteeFacts, ...page } = detail.body;
  expect(guaranteeFacts).toBeDefined();
  expect(list.body).toEqual([{ ...page, history: [] }]);
  expect(list.headers['content-range']).toBe('households 0-0/1');
});

function importRows(cause: string): SheetRow[] {
  return [0, 1, 2].map((i) => {
    const id = uniqueId(9000 + i);
    return {
      户编号: `LIST-IMP-${i}`,
      行政村代码: i === 2 ? VILLAGE_B1 : VILLAGE_A1,
      贫困户属性: '一般贫困户',
      主要致贫原因: i === 0 ? cause : '因病',
      收入年度: 2019,
      '工资性收入（元）': 3000,
      成员姓名: `导入成员${i}`,
      身份证号: id,
      与户主关系: '户主',
      出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    };
  });
}

test('imported households are listed, and a re-import that changes a household changes its list row', async () => {
  const first = await importFile(
    t.app,
    t.tokens.county,
    await workbookFromTemplate(t.app, t.tokens.county, importRows('因病')),
  );
  expect(first.job.counts).toMatchObject({ householdsCreated: 3, householdsRejected: 0 });
  const imported = await t.registry.models.households
    .find({ householdNo: { $in: ['LIST-IMP-0', 'LIST-IMP-1', 'LIST-IMP-2'] } }, { householdNo: 1 })
    .lean();
  expect(await listed({ q: 'LIST-IMP-', mainCause: 'illness' })).toHaveLength(3);

  const again = await importFile(
    t.app,
    t.tokens.county,
    await workbookFromTemplate(t.app, t.tokens.county, importRows('因残')),
  );
  expect(again.job.counts).toMatchObject({ householdsUpdated: 1, householdsUnchanged: 2 });
  const changed = imported.find((h) => h.householdNo === 'LIST-IMP-0')!;
  expect(await listed({ q: 'LIST-IMP-', mainCause: 'disability' })).toEqual([changed._id]);
  expect(await listed({ q: 'LIST-IMP-', mainCause: 'illness' })).toHaveLength(2);
});

test("a township user's list and count hold only its township's households", async () => {
  const a = await registerHousehold(t, { village: VILLAGE_A1 });
  const b = await registerHousehold(t, { village: VILLAGE_B1, token: t.tokens.townshipB });
  const own = await request(t.app)
    .get('/households')
    .query({ range: '[0,99]' })
    .set(as(t.tokens.townshipA));
  const ids = (own.body as { id: string; areaCode: string }[]).map((h) => h.id);
  expect(ids).toContain(a.id);
  expect(ids).not.toContain(b.id);
  expect(
    (own.body as { areaCode: string }[]).every((h) =>
      h.areaCode.startsWith(TOWNSHIP_A.slice(0, 9)),
    ),
  ).toBe(true);
  const inTownshipA = await t.registry.models.households.countDocuments({
    townshipCode: TOWNSHIP_A,
  });
  expect(own.headers['content-range']).toMatch(new RegExp(`/${inTownshipA}$`));

  // Asking for another township's area finds nothing rather than widening the scope.
  expect(await listed({ area: TOWNSHIP_B }, t.tokens.townshipA)).toEqual([]);
  const count = await request(t.app)
    .get('/households/count')
    .query({ filter: JSON.stringify({ area: VILLAGE_B1 }) })
    .set(as(t.tokens.townshipA));
  expect(count.body).toEqual({ count: 0 });
  expect(await listed({ area: TOWNSHIP_B })).toContain(b.id);
});

test('the rebuild fills an empty list view from the existing households and corrects a stale row', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const households = await t.registry.models.households.countDocuments();
  await rows().updateOne({ _id: h.id }, { $set: { status: 'exited', revision: 0 } });
  await rows().deleteMany({ _id: { $ne: h.id } });
  expect(await listed({ status: 'in_poverty', id: h.id })).toEqual([]);

  await syncHouseholdListOnStart({
    households: t.registry.models.households,
    rows: rows(),
    view: t.registry.householdList,
    logger: t.rt.logger,
    now: clock.now,
  });

  expect(await rows().countDocuments()).toBe(households);
  expect(await listed({ status: 'in_poverty', id: h.id })).toEqual([h.id]);
  const all = await request(t.app)
    .get('/households')
    .query({ range: '[0,0]' })
    .set(as(t.tokens.county));
  expect(all.headers['content-range']).toBe(`households 0-0/${households}`);
});

test("the start retires the households' old list filter indexes and keeps the registry's own", async () => {
  const coll = t.registry.models.households.collection;
  // A registry from before the list view: its households carried the list's filter indexes.
  await coll.createIndex({ headName: 1 });
  await coll.createIndex({ memberIdHashes: 1 });

  await syncHouseholdListOnStart({
    households: t.registry.models.households,
    rows: rows(),
    view: t.registry.householdList,
    logger: t.rt.logger,
    now: clock.now,
  });

  const names = (await coll.indexes()).map((i) => i.name);
  expect(names).not.toContain('headName_1');
  expect(names).not.toContain('memberIdHashes_1');
  expect(names).toEqual(expect.arrayContaining(['householdNo_1', 'areaCode_1_status_1']));
  expect(await listed({ status: 'in_poverty' })).not.toEqual([]);
});

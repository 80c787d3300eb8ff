import { walkAsAnotherTownship } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  createHelper,
  seedHousehold,
  startAssistance,
  type TestAssistance,
  TOWNSHIP_B,
  VILLAGE_B1,
} from './fixtures/assistance';

/** A township that holds none of the records below. */
const TOWNSHIP_C = '431121103000';

let t: TestAssistance;
const ids: Record<string, string> = {};

async function created(path: string, body: object, method: 'post' | 'put' = 'post') {
  const res = await request(t.app)[method](path).set(as(t.tokens.county)).send(body);
  if (res.status !== 201 && res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

beforeAll(async () => {
  t = await startAssistance({ consume: false });
  const household = await seedHousehold(t, 'SC-B', VILLAGE_B1);
  const helper = await createHelper(t, t.tokens.townshipB, { name: '乙镇干部', rank: 'general' });
  const pairing = await created('/pairings', {
    helperId: helper,
    householdId: household,
    role: 'key',
  });
  const measure = await created('/measures', {
    householdId: household,
    category: 'production',
    type: '养鸡',
    amountFen: 150000,
  });
  const visit = await created('/visits', {
    householdId: household,
    helperId: helper,
    date: '2020-01-01',
  });
  await created(`/plans/${household}`, { summary: '发展养殖', targets: [] }, 'put');
  const team = await created('/work-teams', {
    areaCode: VILLAGE_B1,
    unit: '县财政局',
    members: [{ name: '队长乙', role: 'leader' }],
  });
  const assignment = await created('/village-assignments', {
    kind: 'first_secretary',
    areaCode: VILLAGE_B1,
    personName: '书记乙',
    unit: '县委组织部',
  });
  Object.assign(ids, {
    householdId: household,
    '/households/{id}': household,
    '/dossier/households/{id}': household,
    '/helpers/{id}': helper,
    '/pairings/{id}': pairing,
    '/pairings/{id}/end': pairing,
    '/measures/{id}': measure,
    '/measures/{id}/status': measure,
    '/visits/{id}': visit,
    '/visits/{id}/photos': visit,
    '/visits/{id}/receipts': visit,
    '/visits/{id}/photos/{photoId}': visit,
    photoId: 'any-photo',
    '/work-teams/{id}': team,
    '/work-teams/{id}/end': team,
    '/village-assignments/{id}': assignment,
    '/village-assignments/{id}/end': assignment,
  });
}, 240_000);
afterAll(async () => {
  await t.close();
});

test("every documented operation refuses another township's user township B's records", async () => {
  const token = await t.issuer.sign({
    sub: 'u-town-c',
    name: '丙乡',
    area: TOWNSHIP_C,
    rights: { assistance: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token,
    townshipA: TOWNSHIP_B,
    ids,
    bodies: {
      'POST /measures/{id}/status': { to: 'in_progress' },
      'POST /pairings/{id}/end': { reason: '工作调动' },
      'POST /plans/{householdId}/progress': { percent: 10, note: '已开工' },
      'POST /village-assignments/{id}/end': { reason: '工作调动' },
      'POST /work-teams/{id}/end': { reason: '工作调动' },
      'POST /visits/{id}/receipts': {
        confirmationCode: 'C7K2',
        items: [{ source: 'funds', rowId: 'pay-1', amountFen: 100, result: 'confirmed' }],
      },
    },
    exempt: {
      '/projection/status': "the projection's progress, no household in it",
      '/pairing-limits/{rank}': 'the county-wide pairing limit of a rank, the same for every area',
      '/coverage/reports/{date}':
        "a county-wide daily report, cut to the caller's scope (the daily-job test)",
      '/imports/{id}': 'no pairing import in this seed (the import test covers its scope)',
      '/imports/{id}/report.xlsx':
        'no pairing import in this seed (the import test covers its scope)',
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(20);
}, 120_000);

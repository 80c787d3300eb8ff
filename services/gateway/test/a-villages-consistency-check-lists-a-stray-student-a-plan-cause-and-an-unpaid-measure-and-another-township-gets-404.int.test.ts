import {
  bearer,
  COUNTY,
  eventually,
  type SignedIn,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from '@fupin/testing';
import ExcelJS from 'exceljs';
import { type CountyPlatform, startCounty } from './support/county';
import { type CallArgs, call as callThrough } from './support/household-records';
import { household, idNumber, seedAreas } from './support/registry-data';

// 一户一档核对 on the whole county platform: a household of village A1 whose parts disagree in
// three ways, each planted through the gateway — a son tracked by support as a student, then
// removed from the registry's members; a plan saved while the registry said 缺资金, the registry
// since saying 因灾 instead; a measure of 3,000 元 naming a funds project that never paid it. Its
// township starts a check of the village, follows it to the end and finds each, by kind, in the
// list and the workbook; another township gets 404 for the run and may not check the village.

const HEAD = { name: '覃核对', idNumber: idNumber('1970-03-08', 241) };
const SON = { name: '覃小核', idNumber: idNumber('2010-09-01', 243), relation: 'son' };
const PROJECT = 'XM-GW-CONSISTENCY-1';

let t: CountyPlatform;
let office: SignedIn;
let townA: SignedIn;
let townB: SignedIn;
let householdId: string;
let sonId: string;
let runId: string;

const call = <T = { id: string }>(...args: CallArgs) => callThrough<T>(t, ...args);

/** Every service that has a part of the household's dossier knows it. */
async function projected() {
  await eventually(
    async () => {
      const d = await call<{ parts: { part: string; status: string }[] }>(
        office,
        'get',
        `/households/${householdId}/dossier`,
      );
      const notYet = d.parts
        .filter((p) => ['assistance', 'support', 'funds'].includes(p.part) && p.status !== 'ok')
        .map((p) => `${p.part} ${p.status}`);
      if (notYet.length) throw new Error(`parts not yet found: ${notYet.join(', ')}`);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
  await seedAreas(`${t.gatewayUrl}/api/registry`, office.accessToken);
  const made = await call<{ id: string; members: { id: string; name: string }[] }>(
    office,
    'post',
    '/api/registry/households',
    household('CONSISTENCY-GW-1', VILLAGE_A1, HEAD, {
      otherCauses: ['lack_of_capital'],
      members: [{ ...HEAD, relation: 'head' }, SON],
    }),
  );
  householdId = made.id;
  sonId = made.members.find((m) => m.name === SON.name)!.id;
  await projected();
  // The son at school, as support knows him; then removed from the registry's members.
  await call(office, 'post', '/api/support/education/students', {
    personId: sonId,
    school: '桃源县第一中学',
    stage: 'junior_secondary',
    grade: 2,
  });
  // The plan saved while the registry says 因病 and 缺资金; the registry then says 因灾.
  await call(townA, 'put', `/api/assistance/plans/${householdId}`, { summary: '发展生猪养殖' });
  await call(
    office,
    'post',
    `/api/registry/households/${householdId}/members/${sonId}/remove`,
    {
      reason: '户籍迁出',
    },
    200,
  );
  await call(office, 'put', `/api/registry/households/${householdId}`, {
    otherCauses: ['disaster'],
  });
  await call(townA, 'post', '/api/assistance/measures', {
    householdId,
    category: 'production',
    type: '生猪养殖补助',
    amountFen: 300_000,
    startDate: '2020-05-01',
    projectId: PROJECT,
  });
  // Support has applied the removal (its view of the member) before the check reads it.
  await eventually(
    async () => {
      const d = await call<{ parts: { part: string; sections?: Record<string, unknown> }[] }>(
        office,
        'get',
        `/households/${householdId}/dossier`,
      );
      const support = d.parts.find((p) => p.part === 'support');
      const items = (
        support?.sections?.insurance as { items: { personId: string; memberStatus: string }[] }
      )?.items;
      if (items?.find((x) => x.personId === sonId)?.memberStatus !== 'removed')
        throw new Error('support has not applied the removal yet');
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const started = await call(
    townA,
    'post',
    '/consistency-checks',
    { areaCode: VILLAGE_A1, year: 2020 },
    202,
  );
  runId = started.id;
}, 600_000);
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines([HEAD.idNumber, SON.idNumber]);
  await t.close();
  expect(leaked).toEqual([]);
});

interface Run {
  id: string;
  state: string;
  households: number | null;
  checked: number;
  inconsistencies: number;
  counts: { kind: string; count: number }[];
  gaps: unknown[];
  complete: boolean;
}
interface Item {
  householdId: string;
  householdNo: string;
  areaCode: string;
  kind: string;
  message: { 'zh-CN': string; en: string };
  details: Record<string, unknown>;
}

async function finished(user: SignedIn): Promise<Run> {
  let run: Run | undefined;
  await eventually(
    async () => {
      run = await call<Run>(user, 'get', `/consistency-checks/${runId}`);
      if (run.state === 'failed') throw new Error(`run failed: ${JSON.stringify(run)}`);
      if (run.state !== 'completed') throw new Error(`run still ${run.state}`);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  return run!;
}

test('its township follows the run to the end and finds each planted inconsistency by kind', async () => {
  const run = await finished(townA);
  expect(run).toMatchObject({ households: 1, checked: 1, gaps: [], complete: true });
  const count = (kind: string) => run.counts.find((c) => c.kind === kind)?.count;
  expect(count('person_not_a_member')).toBe(1);
  expect(count('plan_cause_not_in_registry')).toBe(1);
  expect(count('registry_cause_not_in_plan')).toBe(1);
  expect(count('measure_unpaid')).toBe(1);
  expect(run.inconsistencies).toBe(4);

  const res = await t
    .api()
    .get(`/consistency-checks/${runId}/items`)
    .set(bearer(townA.accessToken));
  expect(res.status).toBe(200);
  expect(res.headers['content-range']).toBe('consistency-check-items 0-3/4');
  const items = res.body as Item[];
  const of = (kind: string) => items.find((x) => x.kind === kind);
  const common = { householdId, householdNo: 'CONSISTENCY-GW-1', areaCode: VILLAGE_A1 };
  expect(of('person_not_a_member')).toMatchObject({
    ...common,
    details: { personId: sonId, name: SON.name, sources: ['student'], memberStatus: 'removed' },
  });
  expect(of('plan_cause_not_in_registry')).toMatchObject({
    ...common,
    details: { cause: 'lack_of_capital' },
  });
  expect(of('registry_cause_not_in_plan')).toMatchObject({ details: { cause: 'disaster' } });
  expect(of('measure_unpaid')).toMatchObject({
    ...common,
    details: expect.objectContaining({ projectId: PROJECT, measuredFen: 300_000, paidFen: 0 }),
  });

  const byKind = await t
    .api()
    .get(`/consistency-checks/${runId}/items`)
    .query({ filter: JSON.stringify({ kind: 'measure_unpaid', areaCode: VILLAGE_A1 }) })
    .set(bearer(townA.accessToken));
  expect((byKind.body as Item[]).map((x) => x.kind)).toEqual(['measure_unpaid']);

  const list = await t.api().get('/consistency-checks').set(bearer(townA.accessToken));
  expect((list.body as Run[]).map((r) => r.id)).toContain(runId);
});

test('the inconsistencies as a workbook, one row each, audited as an export', async () => {
  const res = await t
    .api()
    .get(`/consistency-checks/${runId}/items.xlsx`)
    .set(bearer(townA.accessToken))
    .buffer(true)
    .parse((s, cb) => {
      const parts: Buffer[] = [];
      s.on('data', (c: Buffer) => parts.push(c));
      s.on('end', () => cb(null, Buffer.concat(parts)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body as ArrayBuffer);
  const sheet = wb.getWorksheet('不一致')!;
  expect(sheet.rowCount).toBe(1 + 4);
  expect(sheet.getRow(2).getCell(1).value).toBe('CONSISTENCY-GW-1');
  const audit = await t.gatewayRt.conn
    .collection('audit_log')
    .find({ action: 'export', actorId: townA.userId })
    .toArray();
  expect(audit).toMatchObject([{ subjectType: 'household', subjectIds: [householdId] }]);
});

test('another township gets 404 for the run, sees none of it, and may not check the village', async () => {
  const run = await t.api().get(`/consistency-checks/${runId}`).set(bearer(townB.accessToken));
  expect(run.status).toBe(404);
  const items = await t
    .api()
    .get(`/consistency-checks/${runId}/items`)
    .set(bearer(townB.accessToken));
  expect(items.status).toBe(404);
  const xlsx = await t
    .api()
    .get(`/consistency-checks/${runId}/items.xlsx`)
    .set(bearer(townB.accessToken));
  expect(xlsx.status).toBe(404);
  const list = await t.api().get('/consistency-checks').set(bearer(townB.accessToken));
  expect((list.body as Run[]).map((r) => r.id)).not.toContain(runId);
  const start = await t
    .api()
    .post('/consistency-checks')
    .set(bearer(townB.accessToken))
    .send({ areaCode: VILLAGE_A1 });
  expect(start.status).toBe(403);
});

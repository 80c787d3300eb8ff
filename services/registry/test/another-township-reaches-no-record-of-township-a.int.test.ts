import { walkAsAnotherTownship } from '@fupin/testing';
import request from 'supertest';
import { findingRecordModel } from '../src/findings/finding-record.model';
import { warningModel } from '../src/monitoring/warning.model';
import { importFile, uniqueId, workbookFromTemplate } from './fixtures/import-files';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  TOWNSHIP_A,
  TOWNSHIP_B,
  VILLAGE_A1,
} from './fixtures/registry';
import { as, registerHousehold, seedAreas } from './fixtures/villages';

let t: TestRegistry;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startRegistry();
  await seedAreas(t);
  const household = await registerHousehold(t, { village: VILLAGE_A1, status: 'in_poverty' });
  const read = await request(t.app).get(`/households/${household.id}`).set(as(t.tokens.county));
  expect(read.status).toBe(200);
  const memberId = (read.body as { members: { id: string }[] }).members[0]!.id;
  const target = await request(t.app)
    .put(`/exit-targets/${VILLAGE_A1}/2020`)
    .set(as(t.tokens.county))
    .send({ households: 3 });
  expect(target.status).toBe(200);
  // An import started by a user of township A.
  const person = uniqueId(541);
  const file = await workbookFromTemplate(t.app, t.tokens.townshipA, [
    {
      户编号: 'XT-A1',
      行政村代码: VILLAGE_A1,
      主要致贫原因: '因病',
      成员姓名: '甲四一',
      身份证号: person,
      与户主关系: '户主',
      出生日期: `${person.slice(6, 10)}-${person.slice(10, 12)}-${person.slice(12, 14)}`,
    },
  ]);
  const { job } = await importFile(t.app, t.tokens.townshipA, file);
  // A 漏评 lead of township A, as a verified finding leaves it.
  const lead = 'finding-lead-a1';
  await findingRecordModel(t.rt.conn).create({
    _id: lead,
    rule: 'ALLOWANCE_NOT_REGISTERED',
    ruleVersion: 1,
    householdId: null,
    memberId: null,
    idHash: 'c'.repeat(64),
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    state: 'done',
    receivedAt: new Date(),
    eventId: 'e-1',
    outcomes: [],
    lead: { status: 'open', householdId: null, reason: null, decidedBy: null, decidedAt: null },
  });
  // A 防返贫 warning of township A, as a screening leaves it, and a county screening run.
  const warning = 'warning-a1';
  await warningModel(t.rt.conn).create({
    _id: warning,
    householdId: household.id,
    householdNo: 'XT-W1',
    headName: '甲',
    areaCode: VILLAGE_A1,
    townshipCode: TOWNSHIP_A,
    householdStatus: 'exited',
    status: 'open',
    signals: [],
    suggestedCategory: 'unstable',
    raisedAt: new Date(),
    dueOn: '2099-01-01',
    lastScreeningId: 'run-1',
    lastScreenedAt: new Date(),
    decision: null,
    events: [],
    revision: 1,
  });
  const run = await t.registry.ctx.rt.conn.collection('monitoring_screenings').insertOne({
    _id: 'run-a' as never,
    requestedBy: 'x',
    status: 'done',
    day: '2026-01-01',
    startedAt: new Date(),
    areaCode: TOWNSHIP_A.slice(0, 6).padEnd(12, '0'),
  });
  Object.assign(ids, {
    '/monitoring/warnings/{id}': warning,
    '/monitoring/warnings/{id}/confirm': warning,
    '/monitoring/warnings/{id}/dismiss': warning,
    '/monitoring/warnings/{id}/due': warning,
    // An upload is refused for the warning before its body is read (the walk sends JSON).
    '/monitoring/warnings/{id}/evidence': warning,
    '/monitoring/warnings/{id}/evidence/{fileId}': warning,
    fileId: 'evidence-any',
    '/monitoring/screenings/{id}': run.insertedId,
    '/candidate-leads/{id}': lead,
    '/candidate-leads/{id}/convert': lead,
    '/candidate-leads/{id}/dismiss': lead,
    findingId: 'finding-any',
    '/areas/{code}': VILLAGE_A1,
    '/villages/{code}': VILLAGE_A1,
    '/villages/{code}/exit': VILLAGE_A1,
    '/villages/{code}/exit/record': VILLAGE_A1,
    '/villages/{code}/exit/steps': VILLAGE_A1,
    // The guarantee of the household's guarantee routes (their {id} is the household above).
    code: 'housing_safety',
    areaCode: VILLAGE_A1,
    year: '2020',
    '/imports/{id}': job.id,
    '/imports/{id}/report.xlsx': job.id,
    id: household.id,
    memberId,
    workflow: 'exit',
    month: '2026-01',
  });
}, 240_000);
afterAll(async () => {
  await t.close();
});

test("every documented operation refuses another township's user township A's records", async () => {
  const token = await t.issuer.sign({
    sub: 'u-town-b-all',
    name: '陬市镇',
    area: TOWNSHIP_B,
    rights: { registry: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token,
    townshipA: TOWNSHIP_A,
    ids,
    exempt: {
      'GET /poverty-lines/{year}': "the province's poverty line: reference data every user reads",
      'GET /monitoring/settings/{year}':
        'the monitoring thresholds: reference data every user reads',
      'GET /monitoring/rules': 'the warning rule table: reference data every user reads',
      'PUT /poverty-lines/{year}':
        "the province's poverty line: set by the county, no township's record",
      'PUT /village-exit-conditions/{areaCode}':
        "the county's village exit conditions: reference data the county sets, no township's record",
    },
    bodies: {
      'PUT /areas/{code}': { name: '改名村' },
      'PUT /villages/{code}': { totalHouseholds: 1 },
      'PUT /exit-targets/{areaCode}/{year}': { households: 1 },
      'PUT /households/{id}': { address: '改址' },
      'POST /households/{id}/members': {
        name: '乙新',
        idNumber: idNumber('1990-01-01', 7, 'male'),
        relation: 'other',
      },
      'PUT /households/{id}/members/{memberId}': { name: '改名' },
      'POST /households/{id}/members/{memberId}/remove': { reason: '外嫁迁出' },
      'POST /candidate-leads/{id}/dismiss': { reason: '已迁出' },
      'POST /households/{id}/workflows/clearance/household-notice': {
        givenOn: '2026-01-05',
        channel: 'letter',
      },
      'POST /households/{id}/workflows/clearance/household-response': {
        receivedOn: '2026-01-06',
        text: '无异议',
        objects: false,
      },
      'POST /monitoring/warnings/{id}/confirm': { reason: '入户核实属实' },
      'POST /monitoring/warnings/{id}/dismiss': { reason: '已核实', evidence: ['照片'] },
      'PUT /monitoring/warnings/{id}/due': {
        dueAt: '2099-01-01T17:00:00+08:00',
        reason: '县扶贫办督办',
      },
      'POST /monitoring/disasters': { kind: 'flood', areaCode: VILLAGE_A1, day: '2026-06-01' },
      'PUT /monitoring/households/{id}/follow-ups/{month}': { incomeFen: 100_000 },
      'PUT /monitoring/settings/{year}': {
        monitoringLineFen: 700_000,
        medicalThresholdFen: 2_000_000,
        reason: '省定',
      },
      'POST /candidate-leads/{id}/convert': {
        householdNo: 'XT-LEAD',
        areaCode: VILLAGE_A1,
        members: [{ name: '丙一', idNumber: idNumber('1980-01-01', 9, 'male'), relation: 'head' }],
      },
      'POST /households/{id}/exclusion-proposals/{findingId}': {
        decision: 'dismiss',
        reason: '不属实',
      },
      'POST /households/{id}/workflows/{workflow}/steps': {
        action: 'appraise',
        reason: '民主评议',
      },
      'PUT /households/{id}/guarantees/{code}': { state: 'not_met', reason: '危房未改造' },
      'POST /households/{id}/guarantees/{code}/clear': { reason: '按事实推定' },
      'POST /villages/{code}/exit/steps': { action: 'start', reason: '申请退出' },
      'POST /households/{id}/head': {
        memberId: 'm-1',
        formerHeadRelation: 'parent',
        reason: '户主年老，由儿子担任户主',
      },
      'POST /households/{id}/workflows/clearance/record': {
        reason: '经比对家庭有轿车',
        appraisedOn: '2020-05-06',
        noticeStartsOn: '2020-05-07',
        noticeEndsOn: '2020-05-14',
        reviewedOn: '2020-05-18',
        approvedOn: '2020-05-25',
        document: '临扶组发〔2020〕23号',
      },
      'POST /villages/{code}/exit/record': {
        year: 2019,
        reason: '往年已批准退出',
        evidence: ['临政发〔2019〕1号'],
      },
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(25);
}, 120_000);

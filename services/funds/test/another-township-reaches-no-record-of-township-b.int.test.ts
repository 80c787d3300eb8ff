import { bi } from '@fupin/kit';
import { walkAsAnotherTownship } from '@fupin/testing';
import {
  as,
  idNumber,
  registerHousehold,
  startFunds,
  type TestFunds,
  TOWNSHIP_B,
  VILLAGE_B1,
} from './fixtures/funds';
import { approvedProject, issueBatch, ok, submitPayment, uploadVoucher } from './fixtures/money';

/** A township that holds none of the records below. */
const TOWNSHIP_C = '431025103000';
const VILLAGE_B2 = '431025102202';

let t: TestFunds;
const ids: Record<string, string> = {};

const created = async (path: string, body: object) =>
  ok<{ id: string }>(await t.api().post(path).set(as(t.tokens.office)).send(body), 201).id;

beforeAll(async () => {
  t = await startFunds();
  const road = await approvedProject(t, { areaCode: VILLAGE_B1, code: 'B-001' });
  const water = await approvedProject(t, { areaCode: VILLAGE_B2, code: 'B-002' });
  const batch = await issueBatch(t, {
    issuedOn: '2017-06-01',
    allocations: [
      { projectId: road.id, amountFen: 2_000_000 },
      { projectId: water.id, amountFen: 1_000_000 },
    ],
  });
  const voucher = (await uploadVoucher(t, 'B voucher')).id;
  const payment = ok<{ id: string }>(
    await submitPayment(t, { projectId: road.id, amountFen: 100_000, voucherIds: [voucher] }),
    201,
  ).id;
  await registerHousehold(t, {
    id: 'hh-b',
    areaCode: VILLAGE_B1,
    members: [{ id: 'm-b', name: '赵六', idNumber: idNumber(21) }],
  });
  const loan = await created('/loans', {
    contractNo: 'XD-B-1',
    kind: 'micro_credit',
    householdId: 'hh-b',
    borrowerMemberId: 'm-b',
    lender: '临武农商银行',
    purpose: '养殖',
    principalFen: 5_000_000,
    termMonths: 36,
    intervalMonths: 3,
    annualRateBp: 435,
    discountBp: 435,
    repayment: 'bullet',
    startOn: '2017-03-01',
    guarantor: { name: '赵村支书', phone: '13800001234', role: '还款责任人' },
  });
  const notice = await created('/notices', {
    kind: 'project',
    projectId: road.id,
    issuer: '乙镇政府',
  });
  const transfer = await created('/transfers', {
    fromProjectId: road.id,
    toProjectId: water.id,
    source: 'central',
    amountFen: 100_000,
    reason: '结余调剂',
  });
  const finding = await t.funds.services.findings.record({
    key: 'cross-township-test',
    kind: 'voucher_reused',
    areaCode: VILLAGE_B1,
    projectId: road.id,
    projectCode: road.code,
    disbursementId: payment,
    amountFen: 100_000,
    summary: bi('测试线索', 'A test finding'),
    evidence: {},
    subjectUserId: 'u-office',
  });
  Object.assign(ids, {
    '/projects/{id}': road.id,
    '/projects/{id}/documents': road.id,
    '/projects/{id}/history': road.id,
    '/projects/{id}/steps': road.id,
    '/projects/{id}/progress': road.id,
    '/projects/{id}/notices': road.id,
    '/batches/{id}': batch.id,
    '/batches/{id}/allocations': batch.id,
    '/batches/{id}/arrivals': batch.id,
    '/disbursements/{id}': payment,
    '/disbursements/{id}/approve': payment,
    '/disbursements/{id}/history': payment,
    '/disbursements/{id}/reject': payment,
    '/files/{id}': voucher,
    '/findings/{id}': finding,
    '/findings/{id}/resolve': finding,
    '/dossier/households/{id}': 'hh-b',
    '/loans/{id}': loan,
    '/loans/{id}/repayments': loan,
    '/loans/{id}/write-off': loan,
    '/notices/{id}': notice,
    '/notices/{id}/notice.pdf': notice,
    '/notices/{id}/notice.xlsx': notice,
    '/notices/{id}/postings': notice,
    '/transfers/{id}/approve': transfer,
    '/transfers/{id}/reject': transfer,
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
    rights: { funds: ['read', 'write', 'approve', 'export', 'unmask'] },
  });
  const { problems, calls } = await walkAsAnotherTownship({
    app: t.app,
    token,
    townshipA: TOWNSHIP_B,
    ids,
    bodies: {
      'POST /batches/{id}/allocations': {
        allocations: [{ projectId: ids['/projects/{id}'], amountFen: 1 }],
      },
      'POST /batches/{id}/arrivals': { on: '2017-06-02', amountFen: 1 },
      'POST /disbursements/{id}/reject': { reason: '材料不全' },
      'POST /findings/{id}/resolve': { outcome: 'dismissed', note: '已核实' },
      'POST /loans/{id}/repayments': { on: '2017-06-01', amountFen: 1 },
      'POST /loans/{id}/write-off': { on: '2017-06-01', reason: '受灾', disaster: '洪灾' },
      'POST /notices/{id}/postings': { place: '村部公示栏', postedOn: '2017-06-01' },
      'POST /transfers/{id}/reject': { reason: '不同意' },
      'POST /projects/{id}/steps': { action: 'start', on: '2017-06-01' },
      'POST /projects/{id}/progress': {
        percent: 10,
        reportedOn: '2017-06-01',
        evidenceFileIds: [ids['/files/{id}']],
      },
      'POST /projects/{id}/notices': {
        step: 'approval',
        postedOn: '2017-06-01',
        place: 'village_board',
        text: '立项公示',
      },
      'POST /projects/{id}/documents': {
        kind: 'tender',
        fileId: ids['/files/{id}'],
        title: '施工合同',
      },
      'PUT /projects/{id}': { name: '改名', revision: 1 },
    },
    exempt: {
      '/projection/status': "the projection's progress, no household in it",
      '/idle-funds/runs/{date}':
        "a county-wide daily run; its townships and projects are cut to the caller's scope (idle-funds test)",
    },
  });
  expect(problems).toEqual([]);
  expect(calls.length).toBeGreaterThan(20);
}, 120_000);

import { bearer, COUNTY, eventually, type SignedIn, VILLAGE_A1 } from '@fupin/testing';
import { type CountyPlatform } from './county';
import { household, idNumber, seedAreas } from './registry-data';

// One household of village A1 with a record in every service that has a part of its dossier
// (一户一档), each made through the gateway (`/api/<service>/…`) as the user whose work it is.

/** The head of the household: the ID number and phones must never show in clear. */
export const HEAD = { name: '覃档案', idNumber: idNumber('1968-04-12', 231), phone: '13712340001' };
export const HELPER = { name: '帮扶干部档', phone: '13612340002' };
export const GUARANTOR_PHONE = '13912340003';
export const PLATE = '湘J23456';
/** The household as registered: its phone and bank account must never show in clear either. */
export const HOUSEHOLD = household('DOSSIER-GW-1', VILLAGE_A1, HEAD);

/** The ids of what was made, to be found again in the dossier. */
export interface HouseholdRecords {
  householdId: string;
  headId: string;
  helperId: string;
  pairingId: string;
  visitId: string;
  stayId: string;
  loanId: string;
  findingId: string;
}

export interface RecordMakers {
  office: SignedIn;
  townA: SignedIn;
}

type Method = 'get' | 'post' | 'put';
/** `call`'s arguments after the platform. */
export type CallArgs = [
  user: SignedIn,
  method: Method,
  path: string,
  body?: object,
  status?: number,
];

/** One call through the gateway; anything but the expected status stops the arrangement. */
export async function call<T = { id: string }>(
  t: CountyPlatform,
  user: SignedIn,
  method: Method,
  path: string,
  body?: object,
  status = method === 'post' ? 201 : 200,
): Promise<T> {
  const req = t.api()[method](path).set(bearer(user.accessToken));
  const res = body === undefined ? await req : await req.send(body);
  if (res.status !== status)
    throw new Error(`${method.toUpperCase()} ${path}: ${res.status} ${res.text}`);
  return res.body as T;
}

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 建档立卡: the areas, then the household registered by the county office (registering one
 * directly in poverty takes the approve right; a township's application starts as a candidate).
 */
async function register(t: CountyPlatform, u: RecordMakers) {
  await seedAreas(`${t.gatewayUrl}/api/registry`, u.office.accessToken);
  const made = await call<{ id: string; members: { id: string }[] }>(
    t,
    u.office,
    'post',
    '/api/registry/households',
    HOUSEHOLD,
  );
  return { householdId: made.id, headId: made.members[0]!.id };
}

/**
 * Waits until every service's view of the registry knows the household: each part of its
 * dossier is found (a service that does not know it yet answers 404, `not_found`), and
 * matching's person index holds its member.
 */
async function projected(t: CountyPlatform, u: RecordMakers, householdId: string) {
  await eventually(
    async () => {
      const d = await call<{ parts: { part: string; status: string }[] }>(
        t,
        u.office,
        'get',
        `/households/${householdId}/dossier`,
      );
      const notYet = d.parts.filter((p) => p.status !== 'ok').map((p) => `${p.part} ${p.status}`);
      if (notYet.length) throw new Error(`parts not yet found: ${notYet.join(', ')}`);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  await eventually(
    async () => {
      const s = await call<{ people: number }>(
        t,
        u.office,
        'get',
        '/api/matching/person-index/status',
      );
      if (s.people !== 1) throw new Error(`person index: ${JSON.stringify(s)}`);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}

/** 帮扶: the township pairs a helper with the household; the helper visits. */
async function assist(t: CountyPlatform, u: RecordMakers, householdId: string) {
  const helper = await call(t, u.townA, 'post', '/api/assistance/helpers', {
    ...HELPER,
    unit: '漳江街道办事处',
    rank: 'section_level',
  });
  const pairing = await call(t, u.townA, 'post', '/api/assistance/pairings', {
    helperId: helper.id,
    householdId,
    role: 'key',
    startDate: '2020-01-02',
  });
  const visit = await call(t, u.townA, 'post', '/api/assistance/visits', {
    householdId,
    helperId: helper.id,
    date: '2020-06-15',
    findings: '户主住院后在家休养',
    actions: '宣讲医疗救助政策',
    nextSteps: '下月回访',
  });
  return { helperId: helper.id, pairingId: pairing.id, visitId: visit.id };
}

/** 健康扶贫: the county records the head's hospital stay. */
async function hospitalStay(t: CountyPlatform, u: RecordMakers, headId: string) {
  const stay = await call(t, u.office, 'post', '/api/support/health/inpatient-episodes', {
    personId: headId,
    hospital: '桃源县人民医院',
    admittedOn: '2020-04-10',
    dischargedOn: '2020-04-20',
    totalCostFen: 800_000,
    basicInsuranceFen: 500_000,
    seriousIllnessInsuranceFen: 100_000,
    medicalAssistanceFen: 50_000,
  });
  return stay.id;
}

/** 小额信贷: the county records a loan to the head. */
async function loan(t: CountyPlatform, u: RecordMakers, householdId: string, headId: string) {
  const made = await call(t, u.office, 'post', '/api/funds/loans', {
    contractNo: 'XD-GW-DOSSIER-1',
    kind: 'micro_credit',
    householdId,
    borrowerMemberId: headId,
    lender: '桃源农村商业银行',
    purpose: '生猪养殖',
    principalFen: 5_000_000,
    termMonths: 36,
    intervalMonths: 3,
    annualRateBp: 435,
    discountBp: 435,
    repayment: 'bullet',
    startOn: '2020-03-01',
    guarantor: { name: '村支部书记', phone: GUARANTOR_PHONE, role: '还款责任人' },
  });
  return made.id;
}

/**
 * 数据比对: the county uploads 公安's vehicles list, on which the head owns a car, runs matching
 * on it and waits for the run to complete; answers the VEHICLE_OWNER finding on the household.
 */
async function vehicleFinding(t: CountyPlatform, u: RecordMakers, householdId: string) {
  const file = Buffer.from(
    ['序号,姓名,身份证号,车牌号', `1,${HEAD.name},${HEAD.idNumber},${PLATE}`].join('\r\n'),
  );
  const list = await t
    .api()
    .post('/api/matching/lists')
    .query({ type: 'vehicles', date: shanghaiToday(), area: COUNTY })
    .set(bearer(u.office.accessToken))
    .set('content-type', 'text/csv')
    .send(file);
  if (list.status !== 201) throw new Error(`upload: ${list.status} ${list.text}`);
  const run = await call(t, u.office, 'post', '/api/matching/runs', { listId: list.body.id }, 202);
  await eventually(
    async () => {
      const r = await call<{ status: string }>(t, u.office, 'get', `/api/matching/runs/${run.id}`);
      if (r.status === 'failed') throw new Error(`run failed: ${JSON.stringify(r)}`);
      if (r.status !== 'completed') throw new Error(`run still ${r.status}`);
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const filter = JSON.stringify({ householdId, rule: 'VEHICLE_OWNER' });
  const found = await call<{ id: string }[]>(
    t,
    u.office,
    'get',
    `/api/matching/findings?filter=${encodeURIComponent(filter)}`,
  );
  if (found.length !== 1) throw new Error(`vehicle findings: ${JSON.stringify(found)}`);
  return found[0]!.id;
}

/** The household registered, known to every service, and given a record in each. */
export async function householdWithEveryRecord(
  t: CountyPlatform,
  u: RecordMakers,
): Promise<HouseholdRecords> {
  const { householdId, headId } = await register(t, u);
  await projected(t, u, householdId);
  const assistance = await assist(t, u, householdId);
  const stayId = await hospitalStay(t, u, headId);
  const loanId = await loan(t, u, householdId, headId);
  const findingId = await vehicleFinding(t, u, householdId);
  return { householdId, headId, ...assistance, stayId, loanId, findingId };
}

import { DOSSIER_PARTS } from '@fupin/contracts';
import { maskIdNumber } from '@fupin/reference';
import { bearer, COUNTY, type SignedIn, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1 } from '@fupin/testing';
import { type CountyPlatform, startCounty } from './support/county';
import {
  GUARANTOR_PHONE,
  HEAD,
  HELPER,
  HOUSEHOLD,
  type HouseholdRecords,
  householdWithEveryRecord,
  PLATE,
} from './support/household-records';

// 一户一档 on the whole county platform: a household of village A1 registered by the county,
// paired with a helper who visits it, in hospital once, granted a loan and found by matching on
// 公安's vehicles list — every record made through the gateway. Its township and the county read
// the dossier whole, each part holding its record, nothing personal in clear, one timeline newest
// first; a village user without matching's right is told that part is left out; another
// township, a user without the registry's read right and an unknown household are refused.

let t: CountyPlatform;
let office: SignedIn;
let townA: SignedIn;
let r: HouseholdRecords;

beforeAll(async () => {
  t = await startCounty();
  office = await t.signedInUser({ roles: ['poverty_office'], areaCode: COUNTY });
  townA = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_A });
  r = await householdWithEveryRecord(t, { office, townA });
}, 600_000);
afterAll(async () => {
  if (!t) return;
  const leaked = t.leakedLines([HEAD.idNumber]);
  await t.close();
  expect(leaked).toEqual([]);
});

type Items = { items: Record<string, unknown>[]; total: number; omitted: number };
interface PartView {
  part: string;
  status: string;
  message?: { 'zh-CN': string; en: string };
  sections?: Sections;
}
/** The sections this test reads, of whichever part holds them. */
interface Sections {
  household: Record<string, unknown>;
  members: Items;
  helpers: Items;
  visits: Items;
  inpatient: Items;
  loans: Items;
  findings: Items;
}
interface DossierBody {
  householdId: string;
  parts: PartView[];
  timeline: { at: string; kind: string; part: string }[];
  timelineOmitted: number;
}

const dossierAs = (user: SignedIn, id = r.householdId) =>
  t.api().get(`/households/${id}/dossier`).set(bearer(user.accessToken));

/** The dossier as `user` reads it, answered 200. */
async function readDossier(user: SignedIn) {
  const res = await dossierAs(user);
  expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({
    status: 200,
    body: null,
  });
  const body = res.body as DossierBody;
  const part = (name: string) => body.parts.find((p) => p.part === name)!;
  return { body, text: res.text, part, sections: (name: string) => part(name).sections! };
}

/** Every part found, each holding the record made for it; the personal data masked. */
function expectEveryPart(d: Awaited<ReturnType<typeof readDossier>>) {
  expect(d.body.householdId).toBe(r.householdId);
  expect(d.body.parts.map((p) => [p.part, p.status])).toEqual(
    DOSSIER_PARTS.map((name) => [name, 'ok']),
  );

  const registry = d.sections('registry');
  expect(registry.household).toMatchObject({
    householdNo: HOUSEHOLD.householdNo,
    areaCode: VILLAGE_A1,
    status: 'in_poverty',
    headName: HEAD.name,
  });
  expect(registry.members.items).toEqual([
    expect.objectContaining({
      id: r.headId,
      name: HEAD.name,
      idNumber: maskIdNumber(HEAD.idNumber),
    }),
  ]);

  const assistance = d.sections('assistance');
  expect(assistance.helpers.items).toEqual([
    expect.objectContaining({
      pairingId: r.pairingId,
      helperId: r.helperId,
      name: HELPER.name,
      role: 'key',
      status: 'active',
      startDate: '2020-01-02',
      phone: '136****0002',
    }),
  ]);
  expect(assistance.visits.items).toEqual([
    expect.objectContaining({ id: r.visitId, date: '2020-06-15', helperId: r.helperId }),
  ]);

  expect(d.sections('support').inpatient.items).toEqual([
    expect.objectContaining({
      id: r.stayId,
      personId: r.headId,
      hospital: '桃源县人民医院',
      admittedOn: '2020-04-10',
      totalCostFen: 800_000,
    }),
  ]);

  expect(d.sections('funds').loans.items).toEqual([
    expect.objectContaining({
      id: r.loanId,
      contractNo: 'XD-GW-DOSSIER-1',
      kind: 'micro_credit',
      principalFen: 5_000_000,
      startOn: '2020-03-01',
      guarantor: expect.objectContaining({ phone: '139****0003' }),
    }),
  ]);

  expect(d.sections('matching').findings).toMatchObject({ total: 1, omitted: 0 });
  expect(d.sections('matching').findings.items).toEqual([
    expect.objectContaining({
      id: r.findingId,
      rule: 'VEHICLE_OWNER',
      listType: 'vehicles',
      ruleLabel: expect.objectContaining({ 'zh-CN': '建档立卡户家庭成员名下有车辆，疑似错评' }),
    }),
  ]);

  // Nothing personal in clear anywhere: not the ID number, the phones, the bank account, the
  // list's row.
  for (const secret of [
    HEAD.idNumber,
    HEAD.phone,
    HOUSEHOLD.phone,
    HOUSEHOLD.bankAccount,
    HELPER.phone,
    GUARANTOR_PHONE,
    PLATE,
  ])
    expect(d.text).not.toContain(secret);
}

/** One timeline of every part, newest first by instant, holding each record's entry. */
function expectTimeline(d: Awaited<ReturnType<typeof readDossier>>) {
  const { timeline, timelineOmitted } = d.body;
  expect(timelineOmitted).toBe(0);
  expect([...new Set(timeline.map((e) => e.part))].sort()).toEqual([...DOSSIER_PARTS].sort());
  const at = timeline.map((e) => Date.parse(e.at));
  expect(at.every((v) => Number.isFinite(v))).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => b - a));
  const kinds = timeline.map((e) => `${e.part} ${e.kind}`);
  expect(kinds).toEqual(
    expect.arrayContaining([
      'assistance pairing_started',
      'assistance visit',
      'funds loan_granted',
      'support inpatient_stay',
      'matching finding_created',
    ]),
  );
  // The days recorded, each its day's start in Shanghai, in the order they happened.
  const day = (kind: string) => timeline.findIndex((e) => `${e.part} ${e.kind}` === kind);
  expect(timeline[day('assistance visit')]!.at).toBe('2020-06-15T00:00:00+08:00');
  expect(day('assistance visit')).toBeLessThan(day('support inpatient_stay'));
  expect(day('support inpatient_stay')).toBeLessThan(day('funds loan_granted'));
  expect(day('funds loan_granted')).toBeLessThan(day('assistance pairing_started'));
  // Registered and found today: newer than anything of 2020.
  expect(day('matching finding_created')).toBeLessThan(day('assistance visit'));
  const registered = timeline.findIndex((e) => e.part === 'registry');
  expect(Date.parse(timeline[registered]!.at)).toBeGreaterThan(Date.parse('2021-01-01T00:00:00Z'));
}

test("When the household's township reads its dossier, then every part holds its record and one timeline runs newest first", async () => {
  const d = await readDossier(townA);
  expectEveryPart(d);
  expectTimeline(d);
});

test('When the county office reads it, then it reads the same parts and timeline', async () => {
  const d = await readDossier(office);
  expectEveryPart(d);
  expectTimeline(d);
  const township = await readDossier(townA);
  expect(d.body.timeline.map((e) => [e.part, e.kind, e.at])).toEqual(
    township.body.timeline.map((e) => [e.part, e.kind, e.at]),
  );
});

test('When a village user without the right to matching reads it, then that part is left out and says why', async () => {
  const village = await t.signedInUser({ roles: ['village_staff'], areaCode: VILLAGE_A1 });
  const d = await readDossier(village);
  expect(d.body.parts.map((p) => [p.part, p.status])).toEqual([
    ['registry', 'ok'],
    ['assistance', 'ok'],
    ['funds', 'ok'],
    ['support', 'ok'],
    ['matching', 'no_right'],
  ]);
  expect(d.part('matching').message).toEqual({
    'zh-CN': '无权查看「数据比对」部分，已略去',
    en: 'No right to read the data matching part: left out',
  });
  expect(d.part('matching').sections).toBeUndefined();
  expect(d.body.timeline.some((e) => e.part === 'matching')).toBe(false);
});

test('When another township, a user without the registry read right or anyone for an unknown household asks, then 404 or 403 problem+json', async () => {
  const townB = await t.signedInUser({ roles: ['township_staff'], areaCode: TOWNSHIP_B });
  const other = await dossierAs(townB);
  expect(other.status).toBe(404);
  expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(other.body.code).toBe('NOT_FOUND');
  for (const secret of [HEAD.name, HOUSEHOLD.householdNo, r.headId])
    expect(other.text).not.toContain(secret);

  const police = await t.signedInUser({
    roles: ['department_staff'],
    areaCode: COUNTY,
    department: 'public_security',
  });
  const refused = await dossierAs(police);
  expect(refused.status).toBe(403);
  expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(refused.body.code).toBe('FORBIDDEN_RIGHT');
  expect(refused.text).not.toContain(HEAD.name);

  const unknown = await dossierAs(office, '00000000-0000-4000-8000-000000000000');
  expect(unknown.status).toBe(404);
  expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(unknown.body.code).toBe('NOT_FOUND');
});

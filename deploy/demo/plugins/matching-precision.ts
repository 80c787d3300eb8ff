import { computeCheckDigit } from '@fupin/reference';
import { ApiError, type Session } from '../client';
import { COUNTY_CODE, type DemoCounty, type DemoHousehold, type DemoMember } from '../county';
import { DATA_YEAR } from '../county-shape';
import type { DemoPlugin, DemoUser, SeedContext } from '../plugin';
import { waitForView } from './views';
import type { Finding, Run } from './matching-api';

// 数据比对 for 精准 (issue 19): department lists with planted anomalies on demo registry people,
// a full run (every current list and the registry's own 回头看 checks), and findings taken
// through their steps so the console shows each case: a DECEASED finding confirmed (the
// registry removes the member), a VEHICLE_OWNER finding confirmed (the registry opens 清退),
// 错退 findings left open for the township, a finding closed and found again by a second run
// (reopened with its first round kept), and a 漏评: a person on the 低保 list in no registered
// household, confirmed, so the registry opens an identification candidate lead. Deterministic: the cases are the first households
// of the county that fit, in the county's fixed order.

const LIST_DATE = `${DATA_YEAR + 1}-03-31`;
const SECOND_REVIEWER = 'fupinban2';

/** The planted cases: which household and member each list row names. */
interface Cases {
  deceased: { h: DemoHousehold; m: DemoMember };
  vehicleConfirmed: { h: DemoHousehold; m: DemoMember };
  vehicleClosed: { h: DemoHousehold; m: DemoMember };
  exitedDeath: { h: DemoHousehold; m: DemoMember };
  exitedAllowance: { h: DemoHousehold; m: DemoMember };
  /** Every 低保/特困 member of the allowance list's village (the list covers that village only). */
  allowanceVillage: { h: DemoHousehold; m: DemoMember }[];
}

const nonHead = (h: DemoHousehold) => h.members.filter((m) => m.relation !== 'head').at(-1);
const head = (h: DemoHousehold) => h.members.find((m) => m.relation === 'head') ?? h.members[0]!;

/** The first households of the county that fit each case, each household used once. */
export function plantedCases(county: DemoCounty): Cases {
  const used = new Set<string>();
  const picked: Partial<Cases> = {};
  const take = (h: DemoHousehold, m: DemoMember | undefined) => {
    if (!m || used.has(h.householdNo)) return undefined;
    used.add(h.householdNo);
    return { h, m };
  };
  for (const h of county.households()) {
    if (h.status === 'in_poverty' && h.members.length >= 2 && !picked.deceased)
      picked.deceased = take(h, nonHead(h));
    else if (h.status === 'in_poverty' && !picked.vehicleConfirmed)
      picked.vehicleConfirmed = take(h, head(h));
    else if (h.status === 'in_poverty' && !picked.vehicleClosed)
      picked.vehicleClosed = take(h, head(h));
    else if (h.status === 'exited' && h.members.length >= 2 && !picked.exitedDeath)
      picked.exitedDeath = take(h, nonHead(h));
    else if (h.status === 'exited' && h.attribute === 'ordinary' && !picked.exitedAllowance)
      picked.exitedAllowance = take(h, head(h));
    if (Object.keys(picked).length === 5) break;
  }
  if (Object.keys(picked).length < 5)
    throw new Error(`the demo county lacks households for the matching cases`);
  const village = picked.exitedAllowance!.h.areaCode;
  const allowanceVillage: Cases['allowanceVillage'] = [];
  for (const h of county.households()) {
    if (h.areaCode !== village) continue;
    for (const m of h.members)
      if (m.minimumAllowance || m.destituteSupport) allowanceVillage.push({ h, m });
  }
  return { ...(picked as Omit<Cases, 'allowanceVillage'>), allowanceVillage };
}

/** A valid ID number of someone outside the registry (another county's area code). */
function stranger(birth: string, seq: number): string {
  const first17 = `431122${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + computeCheckDigit(first17);
}

/** 漏评: on the 低保 list of the allowance village, in no registered household of the county. */
export const MISSED_PERSON = {
  name: '龙秀英',
  // Sequence 902 of a birth date: the generated people of one birth date number from 001, far below.
  idNumber: (() => {
    const first17 = '43112119581123902';
    return first17 + computeCheckDigit(first17);
  })(),
};

const csv = (rows: (string | number)[][]) =>
  `\uFEFF${rows.map((r) => r.map((c) => String(c)).join(',')).join('\r\n')}\r\n`;

/** The three department lists, as the departments would send them. */
function lists(c: Cases): { type: string; area: string; rows: (string | number)[][] }[] {
  const allowance: (string | number)[][] = [['姓名', '身份证号', '行政区划代码', '类别']];
  for (const { h, m } of c.allowanceVillage)
    allowance.push([m.name, m.idNumber, h.areaCode, m.destituteSupport ? '特困' : '低保']);
  // Newly on 低保 although the registry records none: the exited household's income fell.
  allowance.push([
    c.exitedAllowance.m.name,
    c.exitedAllowance.m.idNumber,
    c.exitedAllowance.h.areaCode,
    '低保',
  ]);
  allowance.push([
    MISSED_PERSON.name,
    MISSED_PERSON.idNumber,
    c.exitedAllowance.h.areaCode,
    '低保',
  ]);
  return [
    {
      type: 'deaths',
      area: COUNTY_CODE,
      rows: [
        ['姓名', '身份证号', '死亡日期', '注销机关'],
        [c.deceased.m.name, c.deceased.m.idNumber, `${DATA_YEAR + 1}-01-12`, '县公安局'],
        [c.exitedDeath.m.name, c.exitedDeath.m.idNumber, `${DATA_YEAR + 1}-02-03`, '县公安局'],
        ['非在册人员', stranger('1941-05-06', 11), `${DATA_YEAR + 1}-02-20`, '县公安局'],
      ],
    },
    {
      type: 'vehicles',
      area: COUNTY_CODE,
      rows: [
        ['序号', '姓名', '身份证号', '车牌号', '车辆类型'],
        [1, c.vehicleConfirmed.m.name, c.vehicleConfirmed.m.idNumber, '湘E7K301', '小型轿车'],
        [2, c.vehicleClosed.m.name, c.vehicleClosed.m.idNumber, '湘E3M822', '小型普通客车'],
        [3, '非在册人员', stranger('1980-07-08', 21), '湘E9Q110', '小型轿车'],
      ],
    },
    { type: 'allowance_recipients', area: c.exitedAllowance.h.areaCode, rows: allowance },
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts a full run (waiting out a person index still catching up) and waits for its end. */
async function fullRun(office: Session, log: (m: string) => void): Promise<Run> {
  let started: Run | undefined;
  for (let attempt = 1; !started; attempt++) {
    try {
      started = (await office.request<Run>('POST', '/api/matching/runs', { json: {} })).body;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 409 || attempt >= 30) throw err;
      await sleep(2000);
    }
  }
  for (;;) {
    const run = (await office.get<Run>(`/api/matching/runs/${started.id}`)).body;
    if (run.status === 'failed') throw new Error(`run failed: ${run.error?.message?.['zh-CN']}`);
    if (run.status === 'completed') {
      log(`  run ${run.id}: ${JSON.stringify(run.summary)}`);
      return run;
    }
    await sleep(1000);
  }
}

async function findingOf(office: Session, rule: string, householdNo: string): Promise<Finding> {
  const res = await office.get<Finding[]>('/api/matching/findings', {
    filter: JSON.stringify({ rule }),
    range: '[0,499]',
  });
  const f = res.body.find((x) => x.householdNo === householdNo);
  if (!f) throw new Error(`no ${rule} finding for household ${householdNo}`);
  return f;
}

interface Lead {
  id: string;
  status: string;
  areaCode: string;
  person: string;
}

/** The 漏评 finding of the missed person (found by the name its list row shows). */
export async function missedFinding(office: Session, village: string): Promise<Finding> {
  const res = await office.get<(Finding & { evidence: { columns?: Record<string, string> } })[]>(
    '/api/matching/findings',
    {
      filter: JSON.stringify({ rule: 'ALLOWANCE_NOT_REGISTERED', areaCode: village }),
      range: '[0,499]',
    },
  );
  const f = res.body.find((x) => x.evidence.columns?.['姓名'] === MISSED_PERSON.name);
  if (!f) throw new Error(`no ALLOWANCE_NOT_REGISTERED finding for ${MISSED_PERSON.name}`);
  return f;
}

/** Waits (at most `timeoutMs`) for the registry to open the candidate lead of a 漏评 finding. */
async function leadOf(office: Session, findingId: string, timeoutMs = 60_000): Promise<Lead> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return (await office.get<Lead>(`/api/registry/candidate-leads/${findingId}`)).body;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 404) throw err;
    }
    if (Date.now() > until)
      throw new Error(
        `the registry opened no candidate lead for the confirmed 漏评 finding ${findingId} within ${timeoutMs / 1000} s (is its finding consumer running?)`,
      );
    await sleep(1000);
  }
}

/**
 * One step of a finding (verify, rectify, review, close; `due`, the office's deadline, is a PUT).
 * A finding the registry's answer to an earlier step updates at the same moment is refused as
 * changed (409 MATCHING_FINDING_CHANGED, nothing taken): the step is taken again, as a clerk
 * would after reloading (its body made again when it is a function: a deadline from now).
 */
export async function findingStep<T = unknown>(
  s: Session,
  id: string,
  action: string,
  body: Record<string, string> | (() => Record<string, string>),
): Promise<T> {
  const method = action === 'due' ? 'PUT' : 'POST';
  for (let attempt = 1; ; attempt++) {
    const json = typeof body === 'function' ? body() : body;
    try {
      return (await s.request<T>(method, `/api/matching/findings/${id}/${action}`, { json })).body;
    } catch (err) {
      const changed =
        err instanceof ApiError &&
        err.status === 409 &&
        err.text.includes('MATCHING_FINDING_CHANGED');
      if (!changed || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** The matching part of issue 19's demo cases. */
export const matchingPrecisionPlugin: DemoPlugin = {
  name: 'matching-precision',
  probe: '/api/matching/openapi.json',

  users: (): DemoUser[] => [
    {
      username: SECOND_REVIEWER,
      displayName: '县扶贫办（复核）',
      roles: ['poverty_office'],
      areaCode: COUNTY_CODE,
      note: '县扶贫办第二复核人：比对问题复核销号（双人复核）',
    },
  ],

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/matching/lists')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const second = await ctx.as(SECOND_REVIEWER);
    await waitForView(office, '/api/matching/projection/status', ctx.log);
    const c = plantedCases(ctx.county);
    for (const l of lists(c)) {
      await office.request('POST', '/api/matching/lists', {
        body: csv(l.rows),
        contentType: 'text/csv',
        query: { type: l.type, date: LIST_DATE, area: l.area, fileName: `${l.type}.csv` },
      });
      ctx.log(`  list ${l.type}: ${l.rows.length - 1} rows`);
    }
    await fullRun(office, ctx.log);

    // 死亡: confirmed, so the registry removes the member (reason 死亡) through its own rules.
    const deceased = await findingOf(office, 'DECEASED_IN_REGISTRY', c.deceased.h.householdNo);
    await findingStep(office, deceased.id, 'verify', {
      conclusion: 'confirmed',
      note: '经派出所核实已死亡',
    });
    // 错评: confirmed, so the registry opens 清退 for the household.
    const car = await findingOf(office, 'VEHICLE_OWNER', c.vehicleConfirmed.h.householdNo);
    await findingStep(office, car.id, 'verify', {
      conclusion: 'confirmed',
      note: '入户核实：家庭购置小型轿车一辆，用于经营',
    });
    // 漏评: confirmed, so the registry opens an identification candidate lead for the township.
    const missed = await missedFinding(office, c.exitedAllowance.h.areaCode);
    await findingStep(office, missed.id, 'verify', {
      conclusion: 'confirmed',
      note: '入户核实：该户家庭收入低于扶贫标准，未纳入建档立卡，疑似漏评',
    });
    const lead = await leadOf(office, missed.id);
    ctx.log(
      `  漏评: ALLOWANCE_NOT_REGISTERED confirmed; candidate lead ${lead.id} ${lead.status} in ${lead.areaCode}`,
    );
    // Not confirmed and closed by two reviewers; the next run finds the car again: reopened.
    const closed = await findingOf(office, 'VEHICLE_OWNER', c.vehicleClosed.h.householdNo);
    await findingStep(office, closed.id, 'verify', {
      conclusion: 'not_confirmed',
      reasonCode: 'department_data_outdated',
      reason: '车辆已于去年过户给亲属，户主名下无车',
    });
    await findingStep(office, closed.id, 'review', { note: '核实材料齐全' });
    await findingStep(second, closed.id, 'close', { note: '同意销号' });
    ctx.log(
      `  findings: DECEASED ${c.deceased.h.householdNo} and VEHICLE_OWNER ${c.vehicleConfirmed.h.householdNo} confirmed; VEHICLE_OWNER ${c.vehicleClosed.h.householdNo} closed; 错退 (${c.exitedDeath.h.householdNo}, ${c.exitedAllowance.h.householdNo}) left open`,
    );
    const again = await fullRun(office, ctx.log);
    if ((again.summary?.reopened ?? 0) < 1)
      ctx.log(
        '  warning: the second run reopened no finding (the registry changed the household?)',
      );
  },
};

import { computeCheckDigit } from '@fupin/reference';
import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 清退 and the province's own poverty line: the province's line for the current year recorded by
// the poverty office (with who and why); a household found to own a car in 清退, appraised by the
// village and on its 7-day notice (the township reviews when it ends); one whose 清退 the village
// appraisal refused (it stays in poverty, the closed run kept); one cancelled by a 清退 the county
// approved in 2020, before the platform kept the steps, recorded with its dates and document (补录).

interface Household {
  id: string;
  householdNo: string;
  revision: number;
}

/** An ID number of the county no generated person has (sequence 8xx of a birth date). */
function idNumber(birthDate: string, seq: number): string {
  const first17 = `431121${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${computeCheckDigit(first17)}`;
}

const CASES = [
  { no: 1, head: '向国栋', spouse: '覃桂香', reason: '经公安交管部门比对，家庭名下有小型轿车一辆' },
  { no: 2, head: '田玉成', spouse: '彭小兰', reason: '群众反映家庭成员经营农家乐' },
  {
    no: 3,
    head: '杨再松',
    spouse: '吴秀芝',
    reason: '经核实，户主之子为县直机关在编工作人员（财政供养），不符合建档立卡识别标准',
  },
];

/** The 清退 of case 3, approved by the county in 2020 (as its paper file records it). */
const PAST_CLEARANCE = {
  appraisedOn: '2020-06-09',
  noticeStartsOn: '2020-06-10',
  noticeEndsOn: '2020-06-17',
  reviewedOn: '2020-06-19',
  approvedOn: '2020-06-28',
  document: '临扶组发〔2020〕23号',
  evidence: ['村民主评议会议记录（2020年6月9日）', '清退公示照片（2020年6月10日至17日）'],
};

function householdNo(ctx: SeedContext, no: number): string {
  return `${ctx.county.villages[0]!.code}98${String(no).padStart(2, '0')}`;
}

async function register(ctx: SeedContext, office: Session, c: (typeof CASES)[number]) {
  const village = ctx.county.villages[0]!;
  const res = await office.request<Household>('POST', '/api/registry/households', {
    json: {
      householdNo: householdNo(ctx, c.no),
      areaCode: village.code,
      address: `${village.name}五组`,
      status: 'in_poverty',
      attribute: 'ordinary',
      mainCause: 'lack_of_skills',
      identificationYear: 2016,
      income: { year: 2019, wagesFen: 900_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
      members: [
        { name: c.head, idNumber: idNumber(`1975-04-1${c.no}`, 861 + c.no * 2), relation: 'head' },
        {
          name: c.spouse,
          idNumber: idNumber(`1977-09-1${c.no}`, 860 + c.no * 2),
          relation: 'spouse',
        },
      ],
    },
  });
  return res.body;
}

async function clearanceStep(
  session: Session,
  h: Household,
  body: Record<string, unknown>,
): Promise<void> {
  await session.request('POST', `/api/registry/households/${h.id}/workflows/clearance/steps`, {
    json: body,
  });
}

const exists = async (office: Session, ctx: SeedContext, no: number) =>
  (await office.count('/api/registry/households', { q: householdNo(ctx, no) })) > 0;

/** The case's household as registered, or undefined. */
async function find(office: Session, ctx: SeedContext, no: number) {
  const res = await office.get<(Household & { status: string })[]>('/api/registry/households', {
    filter: JSON.stringify({ q: householdNo(ctx, no) }),
  });
  return res.body.find((h) => h.householdNo === householdNo(ctx, no));
}

/** Two 清退 run through the platform: one on its notice, one refused at the appraisal. */
async function runningCases(ctx: SeedContext, office: Session) {
  const township = await ctx.as('xiangzhen01');
  const year = new Date().getFullYear();
  await office.request('PUT', `/api/registry/poverty-lines/${year}`, {
    json: { fen: 450_000, reason: `省扶贫开发领导小组确定${year}年省定扶贫标准（演示）` },
  });
  ctx.log(`  clearance: provincial poverty line for ${year} recorded (4,500 yuan)`);

  const [noticed, kept] = [
    await register(ctx, office, CASES[0]!),
    await register(ctx, office, CASES[1]!),
  ];
  await clearanceStep(township, noticed, { action: 'start', reason: CASES[0]!.reason });
  await clearanceStep(township, noticed, {
    action: 'appraise',
    reason: '村民代表会议评议：家庭有车属实，同意清退',
    votes: { for: 35, against: 2 },
    evidence: ['村民主评议记录（演示）'],
  });
  await clearanceStep(township, noticed, {
    action: 'notice',
    reason: '在村务公开栏公示7天',
    evidence: ['公示照片（演示）'],
  });
  ctx.log('  clearance: one household in 清退 on its 7-day notice');

  await clearanceStep(township, kept, { action: 'start', reason: CASES[1]!.reason });
  await clearanceStep(township, kept, {
    action: 'reject',
    reason: '经村民主评议核实：农家乐为亲戚所有，该户不属于经营企业情形，不予清退',
  });
  ctx.log('  clearance: one 清退 refused at the village appraisal (the household stays)');
}

/**
 * One household cancelled by a 清退 completed in 2020 (补录): registered in poverty, then the
 * county records the 清退 with its dates and approval document; it shows cancelled with the run.
 */
async function recordedCase(ctx: SeedContext, office: Session) {
  const c = CASES[2]!;
  // A run stopped between the registration and the record finishes it.
  const h = (await find(office, ctx, c.no)) ?? (await register(ctx, office, c));
  const res = await office.request<{ status: string }>(
    'POST',
    `/api/registry/households/${h.id}/workflows/clearance/record`,
    { json: { reason: c.reason, ...PAST_CLEARANCE, revision: h.revision } },
  );
  if (res.body.status !== 'cancelled')
    throw new Error(`clearance demo: ${householdNo(ctx, c.no)} is ${res.body.status}`);
  ctx.log(
    `  clearance: ${householdNo(ctx, c.no)} cancelled by 清退 (补录, ${PAST_CLEARANCE.document})`,
  );
}

/** The household number of the case cancelled by a recorded 清退, for the demo's tests. */
export const clearedHouseholdNo = (ctx: SeedContext) => householdNo(ctx, 3);

/**
 * 清退 — the province's line for this year (PUT /poverty-lines/{year}), a household in 清退 at
 * its public notice, one whose 清退 the village appraisal refused, and one cancelled by a 清退
 * approved in 2020, recorded with its dates and document (a seed cannot wait out a 7-day
 * notice). Each part is seeded when it is missing (the recorded case until its household is
 * cancelled), so a county seeded before the recorded case gets it on the next run.
 */
export const registryClearancePlugin: DemoPlugin = {
  name: 'registry-clearance',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await exists(office, ctx, 1)) && (await find(office, ctx, 3))?.status === 'cancelled';
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    if (!(await exists(office, ctx, 1))) await runningCases(ctx, office);
    if ((await find(office, ctx, 3))?.status !== 'cancelled') await recordedCase(ctx, office);
  },
};

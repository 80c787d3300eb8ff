import { computeCheckDigit } from '@fupin/reference';
import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 清退 and the province's own poverty line: the province's line for the current year recorded by
// the poverty office (with who and why); a household found to own a car in 清退, appraised by the
// village and on its 7-day notice (the township reviews when it ends); one whose 清退 the village
// appraisal refused (it stays in poverty, the closed run kept).

interface Household {
  id: string;
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
];

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

/**
 * 清退 — the province's line for this year (PUT /poverty-lines/{year}), a household in 清退 at
 * its public notice, and one whose 清退 the village appraisal refused. A household cancelled
 * by 清退 needs the notice's seven days to pass, which a seed cannot wait for.
 */
export const registryClearancePlugin: DemoPlugin = {
  name: 'registry-clearance',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/registry/households', { q: householdNo(ctx, 1) })) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
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
  },
};

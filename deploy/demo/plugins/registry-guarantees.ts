import { computeCheckDigit } from '@fupin/reference';
import { ApiError, type Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// 两不愁三保障 with three states: households whose C/D housing grade makes 住房安全 not met without
// anyone typing it, one registered with its guarantee cells blank (unknown: its exit is refused
// naming them), and one whose 住房安全 the township states met over the grade, with its reason.

interface Household {
  id: string;
  revision: number;
  guaranteesUnmet: string[];
}

const GUARANTEES = ['food', 'clothing', 'compulsory_education', 'basic_medical', 'safe_water'];
const typedMet = Object.fromEntries(GUARANTEES.map((g) => [g, { met: true }]));

/** An ID number of the county no generated person has (sequence 9xx of a birth date). */
function idNumber(birthDate: string, seq: number): string {
  const first17 = `431121${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${computeCheckDigit(first17)}`;
}

interface Case {
  no: number;
  head: string;
  spouse: string;
  housingGrade: 'A' | 'B' | 'C' | 'D' | null;
  /** Typed guarantees; none for the household registered with blank cells. */
  guarantees: Record<string, { met: boolean }> | null;
}

const CASES: Case[] = [
  { no: 1, head: '覃德旺', spouse: '向秋菊', housingGrade: 'C', guarantees: typedMet },
  { no: 2, head: '田茂林', spouse: '彭桂英', housingGrade: 'D', guarantees: typedMet },
  { no: 3, head: '符国清', spouse: '杨春兰', housingGrade: 'C', guarantees: typedMet },
  { no: 4, head: '谭长顺', spouse: '龙玉梅', housingGrade: null, guarantees: null },
  { no: 5, head: '舒建军', spouse: '鲁小芳', housingGrade: 'C', guarantees: typedMet },
];

function householdNo(ctx: SeedContext, c: Case): string {
  return `${ctx.county.villages[c.no % ctx.county.villages.length]!.code}99${String(c.no).padStart(2, '0')}`;
}

/** The demo's household numbers (for the checks of its test). */
export const guaranteeHouseholdNumbers = (ctx: SeedContext): string[] =>
  CASES.map((c) => householdNo(ctx, c));

async function register(ctx: SeedContext, office: Session, c: Case): Promise<Household> {
  const village = ctx.county.villages[c.no % ctx.county.villages.length]!;
  const res = await office.request<Household>('POST', '/api/registry/households', {
    json: {
      householdNo: householdNo(ctx, c),
      areaCode: village.code,
      address: `${village.name}三组`,
      status: 'in_poverty',
      attribute: 'ordinary',
      mainCause: 'illness',
      identificationYear: 2016,
      housingGrade: c.housingGrade,
      income: {
        year: 2019,
        wagesFen: 1_500_000,
        productionFen: 200_000,
        propertyFen: 0,
        transferFen: 100_000,
      },
      ...(c.guarantees ? { guarantees: c.guarantees } : {}),
      members: [
        {
          name: c.head,
          idNumber: idNumber('1968-03-0' + c.no, 951 + c.no * 2),
          relation: 'head',
          medicalInsurance: true,
        },
        {
          name: c.spouse,
          idNumber: idNumber('1970-07-0' + c.no, 950 + c.no * 2),
          relation: 'spouse',
          medicalInsurance: true,
        },
      ],
    },
  });
  return res.body;
}

/** The household with blank guarantees asks to exit: refused, each unknown one named. */
async function refusedExit(ctx: SeedContext, office: Session, h: Household): Promise<void> {
  try {
    await office.request('POST', `/api/registry/households/${h.id}/workflows/exit/steps`, {
      json: { action: 'start', year: 2019, reason: '收入已超过扶贫标准，申请脱贫退出' },
    });
    throw new Error('guarantees demo: an exit with unknown guarantees was not refused');
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 422) throw err;
  }
  ctx.log(`  exit refused, guarantees unknown: ${h.guaranteesUnmet.join(', ')}`);
}

/**
 * 两不愁三保障 — five households of the demo county: three with a C/D housing grade (住房安全 not
 * met, derived), one registered with its guarantee cells blank (all unknown but those the facts
 * derive; its exit refused), and one whose 住房安全 the poverty office states met with a reason
 * over its C grade (the derived value kept beside it in the history).
 */
export const registryGuaranteesPlugin: DemoPlugin = {
  name: 'registry-guarantees',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/registry/households', { q: householdNo(ctx, CASES[0]!) })) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const made = new Map<number, Household>();
    for (const c of CASES) made.set(c.no, await register(ctx, office, c));
    ctx.log(`  guarantees: ${CASES.length} households (C/D housing derived not met, one blank)`);
    await refusedExit(ctx, office, made.get(4)!);
    const typed = made.get(5)!;
    await office.request('PUT', `/api/registry/households/${typed.id}/guarantees/housing_safety`, {
      json: {
        state: 'met',
        reason: '危房改造已竣工并经县住建局验收（临住建验〔2020〕12号），等级待重新鉴定',
        revision: typed.revision,
      },
    });
    ctx.log('  guarantees: 住房安全 stated met over a C grade, with its reason');
  },
};

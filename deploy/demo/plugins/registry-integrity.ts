import { computeCheckDigit } from '@fupin/reference';
import type { Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';

// Exactly one 户主: a household whose ageing head hands over to the son through 户主变更 (one
// request: the son becomes head, the former head becomes 父母), kept in the history with its
// reason. The refusals (a second head, the only head removed by hand) answer on the household
// page; a head whose death matching verified leaves the household 户主待变更.

interface Household {
  id: string;
  revision: number;
  members: { id: string; relation: string }[];
}

/** An ID number of the county no generated person has (sequence 97x of a birth date). */
function idNumber(birthDate: string, seq: number): string {
  const first17 = `431121${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${computeCheckDigit(first17)}`;
}

function householdNo(ctx: SeedContext): string {
  return `${ctx.county.villages[1 % ctx.county.villages.length]!.code}9701`;
}

async function register(ctx: SeedContext, office: Session): Promise<Household> {
  const village = ctx.county.villages[1 % ctx.county.villages.length]!;
  const res = await office.request<Household>('POST', '/api/registry/households', {
    json: {
      householdNo: householdNo(ctx),
      areaCode: village.code,
      address: `${village.name}二组`,
      status: 'in_poverty',
      attribute: 'ordinary',
      mainCause: 'lack_of_labour',
      identificationYear: 2016,
      housingGrade: 'B',
      income: {
        year: 2019,
        wagesFen: 800_000,
        productionFen: 150_000,
        propertyFen: 0,
        transferFen: 50_000,
      },
      members: [
        {
          name: '龙永福',
          idNumber: idNumber('1946-02-11', 971),
          relation: 'head',
          medicalInsurance: true,
        },
        {
          name: '龙德华',
          idNumber: idNumber('1975-10-03', 973),
          relation: 'son',
          medicalInsurance: true,
        },
        {
          name: '石秀英',
          idNumber: idNumber('1977-04-21', 972),
          relation: 'daughter_in_law',
          medicalInsurance: true,
        },
      ],
    },
  });
  return res.body;
}

/**
 * 户主变更 — one household of the demo county whose head (aged 80) hands over to his son: the
 * son becomes head and the former head 父母, in one change with its reason.
 */
export const registryIntegrityPlugin: DemoPlugin = {
  name: 'registry-integrity',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/registry/households', { q: householdNo(ctx) })) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const h = await register(ctx, office);
    const son = h.members.find((m) => m.relation === 'son')!;
    await office.request('POST', `/api/registry/households/${h.id}/head`, {
      json: {
        memberId: son.id,
        formerHeadRelation: 'parent',
        reason: '原户主年迈，经家庭商议并村委会确认，由其子担任户主',
        revision: h.revision,
      },
    });
    ctx.log(`  户主变更: household ${householdNo(ctx)} (the son is head, the former head 父母)`);
  },
};

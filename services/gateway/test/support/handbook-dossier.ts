import type { BenefitRow } from '@fupin/contracts';
import { assemble, leftOut, type PartOutcome } from '../../src/dossier/dossier.assembly';
import type { PrintHousehold } from '../../src/prints/print.types';

// A household's dossier and 受益底册 rows as the services answer them, made up for the
// printed documents' tests and the benchmark (no service is asked).

const AT = '2026-03-01T00:00:00.000Z';

const row = (over: Partial<BenefitRow> & Pick<BenefitRow, 'id' | 'amountFen'>): BenefitRow => ({
  source: 'funds',
  kind: 'payment',
  householdId: 'h-1',
  areaCode: '431025101201',
  year: 2026,
  on: '2026-04-01',
  status: 'paid',
  label: { 'zh-CN': '产业奖补', en: 'Production award' },
  projectId: null,
  memberId: null,
  ...over,
});

/** One household: two members, a plan, two measures, a visit, an income year; `n` varies it. */
export function handbookHousehold(n = 1, opts: { visits?: number } = {}): PrintHousehold {
  const id = `h-${n}`;
  const no = `431025101201${String(n).padStart(4, '0')}`;
  const registry: PartOutcome = {
    status: 'ok',
    part: {
      part: 'registry',
      householdId: id,
      generatedAt: AT,
      sections: {
        household: {
          id,
          householdNo: no,
          areaCode: '431025101201',
          address: '临溪县白石乡青山村三组',
          status: 'in_poverty',
          statusLabel: { 'zh-CN': '未脱贫', en: 'In poverty' },
          attribute: 'ordinary',
          mainCause: 'illness',
          otherCauses: ['lack_of_skills'],
          size: 2,
          headName: `王建国${n}`,
          identificationYear: 2019,
          exitYear: null,
          phone: '138****5678',
        },
        members: {
          items: [
            {
              id: 'm-1',
              name: `王建国${n}`,
              relation: 'head',
              sex: 'male',
              birthDate: '1970-05-06',
              idNumber: '431025********0012',
              health: 'healthy',
              labourCapacity: 'ordinary',
              inSchool: false,
              phone: '138****5678',
              status: 'active',
            },
            {
              id: 'm-2',
              name: `李秀英${n}`,
              relation: 'spouse',
              sex: 'female',
              birthDate: '1972-08-09',
              idNumber: '431025********0026',
              health: 'chronic_illness',
              labourCapacity: 'weak',
              inSchool: false,
              phone: null,
              status: 'active',
            },
          ],
          total: 2,
        },
        incomeByYear: {
          items: [
            {
              year: 2025,
              wagesFen: 1_200_000,
              productionFen: 300_000,
              propertyFen: 0,
              transferFen: 150_000,
              totalFen: 1_650_000,
              perCapitaFen: 825_000,
              povertyLineFen: 420_000,
              belowLine: false,
            },
          ],
        },
      },
      timeline: [],
    },
  };
  const visitCount = opts.visits ?? 1;
  const assistance: PartOutcome = {
    status: 'ok',
    part: {
      part: 'assistance',
      householdId: id,
      generatedAt: AT,
      sections: {
        helpers: {
          items: [
            {
              name: '赵帮扶',
              unit: '县农业农村局',
              role: 'key',
              phone: '139****0001',
              status: 'active',
            },
          ],
          total: 1,
        },
        plan: {
          summary: '发展油茶种植，妻子慢病签约服务',
          causes: { mainCause: 'illness', otherCauses: [] },
          targets: [
            {
              year: 2026,
              perCapitaIncomeFen: 900_000,
              guarantees: ['basic_medical'],
              exit: true,
              note: null,
            },
          ],
          progressPercent: 60,
          progress: {
            items: [{ date: '2026-06-01', percent: 60, note: '油茶已种植十亩', by: '赵帮扶' }],
          },
        },
        measures: {
          items: [
            {
              category: 'production',
              type: '种植',
              description: '油茶苗补助',
              status: 'done',
              amountFen: 250_000,
              startDate: '2026-03-01',
              endDate: '2026-06-30',
              helperName: '赵帮扶',
            },
          ],
          total: 1,
          amountFen: 250_000,
        },
        visits: {
          items: Array.from({ length: visitCount }, (_, i) => ({
            date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
            helperName: '赵帮扶',
            findings: '油茶长势良好',
            actions: '联系技术员指导',
            nextSteps: '秋季施肥',
          })),
          total: visitCount,
        },
      },
      timeline: [],
    },
  };
  const away = (name: 'funds' | 'support' | 'matching'): PartOutcome => ({
    status: 'not_found',
    message: leftOut(name, 'not_found'),
  });
  const dossier = assemble(
    id,
    {
      registry,
      assistance,
      funds: away('funds'),
      support: away('support'),
      matching: away('matching'),
    },
    new Date(AT),
  );
  const rows = [
    row({
      id: `a-${n}`,
      householdId: id,
      source: 'assistance',
      kind: 'measure',
      amountFen: 250_000,
      label: { 'zh-CN': '油茶苗补助', en: 'Seedlings' },
    }),
    row({ id: `f-${n}`, householdId: id, amountFen: 123_456 }),
    row({
      id: `s-${n}`,
      householdId: id,
      source: 'support',
      kind: 'education_subsidy',
      year: 2025,
      on: '2025-09-01',
      amountFen: 50_000,
      label: { 'zh-CN': '雨露计划补助', en: 'Rain-dew subsidy' },
    }),
  ];
  return { dossier, rows, clear: null };
}

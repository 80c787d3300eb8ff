import type { DemoPlugin, SeedContext } from '../plugin';
import { TOWNSHIP_INDICATORS } from './assessment';

// The supervision indicators in the demo county's scheme: once the schedule, the inspections
// and the complaints are in, the poverty office adds to this year's scheme what they measure —
// tasks done on time, rectifications closed on time, complaints answered on time — with the
// poverty incidence against the county's target, the villages exited against the plan and the
// pension coverage, and ranks the line departments on them too. The quarters already ranked
// keep the scheme they were ranked with; the quarter running shows the new indicators at once.

const DAY = 86_400_000;
/** A day counted from today in Asia/Shanghai. */
export const dayFromToday = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);

/** The township track: the first ranking's indicators, re-weighted to 65, and the new ones. */
const REWEIGHTED: Record<string, number> = {
  visit_coverage: 15,
  helper_coverage: 10,
  fund_disbursement_rate: 15,
  idle_funds: 5,
  insurance_coverage: 5,
  dropouts_open: 5,
  guarantees_met: 10,
};
const TOWNSHIP: { code: string; weight: number }[] = [
  ...TOWNSHIP_INDICATORS.map((i) => ({ code: i.code, weight: REWEIGHTED[i.code] ?? 0 })),
  { code: 'incidence_vs_target', weight: 10 },
  { code: 'village_exit_rate', weight: 5 },
  { code: 'tasks_on_time', weight: 5 },
  { code: 'rectifications_on_time', weight: 5 },
  { code: 'complaints_on_time', weight: 5 },
  { code: 'pension_coverage', weight: 5 },
];

/** The line departments ranked, and what they answer for. */
export const DEPARTMENTS = [
  'education',
  'health',
  'medical_security',
  'housing',
  'human_resources',
  'water',
  'agriculture',
];
const DEPARTMENT: { code: string; weight: number }[] = [
  { code: 'tasks_on_time', weight: 25 },
  { code: 'rectifications_on_time', weight: 25 },
  { code: 'complaints_on_time', weight: 20 },
  { code: 'pension_coverage', weight: 15 },
  { code: 'insurance_coverage', weight: 15 },
];

/** The years the demo's dated records fall in (its tasks reach 100 days back). */
const years = () => [
  ...new Set([dayFromToday(-100), dayFromToday(0)].map((d) => Number(d.slice(0, 4)))),
];

export const assessmentIndicatorsPlugin: DemoPlugin = {
  name: 'assessment-indicators',
  probe: '/api/assessment/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const year = Number(dayFromToday(0).slice(0, 4));
    const res = await office.request<{ tracks: { kind: string }[] }>(
      'GET',
      `/api/assessment/schemes/${year}`,
      { accept: [404] },
    );
    return res.status === 200 && res.body.tracks.some((t) => t.kind === 'department');
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    for (const year of years()) {
      const current = await office.request<{ revision: number; name: string }>(
        'GET',
        `/api/assessment/schemes/${year}`,
        { accept: [404] },
      );
      const found = current.status === 200;
      await office.request('PUT', `/api/assessment/schemes/${year}`, {
        json: {
          name: found ? current.body.name : `${year}年度脱贫攻坚工作考核方案`,
          revision: found ? current.body.revision : 0,
          tracks: [
            {
              kind: 'township',
              units: ctx.county.townships.map((t) => ({ code: t.code, name: t.name })),
              indicators: TOWNSHIP,
            },
            {
              kind: 'department',
              units: DEPARTMENTS.map((code) => ({ code })),
              indicators: DEPARTMENT,
            },
          ],
        },
      });
    }
    ctx.log(
      '  考核方案: tasks, rectifications, complaints, incidence, village exits and pension added',
    );
  },
};

import type { DemoPlugin, SeedContext } from '../plugin';
import { waitForView } from './views';

// The assessment service's part of the demo county (考核): the scheme of the year with the
// townships ranked on what the other services hold (visits, helpers, money spent and idle,
// insurance, dropouts, guarantees), and the two latest closed quarters ranked — each with its
// last place given a 预黄牌, and 问责 for a township last twice running. Seeded last, once every
// other service's data is in.

/** The two latest closed quarters before today (Asia/Shanghai), oldest first. */
export function closedQuarters(today: string): { year: number; quarter: number }[] {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const back = (n: number) => {
    const q = current - n;
    return q >= 1 ? { year, quarter: q } : { year: year - 1, quarter: q + 4 };
  };
  return [back(2), back(1)];
}

/** The township track of the first ranking (the supervision plugin adds to it later). */
export const TOWNSHIP_INDICATORS: { code: string; weight: number }[] = [
  { code: 'visit_coverage', weight: 20 },
  { code: 'helper_coverage', weight: 15 },
  { code: 'fund_disbursement_rate', weight: 20 },
  { code: 'idle_funds', weight: 10 },
  { code: 'insurance_coverage', weight: 10 },
  { code: 'dropouts_open', weight: 10 },
  { code: 'guarantees_met', weight: 15 },
];

export const assessmentPlugin: DemoPlugin = {
  name: 'assessment',
  probe: '/api/assessment/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/assessment/rankings')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    await waitForView(office, '/api/assessment/projection/status', ctx.log);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const quarters = closedQuarters(today);
    const years = [...new Set(quarters.map((q) => q.year))];
    for (const year of years) {
      const current = await office.request<{ revision: number }>(
        'GET',
        `/api/assessment/schemes/${year}`,
        { accept: [404] },
      );
      await office.request('PUT', `/api/assessment/schemes/${year}`, {
        json: {
          name: `${year}年度乡镇脱贫攻坚工作考核方案`,
          revision: current.status === 404 ? 0 : current.body.revision,
          tracks: [
            {
              kind: 'township',
              units: ctx.county.townships.map((t) => ({ code: t.code, name: t.name })),
              indicators: TOWNSHIP_INDICATORS,
            },
          ],
        },
      });
    }
    for (const q of quarters) {
      const res = await office.request<{ id: string; results?: unknown[] }>(
        'POST',
        '/api/assessment/rankings',
        { json: q, accept: [409] },
      );
      ctx.log(
        `  ranking ${q.year} Q${q.quarter}: ${res.status === 409 ? 'ranked already' : 'published'}`,
      );
    }
  },
};

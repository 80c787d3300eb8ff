import type { DemoPlugin, SeedContext } from '../plugin';

// 问责 on record in the demo county: the two quarters the assessment plugin ranked open a case
// for a township last in both (问责); the poverty office records its decision (约谈) and a
// follow-up on the oldest open case, so the console shows a case with a decision and a
// follow-up next to any still 待处理. Runs after the rankings.

const API = '/api/assessment/accountability-cases';

interface Case {
  id: string;
  status: string;
  year: number;
  quarter: number;
  unit: { name: string };
}

/** Today in Asia/Shanghai. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const assessmentAccountabilityPlugin: DemoPlugin = {
  name: 'assessment-accountability',
  probe: '/api/assessment/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (
      (await office.count(API, { status: 'decided' })) +
        (await office.count(API, { status: 'closed' })) >
      0
    );
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const open = await office.list<Case>(API, {
      sort: ['openedAt', 'ASC'],
      filter: { status: 'open' },
      limit: 1,
    });
    const c = open[0];
    if (!c) {
      ctx.log('  问责: no township was last in both ranked quarters; no case to decide');
      return;
    }
    const on = today();
    const path = `${API}/${encodeURIComponent(c.id)}`;
    await office.request('POST', `${path}/decision`, {
      json: {
        kind: 'talk',
        decidedOn: on,
        decidedBy: '县脱贫攻坚领导小组',
        text: `${c.unit.name}连续两个季度考核排名倒数第一，由县脱贫攻坚领导小组约谈乡镇党委书记和分管负责人，责令一个月内提交整改方案。`,
        documentNo: `县脱贫组〔${c.year}〕${c.quarter}号`,
      },
    });
    await office.request('POST', `${path}/follow-ups`, {
      json: {
        on,
        text: `已完成约谈，${c.unit.name}提交整改方案：补齐未走访户的入户走访，逐户核实“两不愁三保障”，下季度排名前复查。`,
      },
    });
    ctx.log(`  问责: ${c.unit.name} ${c.year} Q${c.quarter} decided (约谈) with a follow-up`);
  },
};

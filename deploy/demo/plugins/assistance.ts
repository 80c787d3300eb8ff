import { inParallel, type Session } from '../client';
import { DATA_YEAR } from '../county-shape';
import { scenePng } from '../images';
import { givenName, surname } from '../names';
import type { DemoPlugin, SeedContext } from '../plugin';
import { Random } from '../random';
import { waitForView } from './views';

// The assistance service's part of the demo county (挂包帮, 一户一策, 入户走访): helpers from the
// county's units with their ranks (the pairing limits of seed 004 respected), pairings covering
// the households in poverty or monitored except a few left uncovered, plans with targets,
// measures across the 五个一批 in every state, and six months of visits with missed months and
// photos. The visits of earlier months are entered at go-live, so the service flags them 补录
// (late entries), as it would for a county back-filling its paper records.

/** 帮扶单位 and their 单位 level: a helper's rank follows from whom the unit sends. */
const UNITS = [
  '县委办',
  '县政府办',
  '县财政局',
  '县教育局',
  '县卫健局',
  '县住建局',
  '县人社局',
  '县农业农村局',
  '县水利局',
  '县林业局',
  '县交通运输局',
  '县自然资源局',
  '县农商银行',
  '县供电公司',
  '乡镇卫生院',
  '乡镇中心学校',
];
const RANKS: [string, number][] = [
  ['department_level', 0.02],
  ['division_level', 0.1],
  ['section_level', 0.38],
  ['general', 0.5],
];
/** 重点帮扶 households per helper: seed 004's limits for 厅级 (4) and 处级 (3), 5 for the others. */
const KEY_LIMIT: Record<string, number> = {
  department_level: 4,
  division_level: 3,
  section_level: 5,
  general: 5,
};
const NEEDS_PAIRING = ['in_poverty', 'returned', 'unstable', 'marginal', 'sudden_hardship'];

const MEASURES: [string, string, number][] = [
  ['production', '发展特色种植（油茶）', 300_000],
  ['production', '养殖能繁母猪', 250_000],
  ['employment', '转移就业（外出务工）', 0],
  ['employment', '公益性岗位（护林员）', 600_000],
  ['education', '雨露计划职业教育补助', 300_000],
  ['health', '家庭医生签约服务', 0],
  ['housing', '农村危房改造', 3_500_000],
  ['social_security', '纳入农村低保', 360_000],
  ['finance', '扶贫小额信贷', 5_000_000],
  ['relocation', '易地扶贫搬迁', 0],
];

interface Household {
  id: string;
  householdNo: string;
  areaCode: string;
  status: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The Shanghai calendar month `back` months before this one, as YYYY-MM. */
function monthBack(back: number): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
}

function shanghaiToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function allHouseholds(office: Session): Promise<Household[]> {
  return office.list<Household>('/api/assistance/households', {
    sort: ['householdNo', 'ASC'],
    filter: { status: NEEDS_PAIRING },
  });
}

async function helpersAndPairings(ctx: SeedContext, office: Session, households: Household[]) {
  const r = new Random(ctx.county.seed, 30);
  const townshipOf = (h: Household) => `${h.areaCode.slice(0, 9)}000`;
  // A few households in each township are left without a helper (the coverage report shows them).
  const covered = households.filter((_, i) => i % 40 !== 17);
  const byTownship = new Map<string, Household[]>();
  for (const h of covered)
    byTownship.set(townshipOf(h), [...(byTownship.get(townshipOf(h)) ?? []), h]);
  const pairings: { helperId: string; householdId: string; startDate: string }[] = [];
  const helpers: { id: string; township: string }[] = [];
  const start = `${monthBack(7)}-01`;
  // A helper is one person of one unit: a name drawn twice for the same unit is drawn again.
  const taken = new Set<string>();
  const nameIn = (unit: string, sex: 'male' | 'female') => {
    for (;;) {
      const name = `${surname(r)}${givenName(r, sex, 1975)}`;
      if (taken.has(`${unit}|${name}`)) continue;
      taken.add(`${unit}|${name}`);
      return name;
    }
  };
  // Drawn first, in order, so the county is the same however the answers interleave.
  const drafts: { body: Record<string, unknown>; township: string; households: Household[] }[] = [];
  for (const [township, list] of byTownship) {
    let i = 0;
    while (i < list.length) {
      const rank = r.weighted(RANKS);
      const sex = r.chance(0.7) ? 'male' : 'female';
      const unit = r.pick(UNITS);
      const body = {
        name: nameIn(unit, sex),
        unit,
        rank,
        position: rank === 'general' ? '干部' : rank === 'section_level' ? '股长' : '副局长',
        phone: `13${r.int(100000000, 999999999)}`,
        areaCode: township,
      };
      const take = Math.min(KEY_LIMIT[rank]!, 1 + r.int(1, KEY_LIMIT[rank]! - 1));
      drafts.push({ body, township, households: list.slice(i, i + take) });
      i += take;
    }
  }
  const ids = new Array<string>(drafts.length);
  await inParallel(drafts, 4, async (d, k) => {
    const res = await office.request<{ id: string }>('POST', '/api/assistance/helpers', {
      json: d.body,
    });
    ids[k] = res.body.id;
  });
  drafts.forEach((d, k) => {
    helpers.push({ id: ids[k]!, township: d.township });
    for (const h of d.households)
      pairings.push({ helperId: ids[k]!, householdId: h.id, startDate: start });
  });
  await inParallel(pairings, 4, async (p) => {
    await office.request('POST', '/api/assistance/pairings', {
      json: { ...p, role: 'key' },
      accept: [409, 422],
    });
  });
  ctx.log(
    `  helpers: ${helpers.length}; pairings: ${pairings.length} of ${households.length} households`,
  );
  return pairings;
}

async function plansAndMeasures(ctx: SeedContext, office: Session, households: Household[]) {
  const planned = households.filter((_, i) => i % 3 === 0);
  let measures = 0;
  // One generator per household: the draws do not depend on which answer comes back first.
  await inParallel(planned, 3, async (h, i) => {
    const r = new Random(ctx.county.seed, 31, i);
    await office.request('PUT', `/api/assistance/plans/${h.id}`, {
      json: {
        summary: '以产业发展为主、转移就业为辅，落实教育医疗保障，力争当年达标脱贫。',
        targets: [
          {
            year: DATA_YEAR,
            perCapitaIncomeFen: r.int(4_500, 6_500) * 100,
            guarantees: ['compulsory_education', 'basic_medical', 'housing_safety'],
            exit: h.status === 'in_poverty',
            note: null,
          },
        ],
      },
    });
    for (let k = 0; k < r.int(1, 3); k++) {
      const [category, type, amountFen] = r.pick(MEASURES);
      const res = await office.request<{ id: string; revision: number }>(
        'POST',
        '/api/assistance/measures',
        {
          json: {
            householdId: h.id,
            category,
            type,
            description: `${type}（${DATA_YEAR}年）`,
            amountFen: amountFen || null,
          },
        },
      );
      measures++;
      // Planned, under way, done or cancelled, in realistic shares.
      const fate = r.int(0, 9);
      let revision = res.body.revision;
      const move = async (to: string, reason?: string) => {
        const m = await office.request<{ revision: number }>(
          'POST',
          `/api/assistance/measures/${res.body.id}/status`,
          { json: { to, revision, ...(reason ? { reason } : {}) } },
        );
        revision = m.body.revision;
      };
      if (fate >= 2 && fate <= 8) await move('in_progress');
      if (fate >= 5 && fate <= 8) await move('done');
      if (fate === 9) await move('cancelled', '农户改变意愿，改为转移就业');
    }
  });
  ctx.log(`  plans: ${planned.length}; measures: ${measures}`);
}

async function visits(
  ctx: SeedContext,
  office: Session,
  pairings: { helperId: string; householdId: string }[],
) {
  const today = shanghaiToday();
  const months = [5, 4, 3, 2, 1, 0].map(monthBack);
  const sample = pairings.filter((_, i) => i % 4 === 0);
  let recorded = 0;
  let photos = 0;
  await inParallel(sample, 3, async (p, i) => {
    const r = new Random(ctx.county.seed, 32, i);
    for (const month of months) {
      // About one month in six is missed (the unvisited list shows them).
      if (r.chance(0.17)) continue;
      // This month's visits fall on the days already past (the dashboard counts them).
      const thisMonth = today.startsWith(month);
      const day = `${month}-${pad2(r.int(thisMonth ? 1 : 3, thisMonth ? Number(today.slice(8)) : 26))}`;
      const v = await office.request<{ id: string }>('POST', '/api/assistance/visits', {
        json: {
          householdId: p.householdId,
          helperId: p.helperId,
          date: day,
          findings: r.pick([
            '家中主要劳动力在外务工，收入稳定；老人身体尚可。',
            '油茶长势良好，需技术指导病虫害防治。',
            '孩子按时上学，享受了生活补助。',
            '房屋经改造已安全，饮水正常。',
          ]),
          actions: '宣讲扶贫政策，核对明白卡，帮助联系技术员。',
          nextSteps: '下月继续走访，跟进务工和产业情况。',
        },
      });
      recorded++;
      if (r.chance(0.5)) {
        await office.request('POST', `/api/assistance/visits/${v.body.id}/photos`, {
          body: scenePng(r.int(0, 359)),
          contentType: 'image/png',
          query: { fileName: `走访-${day}.png` },
        });
        photos++;
      }
    }
  });
  ctx.log(`  visits: ${recorded} over six months (${photos} with a photo)`);
}

/**
 * 挂包帮 and 入户走访, entered as the poverty office (county-wide) once the assistance service's
 * view of the registry has caught up.
 */
export const assistancePlugin: DemoPlugin = {
  name: 'assistance',
  probe: '/api/assistance/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/assistance/helpers')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    await waitForView(office, '/api/assistance/projection/status', ctx.log);
    const households = await allHouseholds(office);
    const pairings = await helpersAndPairings(ctx, office, households);
    await plansAndMeasures(ctx, office, households);
    await visits(ctx, office, pairings);
  },
};

import { ApiError, inParallel, type Session } from '../client';
import { COUNTY_CODE, type DemoVillage } from '../county';
import type { DemoPlugin, SeedContext } from '../plugin';

interface Check {
  check: string;
  passed: boolean;
  message: { 'zh-CN': string };
}

interface VillageExit {
  poorVillage: boolean;
  exited: boolean;
  povertyIncidencePercent: number | null;
  revision: number;
  checks: Check[];
  active: { stage: string } | null;
  pending: { action: string } | null;
  conditions: { incidence: { effectiveThresholdPercent: number } };
}

const ALL_IN_PLACE = {
  roadHardening: { inPlace: true },
  tapWater: { inPlace: true },
  electricity: { inPlace: true },
  broadband: { inPlace: true },
  clinic: { inPlace: true },
  activityRoom: { inPlace: true },
};

/** This year in Asia/Shanghai, the year the county's current targets are for. */
const thisYear = () => new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();

const exitOf = async (s: Session, code: string) =>
  (await s.get<VillageExit>(`/api/registry/villages/${code}/exit`)).body;

/** The township user of a village (xiangzhen01 … in the order of the townships). */
function townshipUser(ctx: SeedContext, v: DemoVillage): string {
  const i = ctx.county.townships.findIndex((t) => t.code === v.townshipCode);
  return `xiangzhen${String(i + 1).padStart(2, '0')}`;
}

async function putFacts(s: Session, code: string, body: Record<string, unknown>) {
  const current = await s.get<{ revision: number }>(`/api/registry/villages/${code}`);
  await s.request('PUT', `/api/registry/villages/${code}`, {
    json: { ...body, revision: current.body.revision },
  });
}

/**
 * The villages that exit this year (seed 002: the remaining poor villages exit, incidence
 * within 1.5%), taken from the latest exit years: the least poor below the national 2% goes
 * into its public notice, the poorest is refused. Either may be missing in a small county.
 */
async function pickCases(office: Session, villages: DemoVillage[]) {
  const rows = await Promise.all(
    villages.map(async (v) => ({
      v,
      year: v.exitYear ?? 0,
      incidence: (await exitOf(office, v.code)).povertyIncidencePercent ?? 100,
    })),
  );
  type Row = (typeof rows)[number];
  const latestFirst = (by: (a: Row, b: Row) => number) => (a: Row, b: Row) =>
    b.year - a.year || by(a, b) || a.v.code.localeCompare(b.v.code);
  const notice = rows
    .filter((x) => x.incidence < 2)
    .sort(latestFirst((a, b) => a.incidence - b.incidence))[0]?.v;
  const refused = rows
    .filter((x) => x.v !== notice)
    .sort(latestFirst((a, b) => b.incidence - a.incidence))[0]?.v;
  return { refused, notice };
}

/** 补录 — every other poor village's exit, approved by the county in its year. */
async function recordPastExits(ctx: SeedContext, office: Session, villages: DemoVillage[]) {
  let recorded = 0;
  await inParallel(villages, 4, async (v) => {
    const now = await exitOf(office, v.code);
    if (now.exited || !now.poorVillage) return;
    await office.request('POST', `/api/registry/villages/${v.code}/exit/record`, {
      json: {
        year: v.exitYear,
        reason: `${v.exitYear}年经村民主评议、公示、乡镇审核，县扶贫开发领导小组审定退出（补录）`,
        evidence: [`临扶组发〔${v.exitYear}〕${Number(v.code.slice(9)) - 200}号`],
        revision: now.revision,
      },
    });
    recorded++;
  });
  ctx.log(`  village exits recorded: ${recorded} (approved by the county in 2016–2019)`);
}

/** One village taken through 申请 → 村民主评议 → 公示: its notice runs for seven days. */
async function intoNotice(ctx: SeedContext, v: DemoVillage) {
  const office = await ctx.as('fupinban');
  const township = await ctx.as(townshipUser(ctx, v));
  await putFacts(office, v.code, { infrastructure: ALL_IN_PLACE });
  const steps = [
    {
      action: 'start',
      reason: '贫困发生率已降至2%以下，基础设施全部达标，申请退出',
      year: thisYear(),
    },
    {
      action: 'appraise',
      reason: '村民代表大会评议通过',
      votes: { for: 47, against: 2, abstain: 1 },
      evidence: [`${v.name}村民代表大会评议记录`],
    },
    { action: 'notice', reason: '在村务公开栏公示', evidence: [`${v.name}退出公示照片`] },
  ];
  for (const body of steps) {
    const now = await exitOf(office, v.code);
    const next = now.active ? now.pending?.action : 'start';
    if (next !== body.action) continue;
    await township.request('POST', `/api/registry/villages/${v.code}/exit/steps`, {
      json: { ...body, revision: now.revision },
    });
  }
  ctx.log(`  ${v.name}: exit in public notice (7 days)`);
}

/** One village whose exit is refused: its incidence and two missing items are listed. */
async function refusedExit(ctx: SeedContext, v: DemoVillage) {
  const office = await ctx.as('fupinban');
  const township = await ctx.as(townshipUser(ctx, v));
  await putFacts(office, v.code, {
    infrastructure: {
      ...ALL_IN_PLACE,
      broadband: { inPlace: false, note: '光纤入户工程未完工' },
      clinic: { inPlace: false, note: '卫生室在建' },
    },
  });
  try {
    await township.request('POST', `/api/registry/villages/${v.code}/exit/steps`, {
      json: { action: 'start', reason: '申请退出', year: thisYear() },
    });
    throw new Error(`village exit demo: ${v.name} was not refused`);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 422) throw err;
  }
  const failed = (await exitOf(office, v.code)).checks.filter((c) => !c.passed);
  ctx.log(`  ${v.name}: exit refused — ${failed.map((c) => c.message['zh-CN']).join('；')}`);
}

/**
 * 贫困村退出 — the county's targets for this year (incidence within 1.5%, the remaining poor
 * villages exit), the earlier exits recorded with their approval documents, one village in its
 * 7-day notice and one whose exit is refused with its failing conditions — signed in as the
 * poverty office and the villages' township staff.
 */
export const registryVillageExitPlugin: DemoPlugin = {
  name: 'registry-village-exit',
  probe: '/api/registry/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const res = await office.get<{ incidencePercent: number | null }[]>(
      '/api/registry/exit-targets',
      {
        filter: JSON.stringify({ areaCode: COUNTY_CODE, year: thisYear() }),
      },
    );
    return res.body.some((t) => t.incidencePercent !== null && t.incidencePercent !== undefined);
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const poor = ctx.county.villages.filter((v) => v.poorVillage !== null && v.exitYear !== null);
    const { refused, notice } = await pickCases(office, poor);
    await recordPastExits(
      ctx,
      office,
      poor.filter((v) => v !== refused && v !== notice),
    );
    if (notice) await intoNotice(ctx, notice);
    if (refused) await refusedExit(ctx, refused);
    const toExit = [refused, notice].filter((v): v is DemoVillage => v !== undefined);

    const stats = await office.get<{ stillPoor: { households: number; people: number } }>(
      '/api/registry/statistics/households',
    );
    await office.request('PUT', `/api/registry/exit-targets/${COUNTY_CODE}/${thisYear()}`, {
      json: {
        households: stats.body.stillPoor.households,
        people: stats.body.stillPoor.people,
        incidencePercent: 1.5,
        villages: toExit.length,
        villageCodes: toExit.map((v) => v.code),
      },
    });
    ctx.log(
      `  county targets ${thisYear()}: incidence ≤ 1.5%, villages to exit: ${toExit.map((v) => v.name).join('、') || '—'}`,
    );
  },
};

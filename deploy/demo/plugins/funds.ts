import { paymentStagesFor, type ProjectType } from '@fupin/reference';
import { inParallel, type Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';
import { Random } from '../random';
import { waitForView } from './views';

// The funds service's part of the demo county (项目资金): a project library of a recent year
// across types and townships, each project at some step (入库 pending, approved, started,
// completed, accepted); fund batches (下达) allocating to the approved projects; payments with
// vouchers, approved by a second person (the finance bureau), one waiting for that signature and
// one refused; two townships that spent little of what they were given, so the idle-funds check
// (资金趴账, seed 002) finds money sitting there; and the notices (公示) of some projects.
// Projects have planned start and finish days and progress reports with a photo (进度填报):
// completed ones reported 100%, started ones a little behind their plan, and one started project
// far behind (进展缓慢, the slow list), whose payment is refused beyond what its progress allows
// (根据项目进度分阶段拨付) — the seed log prints that refusal. Every approved project had its
// proposal's notice (立项公示) up for 10 days first; one still waiting has it put up today and its
// approval is refused (公示期未满) — printed in the seed log too.

const TYPES: [string, string, number][] = [
  ['road', '村组道路硬化', 1_800_000_00],
  ['drinking_water', '农村安全饮水巩固提升', 600_000_00],
  ['irrigation', '山塘清淤及渠道维修', 400_000_00],
  ['industry', '油茶产业基地建设', 900_000_00],
  ['housing', '农村危房改造', 700_000_00],
  ['training', '农村劳动力转移就业培训', 150_000_00],
  ['ecommerce', '电商扶贫服务站', 200_000_00],
];
/** How far each project has come (入库 pending … accepted), in rough shares. */
const STAGES: [number, number][] = [
  [0, 1], // registered, not yet approved
  [1, 2], // approved (入库)
  [2, 3], // started
  [3, 2], // completed
  [4, 4], // accepted
];
const STEP_ACTIONS = ['approve', 'start', 'complete', 'accept'];
const STEP_DAYS = ['03-10', '04-15', '09-20', '11-25'];
const CONTRACTORS = ['临溪县路桥建设有限公司', '常德市水利工程有限公司', '临溪县农业开发公司'];

interface Project {
  id: string;
  code: string;
  type: string;
  areaCode: string;
  stage: number;
  plannedFen: number;
  contractor: string;
  /** Reported far behind its plan: listed slow, its payment refused beyond its progress. */
  slow?: boolean;
}

/**
 * The year the projects run in: this year once its last step day (25 November) has passed, else
 * the last one — payments are dated the day they are approved, so the money of the library must
 * be of a recent year for the idle-funds check to mean anything.
 */
const FUNDS_YEAR = (() => {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= '11-26' ? year : year - 1;
})();
const day = (mmdd: string) => `${FUNDS_YEAR}-${mmdd}`;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shift = (on: string, days: number) =>
  new Date(Date.parse(`${on}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Where a linear plan is on a day, in whole percent (rounded down). */
const plannedPercentOn = (start: string, finish: string, on: string) => {
  const span = Math.max(1, Date.parse(finish) - Date.parse(start));
  const elapsed = Math.min(span, Math.max(0, Date.parse(on) - Date.parse(start)));
  return Math.floor((elapsed * 100) / span);
};

/**
 * 计划开工 / 计划完工 by step: started projects are planned to run past today (they are at most a
 * little behind), a project waiting to start begins next month, the others ran their plan.
 */
function planOf(stage: number): { plannedStartOn: string; plannedFinishOn: string } | null {
  if (stage === 0) return null;
  if (stage === 1) return { plannedStartOn: shift(TODAY, 30), plannedFinishOn: shift(TODAY, 240) };
  if (stage === 2) return { plannedStartOn: day('04-15'), plannedFinishOn: shift(TODAY, 120) };
  return { plannedStartOn: day('04-15'), plannedFinishOn: day('09-20') };
}
let voucherSeq = 0;

async function voucher(session: Session, label: string): Promise<string> {
  const res = await session.request<{ id: string }>('POST', '/api/funds/files', {
    body: Buffer.from(`%PDF-1.4\n% ${label} ${++voucherSeq}\n%%EOF\n`, 'latin1'),
    contentType: 'application/pdf',
    query: { purpose: 'voucher', fileName: `${label}.pdf` },
  });
  return res.body.id;
}

/** 进度填报 with a site photo (a PDF page here) as its evidence. */
async function reportProgress(
  office: Session,
  p: { id: string; code: string },
  percent: number,
  reportedOn: string,
) {
  const evidence = await voucher(office, `${p.code}-进度照片`);
  await office.request('POST', `/api/funds/projects/${p.id}/progress`, {
    json: { percent, reportedOn, note: `现场核实完成 ${percent}%`, evidenceFileIds: [evidence] },
  });
}

/** 登记公示 — the proposal's notice (立项公示) put up on the village board on a day. */
async function postNotice(office: Session, p: { id: string }, name: string, postedOn: string) {
  await office.request('POST', `/api/funds/projects/${p.id}/notices`, {
    json: {
      step: 'approval',
      postedOn,
      place: 'village_board',
      text: `${name}项目拟纳入项目库，现予公示，公示期 10 天。如有异议，请向乡镇扶贫工作站反映。`,
      evidenceFileIds: [await voucher(office, `${name}-公示照片`)],
    },
  });
}

/**
 * A project still waiting (申报) has its notice put up today and is taken to approval at once:
 * refused, the 10 days not being over — the seed log prints the refusal.
 */
async function refusedApproval(ctx: SeedContext, office: Session, waiting: Project | undefined) {
  if (!waiting) return;
  await postNotice(office, waiting, waiting.code, TODAY);
  const res = await office.request<{ code?: string; message?: { 'zh-CN': string } }>(
    'POST',
    `/api/funds/projects/${waiting.id}/steps`,
    { json: { action: 'approve', on: TODAY }, accept: [422] },
  );
  if (res.body.code === 'FUNDS_NOTICE_PERIOD_NOT_MET')
    ctx.log(
      `  approval refused before the notice period: ${waiting.code} — ${res.body.message?.['zh-CN']}`,
    );
}

async function projects(ctx: SeedContext, office: Session, r: Random): Promise<Project[]> {
  const out: Project[] = [];
  const specs = ctx.county.townships.flatMap((t, ti) => {
    const villages = t.villages.filter((v) => v.households > 0);
    return [0, 1, 2, 3].map((k) => {
      const [type, name, plannedFen] = TYPES[(ti + k) % TYPES.length]!;
      const village = villages[(k * 3) % Math.max(1, villages.length)] ?? t.villages[0]!;
      return {
        code: `LX${FUNDS_YEAR}-${t.code.slice(6, 9)}-${k + 1}`,
        type,
        name: `${village.name}${name}`,
        areaCode: village.code,
        plannedFen: Math.round((plannedFen * r.int(60, 140)) / 100 / 100) * 100,
        stage: r.weighted(STAGES),
        contractor: r.pick(CONTRACTORS),
      };
    });
  });
  // At least one project waits for approval: its approval is refused before the notice period.
  if (!specs.some((s) => s.stage === 0)) specs[specs.length - 1]!.stage = 0;
  await inParallel(specs, 3, async (s) => {
    const created = await office.request<{ id: string }>('POST', '/api/funds/projects', {
      json: {
        code: s.code,
        name: s.name,
        type: s.type,
        year: FUNDS_YEAR,
        areaCode: s.areaCode,
        contractor: s.contractor,
        responsible: '乡镇分管领导',
        plannedInvestment: {
          central: Math.round(s.plannedFen * 0.7),
          provincial: s.plannedFen - Math.round(s.plannedFen * 0.7),
        },
        beneficiaries: { households: r.int(20, 120), people: r.int(60, 400), poorHouseholdIds: [] },
        // 五项制度 (legal person, tendering, supervision, contract, integrity): in place, as
        // acceptance requires; a registered project still waiting has them to do.
        fiveSystems: Object.fromEntries(
          ['legalPerson', 'tendering', 'supervision', 'contract', 'integrity'].map((k) => [
            k,
            { inPlace: s.stage > 0, note: null },
          ]),
        ),
        proposedOn: day('02-20'),
        ...planOf(s.stage),
      },
      accept: [409],
    });
    if (!created.body.id) return;
    const p = { id: created.body.id, code: s.code };
    // 立项公示 on the village board from 25 February: its 10 days are over by the approval.
    if (s.stage > 0) await postNotice(office, p, s.name, day('02-25'));
    for (let i = 0; i < s.stage; i++) {
      // The work is reported done before its completion (完工) is recorded.
      if (i === 2) await reportProgress(office, p, 100, day('09-15'));
      await office.request('POST', `/api/funds/projects/${created.body.id}/steps`, {
        json: { action: STEP_ACTIONS[i], on: day(STEP_DAYS[i]!) },
      });
    }
    out.push({
      id: created.body.id,
      code: s.code,
      type: s.type,
      areaCode: s.areaCode,
      stage: s.stage,
      plannedFen: s.plannedFen,
      contractor: s.contractor,
    });
  });
  out.sort((a, b) => a.code.localeCompare(b.code));
  // Started projects report a little behind their plan (never under half the work, so their
  // payments fit the 60% stage); one 基础设施 project (paid by stages) reports far behind: slow.
  const started = out.filter((p) => p.stage === 2);
  const behind = started.find((p) => paymentStagesFor(p.type as ProjectType, TODAY));
  const plan = planOf(2)!;
  const planned = plannedPercentOn(plan.plannedStartOn, plan.plannedFinishOn, TODAY);
  for (const p of started) {
    p.slow = p === behind;
    await reportProgress(office, p, p.slow ? 20 : Math.max(50, planned - 5), TODAY);
  }
  ctx.log(
    `  projects: ${out.length} (${STAGES.map(([st]) => out.filter((p) => p.stage === st).length).join(' / ')} by step), planned dates and progress reported; slow: ${behind?.code ?? 'none'}`,
  );
  return out;
}

async function batches(ctx: SeedContext, office: Session, approved: Project[]): Promise<void> {
  const central = approved.map((p) => ({
    projectId: p.id,
    amountFen: Math.round(p.plannedFen * 0.7),
  }));
  const provincial = approved.map((p) => ({
    projectId: p.id,
    amountFen: p.plannedFen - Math.round(p.plannedFen * 0.7),
  }));
  for (const [source, allocations, issuedOn, no] of [
    ['central', central, day('03-20'), 12],
    ['provincial', provincial, day('04-08'), 27],
  ] as const) {
    await office.request('POST', '/api/funds/batches', {
      json: {
        documentNo: `临财农〔${FUNDS_YEAR}〕${no}号`,
        title: `${FUNDS_YEAR}年财政专项扶贫资金（${source === 'central' ? '中央' : '省级'}）`,
        source,
        amountFen: allocations.reduce((s, a) => s + a.amountFen, 0),
        issuedOn,
        allocations,
      },
    });
  }
  ctx.log(`  fund batches: central and provincial, ${approved.length} projects each`);
}

async function payments(
  ctx: SeedContext,
  office: Session,
  finance: Session,
  started: Project[],
  r: Random,
) {
  // Two townships spent little of what they were given: their money sits idle (seed 002).
  const townships = [...new Set(started.map((p) => p.areaCode.slice(0, 9)))];
  const idle = new Set(townships.filter((_, i) => i % 6 === 2));
  let paid = 0;
  const submitted: string[] = [];
  for (const p of started) {
    // The slow project asks for a progress payment as if it were on plan.
    const share = !p.slow && idle.has(p.areaCode.slice(0, 9)) ? 0.15 : p.stage >= 4 ? 0.95 : 0.6;
    const amountFen = Math.round((p.plannedFen * 0.7 * share) / 100) * 100;
    const res = await office.request<{
      id: string;
      code?: string;
      message?: { 'zh-CN': string };
    }>('POST', '/api/funds/disbursements', {
      accept: p.slow ? [422] : [],
      json: {
        projectId: p.id,
        source: 'central',
        amountFen,
        purpose: p.stage >= 4 ? '工程竣工验收后结算款' : '工程进度款',
        payeeKind: 'contractor',
        payee: {
          name: p.contractor,
          bankAccount: `6222 0219 ${r.int(1000, 9999)} ${r.int(1000, 9999)}`,
        },
        voucherFileIds: [await voucher(office, `${p.code}-发票`)],
      },
    });
    if (res.body.code === 'FUNDS_DISBURSEMENT_ABOVE_PROGRESS') {
      ctx.log(`  payment refused beyond progress: ${p.code} — ${res.body.message?.['zh-CN']}`);
      continue;
    }
    submitted.push(res.body.id);
    paid++;
  }
  // The finance bureau signs all but the last two: one waits, one is refused.
  const [waiting, refused] = submitted.slice(-2);
  for (const id of submitted.slice(0, -2))
    await finance.request('POST', `/api/funds/disbursements/${id}/approve`, { json: {} });
  if (refused)
    await finance.request('POST', `/api/funds/disbursements/${refused}/reject`, {
      json: { reason: '凭证金额与合同约定的进度款不符，请补充监理签证后重新提交' },
    });
  ctx.log(
    `  payments: ${paid} (${waiting ? 1 : 0} waiting for the second signature, ${refused ? 1 : 0} refused); idle townships: ${idle.size}`,
  );
}

/**
 * 项目资金 of the data year: the poverty office (fupinban) registers, approves and pays; the
 * finance bureau (caizheng) signs the payments. The idle-funds check runs once at the end.
 */
export const fundsPlugin: DemoPlugin = {
  name: 'funds',
  probe: '/api/funds/openapi.json',

  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    return (await office.count('/api/funds/projects')) > 0;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const finance = await ctx.as('caizheng');
    await waitForView(office, '/api/funds/projection/status', ctx.log);
    const r = new Random(ctx.county.seed, 40);
    const all = await projects(ctx, office, r);
    await refusedApproval(
      ctx,
      office,
      all.find((p) => p.stage === 0),
    );
    await batches(
      ctx,
      office,
      all.filter((p) => p.stage >= 1),
    );
    await payments(
      ctx,
      office,
      finance,
      all.filter((p) => p.stage >= 2),
      r,
    );
    for (const p of all.filter((x) => x.stage >= 1).slice(0, 6))
      await office.request('POST', '/api/funds/notices', {
        json: {
          kind: 'project',
          projectId: p.id,
          issuer: '临溪县扶贫开发领导小组办公室',
          startsOn: day('03-12'),
        },
      });
    await office.request('POST', '/api/funds/idle-funds/runs', {});
    ctx.log('  notices: 6 projects; idle-funds check run');
  },
};

import { ApiError, type Session } from '../client';
import type { DemoPlugin, SeedContext } from '../plugin';
import {
  DEPARTMENT_LIST_TYPES,
  type DepartmentCases,
  departmentCases,
  departmentLists,
  type Person,
} from './matching-department-lists';
import { findingStep } from './matching-precision';
import { waitForView } from './views';
import type { Finding, ListView, Run } from './matching-api';

// 数据比对 across the departments (issue 20): the six department lists the demo lacks after
// matching-precision (工商, 财政供养, 城镇房产, 学籍, 医保, 危房鉴定), each with a planted anomaly
// among the county's registered people, a full run, and the planted findings taken to each
// workflow state so the console's findings list shows every one: left open (待核实), verified
// as confirmed and as not confirmed (已核实), rectified (已整改), reviewed (已初审) and closed by a
// second reviewer (已销号). 逾期 too: the county poverty office sets a short deadline (督办,
// PUT /findings/{id}/due) on the two planted findings left 待核实, one minute ahead, and the
// plugin waits at its end until that minute has passed, so the demo shows them overdue the
// moment it prints its address. Each is supervised once (a finding whose history has a `due`
// step is left as it is).

/** The second reviewer matching-precision creates (双人复核: a different person closes). */
const SECOND_REVIEWER = 'fupinban2';
const RUN_START_WAIT_MS = 5 * 60_000;
const RUN_WAIT_MS = 10 * 60_000;
/** 督办: the reason and how far ahead the office sets the deadline of a supervised finding. */
export const SUPERVISION_REASON = '县扶贫办督办：限期反馈核实结果';
const SUPERVISION_MS = 60_000;

type Action = 'verify' | 'rectify' | 'review' | 'close';
interface Step {
  action: Action;
  /** Who takes the step: the poverty office, or its second reviewer (only to close). */
  by: 'office' | 'second';
  json: Record<string, string>;
}

/** A planted finding and the steps that take it to the state the demo shows. */
export interface Plan {
  rule: string;
  person: Person;
  /** The status it ends in. */
  status: 'assigned' | 'verified' | 'rectified' | 'reviewed' | 'closed';
  steps: Step[];
  /** 督办: the office gives it a deadline a minute ahead, so the demo shows it overdue. */
  supervised?: true;
}

const RANK: Record<string, number> = {
  assigned: 0,
  verified: 1,
  rectified: 2,
  reviewed: 3,
  closed: 4,
};
const AFTER: Record<Action, number> = { verify: 1, rectify: 2, review: 3, close: 4 };

const confirm = (note: string): Step => ({
  action: 'verify',
  by: 'office',
  json: { conclusion: 'confirmed', note },
});
const rectify = (note: string): Step => ({ action: 'rectify', by: 'office', json: { note } });
const review: Step = { action: 'review', by: 'office', json: { note: '整改材料齐全，初审通过' } };
const close: Step = { action: 'close', by: 'second', json: { note: '复核无误，同意销号' } };

/** The planted findings, each with the state the demo leaves it in. */
export function plans(c: DepartmentCases): Plan[] {
  const [first, second] = c.uninsured;
  const paid = rectify('已由医疗救助资金代缴本年度城乡居民医保个人缴费部分，参保登记完成');
  return [
    {
      rule: 'PUBLIC_EMPLOYEE',
      person: c.publicEmployee,
      status: 'assigned',
      steps: [],
      supervised: true,
    },
    {
      rule: 'URBAN_PROPERTY',
      person: c.propertyOwner,
      status: 'assigned',
      steps: [],
      supervised: true,
    },
    {
      rule: 'BUSINESS_OWNER',
      person: c.businessOwner,
      status: 'verified',
      steps: [
        {
          action: 'verify',
          by: 'office',
          json: {
            conclusion: 'not_confirmed',
            reasonCode: 'not_same_person',
            reason: '经市场监管局核实，该经营部系他人借用其身份证登记，本人未参与经营，已申请注销',
          },
        },
      ],
    },
    {
      rule: 'DANGEROUS_HOUSE',
      person: c.dangerousHouse,
      status: 'verified',
      steps: [confirm('入户核实：房屋墙体开裂、屋面漏雨，鉴定为C级危房，已申报危房改造')],
    },
    {
      rule: 'DROPOUT',
      person: c.dropout,
      status: 'rectified',
      steps: [
        confirm('入户核实：该生上学期末起未到校，随父母外出'),
        rectify('乡镇、学校、村干部三次入户劝返，已返校复学并落实教育资助'),
      ],
    },
    {
      rule: 'INSURANCE_GAP',
      person: first,
      status: 'reviewed',
      steps: [confirm('入户核实：本年度未缴费参保'), paid, review],
    },
    {
      rule: 'INSURANCE_GAP',
      person: second,
      status: 'closed',
      steps: [confirm('入户核实：本年度未缴费参保'), paid, review, close],
    },
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const csv = (rows: (string | number)[][]) =>
  `\uFEFF${rows.map((r) => r.map((c) => String(c)).join(',')).join('\r\n')}\r\n`;

/** Starts a full run (waiting while the person index is behind: 409) and waits for its end. */
export async function fullRun(office: Session, log: (m: string) => void): Promise<Run> {
  const startBy = Date.now() + RUN_START_WAIT_MS;
  let run: Run | undefined;
  while (!run) {
    try {
      run = (await office.request<Run>('POST', '/api/matching/runs', { json: {} })).body;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 409) throw err;
      if (Date.now() > startBy)
        throw new Error(
          `matching refused the full run for ${RUN_START_WAIT_MS / 60_000} min (its view of the registry is behind): ${err.text.slice(0, 300)}`,
        );
      log('  the person index is behind: waiting to start the run');
      await sleep(3000);
    }
  }
  const doneBy = Date.now() + RUN_WAIT_MS;
  for (;;) {
    run = (await office.get<Run>(`/api/matching/runs/${run.id}`)).body;
    if (run.status === 'failed')
      throw new Error(`matching run ${run.id} failed: ${run.error?.message?.['zh-CN'] ?? '?'}`);
    if (run.status === 'completed') {
      log(`  run ${run.id}: ${JSON.stringify(run.summary)}`);
      return run;
    }
    if (Date.now() > doneBy)
      throw new Error(
        `matching run ${run.id} still ${run.status} after ${RUN_WAIT_MS / 60_000} min`,
      );
    await sleep(1000);
  }
}

/** The finding of a planted case (its rule, household and member), or undefined. */
export async function findingOf(office: Session, plan: Plan): Promise<Finding | undefined> {
  const res = await office.get<Finding[]>('/api/matching/findings', {
    filter: JSON.stringify({ rule: plan.rule, areaCode: plan.person.h.areaCode }),
    range: '[0,499]',
  });
  return res.body.find(
    (f) =>
      f.householdNo === plan.person.h.householdNo &&
      (plan.rule === 'DANGEROUS_HOUSE' || f.memberName === plan.person.m.name),
  );
}

async function uploadMissingLists(ctx: SeedContext, office: Session, c: DepartmentCases) {
  let uploaded = 0;
  for (const l of departmentLists(ctx.county, c)) {
    if ((await office.count('/api/matching/lists', { type: l.type })) > 0) continue;
    const res = await office.request<ListView>('POST', '/api/matching/lists', {
      body: csv(l.rows),
      contentType: 'text/csv',
      query: { type: l.type, date: l.date, area: l.area, fileName: l.fileName },
    });
    const v = res.body;
    if (v.status !== 'ready' || v.rowsRejected > 0)
      throw new Error(
        `list ${l.type}: ${v.status}, ${v.rowsAccepted} rows accepted, ${v.rowsRejected} refused`,
      );
    ctx.log(`  list ${l.type} (${l.fileName}): ${v.rowsAccepted} rows`);
    uploaded++;
  }
  return uploaded;
}

/** Takes a finding through the plan's steps it has not taken yet. */
async function advance(office: Session, second: Session, plan: Plan, f: Finding) {
  let status = f.status;
  for (const s of plan.steps) {
    if ((RANK[status] ?? 0) >= AFTER[s.action]) continue;
    const who = s.by === 'second' ? second : office;
    status = (await findingStep<Finding>(who, f.id, s.action, s.json)).status;
  }
  if (status !== plan.status)
    throw new Error(
      `finding ${f.id} (${plan.rule}) is ${status}, the demo expected ${plan.status}`,
    );
}

/** Whether the office already set the finding's deadline (督办: a `due` step in its history). */
export const isSupervised = (f: Finding | undefined) =>
  f?.history?.some((h) => h.action === 'due') ?? false;

/**
 * 督办 — the office sets the finding's deadline a minute ahead with its reason, once; a
 * refusal because the finding changed that moment (409 MATCHING_FINDING_CHANGED) is taken
 * again, as a clerk would after reloading. Answers the finding as it is then.
 */
async function supervise(office: Session, f: Finding): Promise<Finding> {
  if (isSupervised(f)) return f;
  return findingStep<Finding>(office, f.id, 'due', () => ({
    dueAt: new Date(Date.now() + SUPERVISION_MS).toISOString(),
    reason: SUPERVISION_REASON,
  }));
}

/**
 * Asks the seed to end only after every supervised finding's deadline has passed, so the demo
 * shows them 逾期 (the other plugins seed meanwhile).
 */
function awaitDeadlines(ctx: SeedContext, supervised: Finding[]): void {
  const open = supervised.filter((f) => f.status !== 'closed');
  const last = Math.max(0, ...open.map((f) => Date.parse(f.dueAt)));
  // A second more than the deadline: the service's clock, not this one, decides 逾期.
  if (last > Date.now()) ctx.notBefore(last + 1000, '督办期限到期（逾期）');
}

/** The planted cases, or null (said once in the log) when the county is too small for them. */
function casesOf(ctx: SeedContext): DepartmentCases | null {
  try {
    return departmentCases(ctx.county);
  } catch (err) {
    ctx.log(`  department lists skipped: ${(err as Error).message} (seed 400 people or more)`);
    return null;
  }
}

/** The departments' part of the matching demo. */
export const matchingDepartmentsPlugin: DemoPlugin = {
  name: 'matching-departments',
  probe: '/api/matching/openapi.json',

  /** Every one of the six lists is in, and the finding the seed closes last is closed. */
  async isSeeded(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    // A county of a few hundred people has no household for some cases: nothing to plant then.
    const cases = casesOf(ctx);
    if (!cases) return true;
    for (const type of DEPARTMENT_LIST_TYPES)
      if ((await office.count('/api/matching/lists', { type })) === 0) return false;
    const all = plans(cases);
    const last = all.at(-1)!;
    if ((await findingOf(office, last))?.status !== last.status) return false;
    for (const plan of all.filter((p) => p.supervised))
      if (!isSupervised(await findingOf(office, plan))) return false;
    return true;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    const second = await ctx.as(SECOND_REVIEWER);
    await waitForView(office, '/api/matching/projection/status', ctx.log);
    const c = departmentCases(ctx.county);
    const uploaded = await uploadMissingLists(ctx, office, c);
    const planned = plans(c);
    let found = await Promise.all(planned.map((p) => findingOf(office, p)));
    if (uploaded > 0 || found.some((f) => !f)) {
      await fullRun(office, ctx.log);
      found = await Promise.all(planned.map((p) => findingOf(office, p)));
    }
    for (const [i, plan] of planned.entries()) {
      const f = found[i];
      if (!f)
        throw new Error(
          `the full run found no ${plan.rule} finding for ${plan.person.m.name} of household ${plan.person.h.householdNo}`,
        );
      await advance(office, second, plan, f);
      ctx.log(`  ${plan.rule} ${plan.person.h.householdNo}: ${plan.status}`);
    }
    // 督办: the findings left 待核实 get a deadline a minute ahead, then that minute passes.
    const supervised: Finding[] = [];
    for (const plan of planned.filter((p) => p.supervised)) {
      const f = await supervise(office, (await findingOf(office, plan))!);
      ctx.log(`  ${plan.rule} ${plan.person.h.householdNo}: 督办，整改期限 ${f.dueAt}`);
      supervised.push(f);
    }
    awaitDeadlines(ctx, supervised);
  },
};

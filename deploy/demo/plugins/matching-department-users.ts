import { ApiError, type Session } from '../client';
import type { DemoCounty } from '../county';
import type { DemoPlugin, SeedContext } from '../plugin';
import { fullRun, isSupervised, SUPERVISION_REASON } from './matching-departments';
import { USER_LIST_TYPES, userCases } from './matching-department-user-cases';
import { type Actor, type Plan, type UserList, userLists } from './matching-department-user-lists';
import { employmentWages } from './matching-department-user-wages';
import { findingStep } from './matching-precision';
import { waitForView } from './views';
import type { Finding, ListView, Run } from './matching-api';

// 数据比对 by the departments themselves (issue 22): 公安, 人社 and 残联 sign in with their own
// logins and upload their own lists as county files come (a workbook with title rows and an old
// 15-digit ID number, a system's CSV export, a roster whose ID column is named), the poverty
// office its village-cadre roster; a run over each list (as the department where it may start
// one, else as the office), then a full run, for a pension row is a death still paid only
// against the deaths list of the same run. The planted findings are then taken through every
// state — the township verifies (属实, or 不属实 with its reason code) and rectifies, the office
// reviews and sets deadlines (督办, overdue a minute later), its second reviewer closes — so the
// 规则质量 figures of each new rule read something.
//
// It runs before matching-departments: a later run finds a closed finding again and reopens
// it, so every run of this part comes before that part closes its own, and the one finding
// this part closes is one the registry was corrected for (its member recorded 残疾), which no
// later run finds again.

/** The second reviewer matching-precision creates (双人复核: a different person closes). */
const SECOND_REVIEWER = 'fupinban2';
const RUN_START_WAIT_MS = 5 * 60_000;
const RUN_WAIT_MS = 10 * 60_000;
const SUPERVISION_MS = 60_000;

interface Household {
  revision: number;
  members: { id: string; health: string | null }[];
}

const RANK: Record<string, number> = {
  assigned: 0,
  verified: 1,
  rectified: 2,
  reviewed: 3,
  closed: 4,
};
const AFTER = { verify: 1, rectify: 2, review: 3, close: 4 } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The township user of an area (xiangzhen01 …, in the county's township order). */
export function townshipUser(county: DemoCounty, areaCode: string): string {
  const i = county.townships.findIndex((t) => t.code.slice(0, 9) === areaCode.slice(0, 9));
  return `xiangzhen${String(i + 1).padStart(2, '0')}`;
}

/** The departments' lists with their planted findings (an error when a case has no household). */
export function departmentUserLists(county: DemoCounty): UserList[] {
  const cases = userCases(county);
  return [...userLists(county, cases), employmentWages(county, cases)];
}

/** The lists, or null (said in the log) when the county is too small for some case. */
function listsOf(ctx: SeedContext): UserList[] | null {
  try {
    return departmentUserLists(ctx.county);
  } catch (err) {
    ctx.log(
      `  department users' lists skipped: ${(err as Error).message} (seed 400 people or more)`,
    );
    return null;
  }
}

/** The finding of a planted case (its rule, household and member), or undefined. */
export async function userFindingOf(s: Session, plan: Plan): Promise<Finding | undefined> {
  const res = await s.get<Finding[]>('/api/matching/findings', {
    filter: JSON.stringify({ rule: plan.rule, areaCode: plan.person.h.areaCode }),
    range: '[0,499]',
  });
  return res.body.find(
    (f) => f.householdNo === plan.person.h.householdNo && f.memberName === plan.person.m.name,
  );
}

/** Each list not uploaded yet, uploaded by its department's own user. */
async function uploadMissingLists(ctx: SeedContext, lists: UserList[]): Promise<number> {
  const office = await ctx.as('fupinban');
  let uploaded = 0;
  for (const l of lists) {
    if ((await office.count('/api/matching/lists', { type: l.type })) > 0) continue;
    const file = await l.file();
    const as = await ctx.as(l.uploader);
    const v = (
      await as.request<ListView>('POST', '/api/matching/lists', {
        body: file.body,
        contentType: file.contentType,
        query: { type: l.type, date: l.date, area: l.area, fileName: l.fileName, ...l.options },
      })
    ).body;
    if (v.status !== 'ready' || v.rowsRejected > 0 || v.rowsAccepted !== l.rows)
      throw new Error(
        `list ${l.type}: ${v.status}, ${v.rowsAccepted} of ${l.rows} rows accepted, ${v.rowsRejected} refused`,
      );
    const warned = [...new Set((v.warnings ?? []).map((w) => w.code))].join(', ');
    ctx.log(
      `  list ${l.type} (${l.fileName}) by ${l.uploader}: ${v.rowsAccepted} rows${v.warningsCount ? `, ${v.warningsCount} warned (${warned})` : ''}`,
    );
    uploaded++;
  }
  return uploaded;
}

/** Starts a run (waiting while the person index is behind: 409) and waits for its end. */
async function run(s: Session, listId: string): Promise<Run> {
  const startBy = Date.now() + RUN_START_WAIT_MS;
  let started: Run | undefined;
  while (!started) {
    try {
      started = (await s.request<Run>('POST', '/api/matching/runs', { json: { listId } })).body;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 409 || Date.now() > startBy) throw err;
      await sleep(3000);
    }
  }
  const doneBy = Date.now() + RUN_WAIT_MS;
  for (;;) {
    const r = (await s.get<Run>(`/api/matching/runs/${started.id}`)).body;
    if (r.status === 'failed')
      throw new Error(`matching run ${r.id} failed: ${r.error?.message?.['zh-CN'] ?? '?'}`);
    if (r.status === 'completed') return r;
    if (Date.now() > doneBy) throw new Error(`matching run ${r.id} still ${r.status}`);
    await sleep(1000);
  }
}

/**
 * A run over each list, started by its department where the department may start runs (a
 * refusal, 403, hands it to the poverty office), then the office's full run.
 */
async function runOverLists(ctx: SeedContext, lists: UserList[]): Promise<void> {
  const office = await ctx.as('fupinban');
  for (const l of lists) {
    const [list] = await office.list<{ id: string }>('/api/matching/lists', {
      sort: ['createdAt', 'DESC'],
      filter: { type: l.type },
      limit: 1,
    });
    if (!list) throw new Error(`no ${l.type} list to run over`);
    let by = await ctx.as(l.uploader);
    let done: Run;
    try {
      done = await run(by, list.id);
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 403) throw err;
      by = office;
      done = await run(office, list.id);
    }
    ctx.log(`  run over ${l.type} by ${by.username}: ${JSON.stringify(done.summary)}`);
  }
  // DECEASED_STILL_PAID reads the deaths list of the same run: only a full run has both.
  await fullRun(office, ctx.log);
}

/** 整改 in the registry: the township records the member 残疾, as the certificate says. */
async function recordDisabled(township: Session, f: Finding, grade: string): Promise<void> {
  const path = `/api/registry/households/${f.householdId}`;
  const h = (await township.get<Household>(path)).body;
  const m = h.members.find((x) => x.id === f.memberId);
  if (!m) throw new Error(`finding ${f.id}: member ${f.memberId} is not in household ${path}`);
  if (m.health === 'disabled') return;
  await township.request('PUT', `${path}/members/${f.memberId}`, {
    json: { health: 'disabled', disabilityGrade: grade, revision: h.revision },
  });
}

/** Takes a finding through the plan's steps it has not taken yet, each by its user. */
async function advance(ctx: SeedContext, plan: Plan, f: Finding): Promise<void> {
  const who: Record<Actor, string> = {
    township: townshipUser(ctx.county, plan.person.h.areaCode),
    office: 'fupinban',
    second: SECOND_REVIEWER,
  };
  let status = f.status;
  for (const step of plan.steps) {
    if ((RANK[status] ?? 0) >= AFTER[step.action]) continue;
    const s = await ctx.as(who[step.by]);
    if (step.action === 'rectify' && plan.recordDisabled)
      await recordDisabled(s, f, plan.recordDisabled);
    status = (await findingStep<Finding>(s, f.id, step.action, step.json)).status;
  }
  if (status !== plan.status)
    throw new Error(
      `finding ${f.id} (${plan.rule}) is ${status}, the demo expected ${plan.status}`,
    );
}

/** 督办 — the office sets the deadline a minute ahead, once; answers the finding as it is then. */
async function supervise(office: Session, f: Finding): Promise<Finding> {
  if (isSupervised(f)) return f;
  return findingStep<Finding>(office, f.id, 'due', () => ({
    dueAt: new Date(Date.now() + SUPERVISION_MS).toISOString(),
    reason: SUPERVISION_REASON,
  }));
}

/** The planted findings, each taken to its state; the supervised ones given their deadline. */
async function plantFindings(ctx: SeedContext, plans: Plan[], found: (Finding | undefined)[]) {
  const office = await ctx.as('fupinban');
  const tally = new Map<string, number>();
  for (const [i, plan] of plans.entries()) {
    const f = found[i];
    if (!f)
      throw new Error(
        `the runs found no ${plan.rule} finding for ${plan.person.m.name} of household ${plan.person.h.householdNo}`,
      );
    await advance(ctx, plan, f);
    const key = `${plan.rule} ${plan.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  let lastDue = 0;
  for (const plan of plans.filter((p) => p.supervised)) {
    const f = await supervise(office, (await userFindingOf(office, plan))!);
    if (f.status !== 'closed') lastDue = Math.max(lastDue, Date.parse(f.dueAt));
    const key = `${plan.rule} overdue (督办)`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  // A second more than the deadline: the service's clock, not this one, decides 逾期.
  if (lastDue > Date.now()) ctx.notBefore(lastDue + 1000, '督办期限到期（逾期）');
  ctx.log(`  findings: ${[...tally].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
}

/** The departments' own logins in the matching demo. */
export const matchingDepartmentUsersPlugin: DemoPlugin = {
  name: 'matching-department-users',
  probe: '/api/matching/openapi.json',

  /** Every list is in, the finding closed last is closed, the supervised ones have deadlines. */
  async isSeeded(ctx: SeedContext) {
    const lists = listsOf(ctx);
    if (!lists) return true;
    const office = await ctx.as('fupinban');
    for (const type of USER_LIST_TYPES)
      if ((await office.count('/api/matching/lists', { type })) === 0) return false;
    const plans = lists.flatMap((l) => l.plans);
    for (const plan of plans.filter((p) => p.status === 'closed'))
      if ((await userFindingOf(office, plan))?.status !== 'closed') return false;
    for (const plan of plans.filter((p) => p.supervised))
      if (!isSupervised(await userFindingOf(office, plan))) return false;
    return true;
  },

  async seed(ctx: SeedContext) {
    const office = await ctx.as('fupinban');
    await waitForView(office, '/api/matching/projection/status', ctx.log);
    const lists = departmentUserLists(ctx.county);
    const uploaded = await uploadMissingLists(ctx, lists);
    const plans = lists.flatMap((l) => l.plans);
    let found = await Promise.all(plans.map((p) => userFindingOf(office, p)));
    if (uploaded > 0 || found.some((f) => !f)) {
      await runOverLists(ctx, lists);
      found = await Promise.all(plans.map((p) => userFindingOf(office, p)));
    }
    await plantFindings(ctx, plans, found);
  },
};

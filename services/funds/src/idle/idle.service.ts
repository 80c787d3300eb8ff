import { createEvent, FundsIdleAssessed, SYSTEM_ACTOR } from '@fupin/contracts';
import { findPage } from '../shared/page';
import {
  areaInScope,
  bi,
  countyWide,
  type ListQuery,
  notFound,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import type { Project } from '../projects/project.model';
import type { IdleRun, IdleRunModel } from './idle.model';
import { type IdleProjectFields, summarizeIdle, totalsOf } from './idle.rules';
import { shanghaiDateOf } from '@fupin/reference';

/** The day's idle-funds run covers the county; each reader's rows are cut to their scope. */
const IDLE_RUN = countyWide('the daily idle-funds run covers the whole county');

export type IdleRunView = Omit<IdleRun, '_id' | 'outbox' | 'hasOutbox' | 'outboxLease'>;

const RUN = bi('资金趴账检查', 'Idle-funds check');
const FIELDS = {
  code: 1,
  name: 1,
  areaCode: 1,
  townshipCode: 1,
  status: 1,
  dates: 1,
  allocations: 1,
  transfers: 1,
  money: 1,
} as const;

/**
 * 资金趴账 — the daily check: per township, the money allocated and not disbursed after N days
 * and the projects approved but not started after M days; stored for the day and published
 * (`funds.idle.v1`, one event per township) for the assessment.
 */
export class IdleFundsService {
  constructor(
    private readonly deps: {
      runs: IdleRunModel;
      projects: ScopedRepository<Project>;
      days: number;
      startDays: number;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async run(asOf: Date = this.deps.now()): Promise<IdleRunView> {
    const date = shanghaiDateOf(asOf);
    const projects = this.deps.projects.cursor(
      IDLE_RUN,
      { status: { $ne: 'proposed' } },
      { projection: FIELDS },
    );
    const rows: IdleProjectFields[] = [];
    for await (const p of projects) rows.push(p);
    const summary = summarizeIdle(rows, {
      date,
      days: this.deps.days,
      startDays: this.deps.startDays,
    });
    const computedAt = this.deps.now();
    const events = summary.townships.map((t) =>
      createEvent(FundsIdleAssessed, {
        aggregateId: `${date}:${t.townshipCode}`,
        areaCode: t.townshipCode,
        actor: { ...SYSTEM_ACTOR, id: 'funds-idle-job' },
        occurredAt: computedAt,
        payload: {
          date,
          asOf: asOf.toISOString(),
          townshipCode: t.townshipCode,
          days: this.deps.days,
          startDays: this.deps.startDays,
          idleFen: t.idleFen,
          unfinishedFen: t.unfinishedFen,
          completedUnpaidFen: t.completedUnpaidFen,
          idleProjects: t.idleProjects,
          notStartedProjects: t.notStartedProjects,
          allocatedFen: t.allocatedFen,
          disbursedFen: t.disbursedFen,
        },
      }),
    );
    const doc = {
      ...summary,
      asOf,
      days: this.deps.days,
      startDays: this.deps.startDays,
      computedAt,
    };
    // The day's result and its events in one write; running again the same day replaces it.
    await this.deps.runs.updateOne(
      { _id: date },
      outboxUpdate({ $set: doc, $inc: { runs: 1 } }, events),
      { upsert: true },
    );
    this.deps.eventsStored();
    const stored = await this.deps.runs.findById(date, { outbox: 0 }).lean<IdleRun>();
    return viewOf(stored!);
  }

  async get(p: Principal, date: string): Promise<IdleRunView> {
    const run = await this.deps.runs.findById(date, { outbox: 0 }).lean<IdleRun>();
    if (!run) throw notFound(RUN, 'FUNDS_IDLE_RUN_NOT_FOUND');
    return scoped(p, run);
  }

  async list(p: Principal, q: ListQuery<Record<string, never>>) {
    const { items, total } = await findPage(this.deps.runs, {}, q, { outbox: 0, projects: 0 });
    return { items: items.map((r) => scoped(p, { ...r, projects: [] })), total };
  }
}

/**
 * A township user sees its own township's rows, and totals over them only. A day's run is one
 * county-wide document (not an area-scoped collection), so its rows are filtered here, with
 * the repository's own test of an area against the caller's scope.
 */
function scoped(p: Principal, run: IdleRun): IdleRunView {
  const townships = run.townships.filter((t) => areaInScope(p, t.townshipCode));
  const projects = run.projects.filter((r) => areaInScope(p, r.areaCode));
  if (townships.length === run.townships.length) return { ...viewOf(run), projects };
  return { ...viewOf(run), townships, projects, totals: totalsOf(townships) };
}

function viewOf(run: IdleRun): IdleRunView {
  const { _id: _d, outbox: _o, hasOutbox: _h, outboxLease: _l, ...rest } = run;
  return rest;
}

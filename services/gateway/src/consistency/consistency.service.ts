import { randomUUID } from 'node:crypto';
import { areaWithin, bi, type ListQuery, type Principal, type ScopedRepository } from '@fupin/kit';
import type { ConsistencyItem, ConsistencyRun, RunState } from './consistency.model';
import { INCONSISTENCY_KINDS, type InconsistencyKind, KIND_LABELS } from './consistency.rules';

// 一户一档核对's runs and their inconsistencies, as the routes read them: each within the
// caller's area (a run is filed under the area checked, an item under its household's village).

const RUN = { what: bi('一户一档核对', 'Consistency check'), code: 'CONSISTENCY_CHECK_NOT_FOUND' };

export interface RunFilter {
  state?: RunState;
  year?: number;
  areaCode?: string;
}

export interface ItemFilter {
  kind?: InconsistencyKind;
  /** A village (or a township) of the households. */
  areaCode?: string;
}

export function runView(r: ConsistencyRun) {
  return {
    id: r._id,
    areaCode: r.areaCode,
    year: r.year,
    state: r.state,
    households: r.households,
    checked: r.checked,
    inconsistencies: r.inconsistencies,
    /** Every kind with its count (0 when none was found) and its label. */
    counts: INCONSISTENCY_KINDS.map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      count: r.counts[kind] ?? 0,
    })),
    /** The parts the check went without, or that were behind: the result is not complete. */
    gaps: r.gaps,
    complete: r.state === 'completed' && r.gaps.length === 0,
    error: r.error,
    requestedBy: r.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: r.requestedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

export function itemView(x: ConsistencyItem) {
  return {
    id: x._id,
    runId: x.runId,
    areaCode: x.areaCode,
    householdId: x.householdId,
    householdNo: x.householdNo,
    kind: x.kind,
    kindLabel: KIND_LABELS[x.kind],
    message: x.message,
    details: x.details,
  };
}

export class ConsistencyChecks {
  constructor(
    private readonly deps: {
      runs: ScopedRepository<ConsistencyRun>;
      items: ScopedRepository<ConsistencyItem>;
      now: () => Date;
    },
  ) {}

  /** A queued run of the area (refused, 403, when the area is outside the caller's). */
  async create(p: Principal, areaCode: string, year: number): Promise<ConsistencyRun> {
    const run: ConsistencyRun = {
      _id: randomUUID(),
      areaCode,
      year,
      state: 'queued',
      households: null,
      checked: 0,
      counts: {},
      inconsistencies: 0,
      gaps: [],
      error: null,
      requestedBy: p.userId,
      requestedByName: p.username,
      requestedAt: this.deps.now(),
      startedAt: null,
      finishedAt: null,
    };
    await this.deps.runs.create(p, run);
    return run;
  }

  async get(p: Principal, id: string): Promise<ConsistencyRun> {
    return this.deps.runs.get(p, id, RUN);
  }

  async list(p: Principal, q: ListQuery<RunFilter>) {
    const f = q.filter;
    const filter = {
      ...(f.state ? { state: f.state } : {}),
      ...(f.year ? { year: f.year } : {}),
      ...(f.areaCode ? areaWithin(f.areaCode) : {}),
    };
    const { items, total } = await this.deps.runs.page(p, filter, q);
    return { items: items.map(runView), total };
  }

  /** The run's items within the caller's area (the run itself first: 404 outside it). */
  async items(p: Principal, runId: string, q: ListQuery<ItemFilter>) {
    await this.get(p, runId);
    const { items, total } = await this.deps.items.page(p, this.itemFilter(runId, q.filter), q);
    return { items: items.map(itemView), total };
  }

  /** Every item of the run the caller sees, in 户号 order, for the export. */
  async *allItems(p: Principal, runId: string, f: ItemFilter): AsyncIterable<ConsistencyItem> {
    yield* this.deps.items.cursor(p, this.itemFilter(runId, f), {
      sort: { householdNo: 1, _id: 1 },
    });
  }

  private itemFilter(runId: string, f: ItemFilter) {
    return {
      runId,
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.areaCode ? areaWithin(f.areaCode) : {}),
    };
  }
}

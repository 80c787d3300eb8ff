import { randomUUID } from 'node:crypto';
import {
  allOf,
  AppError,
  bi,
  countyWide,
  forbidden,
  type ListQuery,
  notFound,
  type Principal,
  type ProjectedHouseholdModel,
  type ScopedRepository,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { Logger } from 'pino';
import type { FindingService } from '../findings/finding.service';
import { mayUseRun, ownRunFilter } from '../lists/list-departments';
import type { DepartmentList } from '../lists/list.model';
import type { ListService } from '../lists/list.service';
import type { PersonIndex } from '../persons/person-index.service';
import type { PersonTable } from '../persons/person-table';
import {
  indexKeyBehind,
  peopleWithoutKey,
  projectedPeopleWithoutKey,
} from '../persons/key-coverage';
import { hashKeyIdOf } from '../lists/list.model';
import { match, type MatchProgress } from './matcher';
import type { KeyCoverage, MatchingRun, RunViewFreshness } from './run.model';
import { RULES, rulesFor } from './rules';

export type RunView = Omit<MatchingRun, '_id'> & { id: string };

const MISSING = { what: bi('比对任务', 'Matching run'), code: 'MATCHING_RUN_NOT_FOUND' };
/** The worker executes runs whoever queued them. */
const WORKER = countyWide('the run worker executes the runs queued by county users');

function viewOf(r: MatchingRun): RunView {
  const { _id, ...rest } = r;
  return { id: _id, ...rest };
}

/** Seams for tests: a run can be held after a batch (to kill its worker mid-run). */
export interface RunHooks {
  afterBatch?: (runId: string, batchNo: number) => Promise<void>;
}

/**
 * 比对任务 — starting runs (their lists and rule versions fixed when started) and executing
 * them: the whole person index in memory, the lists streamed segment by segment, findings
 * recorded in batches. A run that is executed again (its worker died) starts over: recording
 * is idempotent, so nothing is found twice.
 */
export class RunService {
  constructor(
    private readonly deps: {
      /** Runs, in the scope of the area of the user who started them. */
      runs: ScopedRepository<MatchingRun>;
      lists: ListService;
      persons: PersonIndex;
      /** The household projection the index is derived from (the key check at the start). */
      households: ProjectedHouseholdModel;
      findings: FindingService;
      logger: Logger;
      now: () => Date;
      batchSize?: number;
      hooks?: RunHooks;
    },
  ) {}

  /**
   * Creates a queued run over one list, or (no list) over every current list and the registry.
   * `view` answers the person index's freshness once it has caught up (or refuses): asked after
   * the caller and the lists are checked, recorded on the run.
   */
  async create(
    p: Principal,
    input: { listId?: string | undefined },
    view: () => Promise<RunViewFreshness | null> = async () => null,
  ): Promise<RunView> {
    // A run reads the whole registry index: only county-wide (or wider) users start one.
    if (!['province', 'city', 'county'].includes(areaLevel(p.areaCode)))
      throw forbidden(
        'MATCHING_RUN_COUNTY_ONLY',
        bi('比对任务须由县级（或以上）用户发起', 'Matching runs are started by county-level users'),
      );
    const lists: DepartmentList[] = input.listId
      ? [await this.deps.lists.ready(p, input.listId)]
      : await this.deps.lists.current(p);
    const full = !input.listId;
    // Rows hashed with an HMAC key dropped since: the run would find none of their people.
    for (const l of lists) this.deps.lists.assertHashKeyHeld(l);
    const freshness = await view();
    const keyCoverage = await this.keyCoverage(lists);
    const codes = rulesFor(
      lists.map((l) => l.type),
      full,
    );
    const now = this.deps.now();
    const run: MatchingRun = {
      _id: randomUUID(),
      scope: full ? 'full' : 'list',
      lists: lists.map((l) => ({
        listId: l._id,
        type: l.type,
        version: l.version ?? 0,
        date: l.date,
        areaCode: l.areaCode,
        rows: l.rowsAccepted + l.rowsWithInvalidId,
      })),
      rules: codes.map((code) => ({ code, version: RULES[code].version })),
      status: 'queued',
      progress: {
        rowsTotal: lists.reduce((n, l) => n + l.rowsAccepted + l.rowsWithInvalidId, 0),
        rowsRead: 0,
        matched: 0,
        findings: 0,
        people: 0,
      },
      summary: null,
      view: freshness,
      keyCoverage,
      attempts: 0,
      startedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      error: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    };
    await this.deps.runs.create(p, run);
    return viewOf(run);
  }

  async get(p: Principal, id: string): Promise<RunView> {
    const run = await this.deps.runs.get(p, id, MISSING);
    // A department sees only the runs over its own lists.
    if (!mayUseRun(p, run)) throw notFound(MISSING.what, MISSING.code);
    return viewOf(run);
  }

  async list(
    p: Principal,
    q: ListQuery<{ status?: string; scope?: string }>,
  ): Promise<{ items: RunView[]; total: number }> {
    const filter = allOf(
      ownRunFilter(p),
      q.filter.status ? { status: q.filter.status } : undefined,
      q.filter.scope ? { scope: q.filter.scope } : undefined,
    );
    const { items, total } = await this.deps.runs.page(p, filter, q);
    return { items: items.map(viewOf), total };
  }

  /** Executes (or re-executes) a run; `report` carries progress to the job. */
  async execute(id: string, report?: (p: MatchProgress) => Promise<void>): Promise<void> {
    const run = await this.deps.runs.findOne(WORKER, { _id: id });
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    const log = this.deps.logger.child({ runId: id });
    const started = this.deps.now();
    await this.deps.runs.updateOne(
      WORKER,
      { _id: id },
      {
        $set: {
          status: 'running',
          startedAt: run.startedAt ?? started,
          'progress.rowsRead': 0,
          'progress.matched': 0,
          'progress.findings': 0,
        },
        $inc: { attempts: 1 },
      },
    );
    const listDocs = await this.loadLists(run);
    const loadStarted = Date.now();
    const table = await this.deps.persons.load();
    // The registry may have been told of a key change while the run was queued: same check.
    this.assertIndexHasKeys(listDocs, table, log);
    const timing = { loadIndexMs: Date.now() - loadStarted, recordMs: 0, progressMs: 0 };
    await this.deps.runs.updateOne(
      WORKER,
      { _id: id },
      { $set: { 'progress.people': table.size } },
    );
    log.info(
      { people: table.size, lists: listDocs.length, attempt: run.attempts + 1 },
      'run started',
    );
    let batchNo = 0;
    const progress = await match({
      table,
      lists: listDocs.map((list) => ({
        list,
        segments: () => this.deps.lists.rows(list._id, list.segments),
      })),
      rules: run.rules.map((r) => r.code as keyof typeof RULES),
      batchSize: this.deps.batchSize ?? 1000,
      onFindings: async (batch) => {
        const t0 = Date.now();
        await this.deps.findings.record(batch, id);
        timing.recordMs += Date.now() - t0;
        batchNo++;
        await this.deps.hooks?.afterBatch?.(id, batchNo);
      },
      onProgress: async (p) => {
        const t0 = Date.now();
        await this.deps.runs.updateOne(
          WORKER,
          { _id: id },
          {
            $set: {
              'progress.rowsRead': p.rowsRead,
              'progress.matched': p.matched,
              'progress.findings': p.findings,
            },
          },
        );
        await report?.(p);
        timing.progressMs += Date.now() - t0;
      },
    });
    const summary = await this.deps.findings.runSummary(id);
    await this.deps.runs.updateOne(
      WORKER,
      { _id: id },
      {
        $set: {
          status: 'completed',
          summary: {
            ...summary,
            reconfirmed: summary.found - summary.created - summary.reopened,
          },
          finishedAt: this.deps.now(),
        },
      },
    );
    // Where the time went: reading the index, recording findings, saving progress (the rest is matching).
    log.info(
      { ...progress, ...summary, ...timing, ms: this.deps.now().getTime() - started.getTime() },
      'run completed',
    );
  }

  private async loadLists(run: MatchingRun): Promise<DepartmentList[]> {
    const ids = run.lists.map((l) => l.listId);
    const docs = await this.deps.lists.byIds(ids);
    const missing = ids.filter((i) => !docs.some((d) => d._id === i));
    if (missing.length)
      throw new AppError(
        422,
        'MATCHING_RUN_LIST_MISSING',
        bi('比对所用的名单已不存在', 'A list the run was started with no longer exists'),
      );
    const lists = ids.map((i) => docs.find((d) => d._id === i)!);
    // The key may have been dropped while the run was queued.
    for (const l of lists) this.deps.lists.assertHashKeyHeld(l);
    return lists;
  }

  /**
   * 密钥轮换: every person of the index has a hash known to be under each list's HMAC key, or
   * the run is refused 409 MATCHING_INDEX_KEY_BEHIND (it would silently miss the others).
   */
  private async keyCoverage(lists: DepartmentList[]): Promise<KeyCoverage[]> {
    const out: KeyCoverage[] = [];
    for (const l of lists) {
      const hashKeyId = hashKeyIdOf(l);
      if (out.some((c) => c.hashKeyId === hashKeyId)) continue;
      const without = await projectedPeopleWithoutKey(this.deps.households, hashKeyId);
      if (without > 0) {
        this.deps.logger.warn(
          { listId: l._id, hashKeyId, peopleWithoutKey: without },
          'run refused: person index lacks the list key',
        );
        throw indexKeyBehind(hashKeyId, without, { listId: l._id });
      }
      out.push({ hashKeyId, peopleWithoutKey: 0 });
    }
    return out;
  }

  private assertIndexHasKeys(lists: DepartmentList[], table: PersonTable, log: Logger): void {
    for (const l of lists) {
      const hashKeyId = hashKeyIdOf(l);
      const without = peopleWithoutKey(table, hashKeyId);
      if (without === 0) continue;
      log.warn({ listId: l._id, hashKeyId, peopleWithoutKey: without }, 'run refused: index key');
      throw indexKeyBehind(hashKeyId, without, { listId: l._id });
    }
  }

  /** Ends a run as failed, with the reason shown to the user. */
  async fail(id: string, err: unknown): Promise<void> {
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.messages }
        : {
            code: 'MATCHING_RUN_FAILED',
            message: bi(
              '比对因系统故障中止，请稍后重试',
              'The run stopped on a system fault; try again later',
            ),
          };
    await this.deps.runs.updateOne(
      WORKER,
      { _id: id },
      { $set: { status: 'failed', error, finishedAt: this.deps.now() } },
    );
  }
}

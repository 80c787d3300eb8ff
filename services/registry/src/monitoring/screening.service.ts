import { randomUUID } from 'node:crypto';
import { AppError, countyWide, type ScopedRepository } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import dayjs from 'dayjs';
import type { HistoryEntry, Household } from '../households/household.model';
import type { FactsView } from './screening.facts';
import { awaitFacts } from './screening.facts';
import type { ScreeningRun } from './screening.model';
import type { MonitoringSettingsService } from './settings.service';
import type { DisasterRecord, MedicalCostRecord } from './monitoring-facts.model';
import { WARNING_RULES } from './warning-rules.table';
import { screenHousehold } from './warning.rules';
import type { DisasterFact, ScreeningInput } from './warning.types';
import { type WarningWrites, warningWrites } from './screening.warnings';
import type { MonitoringWarning } from './warning.model';

const READ = countyWide('the monthly 防返贫 screening reads the whole county');
/** Who is screened: exited households, and households known but not registered as poor. */
export const SCREENED_STATUSES = ['exited', 'candidate', 'cancelled'] as const;
const BATCH = 500;
/** The household fields the rules read (no ciphertext is opened). */
const FIELDS = {
  _id: 1,
  householdNo: 1,
  headName: 1,
  areaCode: 1,
  townshipCode: 1,
  status: 1,
  size: 1,
  perCapitaIncomeFen: 1,
  income: 1,
  members: 1,
  supportFacts: 1,
  'history.at': 1,
  'history.action': 1,
  'history.changed': 1,
} as const;
export type ScreenedHousehold = Pick<
  Household,
  | '_id'
  | 'householdNo'
  | 'headName'
  | 'areaCode'
  | 'townshipCode'
  | 'status'
  | 'size'
  | 'perCapitaIncomeFen'
  | 'income'
  | 'members'
  | 'supportFacts'
> & { history?: Pick<HistoryEntry, 'at' | 'action' | 'changed'>[] };

/**
 * 防返贫监测筛查 — every screened household judged by the rule table on the registry's own facts
 * and the facts other services' events brought (support's education and medical data, the
 * disasters recorded): one warning per household at risk, a warning already open updated, never
 * duplicated. Refused, with nothing written, while those facts are behind.
 */
export class ScreeningService {
  constructor(
    private readonly deps: {
      runs: ScopedRepository<ScreeningRun>;
      households: ScopedRepository<Household>;
      medical: ScopedRepository<MedicalCostRecord>;
      disasters: ScopedRepository<DisasterRecord>;
      warnings: ScopedRepository<MonitoringWarning>;
      settings: MonitoringSettingsService;
      views: FactsView[];
      maxWaitMs: number;
      verifyDays: number;
      /** The county's code (the runs' scope). */
      countyCode: () => Promise<string>;
      now: () => Date;
      /** Tells the outbox relay new warnings' events were stored (else its next poll finds them). */
      eventsStored?: () => void;
    },
  ) {}

  /** A run recorded as queued (the on-demand request answers it at once). */
  async queue(requestedBy: string): Promise<ScreeningRun> {
    const now = this.deps.now();
    const run: ScreeningRun = {
      _id: randomUUID(),
      requestedBy,
      status: 'running',
      day: shanghaiDateOf(now),
      startedAt: now,
      finishedAt: null,
      freshness: [],
      screened: 0,
      raised: 0,
      updated: 0,
      fired: {},
      missing: {},
      settings: {
        year: Number(shanghaiDateOf(now).slice(0, 4)),
        monitoringLineFen: 0,
        medicalThresholdFen: 0,
      },
      rules: WARNING_RULES.map((r) => ({ code: r.code, version: r.version })),
      error: null,
      areaCode: await this.deps.countyCode(),
    };
    await this.deps.runs.create(READ, run);
    return run;
  }

  /** Runs a queued screening to its end: done, refused (facts behind) or failed, recorded. */
  async run(runId: string): Promise<ScreeningRun> {
    const run = (await this.deps.runs.findOne(READ, { _id: runId }))!;
    run.fired ??= {};
    run.missing ??= {};
    try {
      run.freshness = await awaitFacts(this.deps.views, { maxWaitMs: this.deps.maxWaitMs });
      await this.screen(run);
      run.status = 'done';
    } catch (err) {
      const e = err as { status?: number; code?: string; message?: string; title?: unknown };
      const refused = e.code === 'REGISTRY_MONITORING_FACTS_BEHIND';
      run.status = refused ? 'refused' : 'failed';
      const extra = (err as { extra?: { freshness?: ScreeningRun['freshness'] } }).extra;
      if (extra?.freshness) run.freshness = extra.freshness;
      run.error = {
        code: e.code ?? 'REGISTRY_MONITORING_SCREEN_FAILED',
        message: messageOf(err),
      };
      if (!refused) throw Object.assign(err as object, { run });
    } finally {
      run.finishedAt = this.deps.now();
      const { _id, ...set } = run;
      await this.deps.runs.updateOne(READ, { _id }, { $set: set });
    }
    return run;
  }

  private async screen(run: ScreeningRun): Promise<void> {
    const today = run.day;
    const since = dayjs(today).subtract(12, 'month').format('YYYY-MM-DD');
    const settingsOf = await this.deps.settings.resolver(run.areaCode);
    const year = Number(today.slice(0, 4));
    const s = settingsOf(year);
    run.settings = {
      year,
      monitoringLineFen: s.monitoringLineFen,
      medicalThresholdFen: s.medicalThresholdFen,
    };
    const disasters = await this.deps.disasters.find(READ, { day: { $gt: since } });
    let batch: ScreenedHousehold[] = [];
    const flush = async () => {
      if (batch.length) await this.screenBatch(run, batch, { today, since, settingsOf, disasters });
      batch = [];
    };
    const cursor = this.deps.households.cursor(
      READ,
      { status: { $in: [...SCREENED_STATUSES] } },
      { projection: FIELDS, batchSize: BATCH },
    ) as AsyncIterable<ScreenedHousehold>;
    for await (const h of cursor) {
      batch.push(h);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  }

  private async screenBatch(
    run: ScreeningRun,
    households: ScreenedHousehold[],
    ctx: {
      today: string;
      since: string;
      settingsOf: ScreeningInput['settings'];
      disasters: DisasterRecord[];
    },
  ): Promise<void> {
    const ids = households.map((h) => h._id);
    const [medical, open] = await Promise.all([
      this.deps.medical.find(READ, { householdId: { $in: ids }, day: { $gt: ctx.since } }),
      this.deps.warnings.find(READ, { householdId: { $in: ids }, status: 'open' }),
    ]);
    const medicalOf = groupBy(medical, (m) => m.householdId);
    const openOf = new Map(open.map((w) => [w.householdId, w]));
    const results = households.map((h) => {
      const input: ScreeningInput = {
        household: h,
        history: (h.history ?? []).filter((e) => shanghaiDateOf(new Date(e.at)) > ctx.since),
        medical: (medicalOf.get(h._id) ?? []).map((m) => ({
          episodeId: m._id,
          personId: m.personId,
          day: m.day,
          outOfPocketFen: m.outOfPocketFen,
        })),
        disasters: disastersOf(ctx.disasters, h),
        settings: ctx.settingsOf,
        today: ctx.today,
      };
      return { household: h, result: screenHousehold(input) };
    });
    const writes: WarningWrites = warningWrites(results, openOf, {
      runId: run._id,
      now: this.deps.now(),
      today: ctx.today,
      verifyDays: this.deps.verifyDays,
      newId: randomUUID,
    });
    if (writes.inserts.length) {
      await this.deps.warnings.insertMany(READ, writes.inserts);
      this.deps.eventsStored?.();
    }
    if (writes.updates.length) await this.deps.warnings.bulkUpdate(READ, writes.updates);
    run.screened += households.length;
    run.raised += writes.inserts.length;
    run.updated += writes.updates.length;
    for (const { household, result } of results) {
      for (const f of result.fired) run.fired[f.code] = (run.fired[f.code] ?? 0) + 1;
      for (const m of result.missing) {
        const entry = (run.missing[m.code] ??= { count: 0, households: [] });
        entry.count++;
        if (entry.households.length < 20) entry.households.push(household._id);
      }
    }
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

/** The disasters of the household's village (whole village) or naming the household. */
function disastersOf(all: DisasterRecord[], h: ScreenedHousehold): DisasterFact[] {
  return all
    .filter(
      (d) =>
        d.areaCode === h.areaCode &&
        (d.householdIds.length === 0 || d.householdIds.includes(h._id)),
    )
    .map((d) => ({
      id: d._id,
      kind: d.kind,
      day: d.day,
      lossesFen: d.lossesFen,
      description: d.description,
    }));
}

function messageOf(err: unknown): { 'zh-CN': string; en: string } {
  if (err instanceof AppError) return err.messages;
  const text = err instanceof Error ? err.message : String(err);
  return { 'zh-CN': `筛查失败：${text}`, en: `The screening failed: ${text}` };
}

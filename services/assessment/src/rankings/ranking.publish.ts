import { randomUUID } from 'node:crypto';
import {
  AppError,
  bi,
  countyWide,
  isDuplicateKey,
  outboxUpdate,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import type { Logger } from 'pino';
import type { LateEventModel } from '../indicators/fact.model';
import { type Quarter, quarterKey, quarterSpan } from '../scoring/period';
import type { Scheme } from '../schemes/scheme.model';
import type { SchemeService } from '../schemes/scheme.service';
import type { Computed } from './ranking.compute';
import { rankingEvents, userOrJobActor } from './ranking.events';
import {
  PUBLISHED,
  type RankingModel,
  type RankingRecords,
  type RankingRecordsModel,
  type RankingResult,
  type RankingTrigger,
  type RankingVersion,
  VERSION_SUMMARY,
} from './ranking.model';
import type { RankingViewCheck, RankingViewFreshness } from './ranking-view';

// Publishing a ranking: a version id claimed first (a unique key), so however many workers
// run, a version is computed once; then its results, records and events stored under the
// claim, the version becoming visible with its events in one single-document write.

/** A claim not finished in this time was abandoned (the process died) and may be taken over. */
const STALE_CLAIM_MS = 10 * 60 * 1000;
/** Late event ids listed on a version; the count is always exact. */
const MAX_LISTED_LATE = 1000;

/** A version's results are written for every unit of the county at once. */
const PUBLISHING = countyWide('a ranking version is published for every unit of the county');

/** How a version comes to be computed; `authorization` (a user's) lets the registry be asked. */
export interface RankOptions {
  trigger: RankingTrigger;
  reason: string | null;
  actor: Principal | null;
  authorization?: string | undefined;
}

export type RankOutcome = 'published' | 'already_ranked' | 'in_progress' | 'no_scheme';

/** A claimed version id: `token` when this process holds the claim, else why not. */
export interface Claim {
  id: string;
  token: string | null;
  outcome: RankOutcome;
}

export interface PublishDeps {
  rankings: RankingModel;
  results: ScopedRepository<RankingResult>;
  records: RankingRecordsModel;
  late: LateEventModel;
  schemes: SchemeService;
  countyCode: string;
  eventsStored: () => void;
  now: () => Date;
  logger: Logger;
  /** Waits for the household projection (or refuses); absent: nothing is checked. */
  view?: RankingViewCheck;
  /** Computes a quarter with the yellow-card streaks that lead into it. */
  compute: (q: Quarter, scheme: Scheme) => Promise<Computed>;
  /** Told each version once it is published (the accountability cases follow it). */
  afterPublish?: (rankingId: string) => Promise<void>;
}

/** Claims, computes and publishes versions of a quarter's ranking. */
export class RankingPublisher {
  constructor(private readonly deps: PublishDeps) {}

  /**
   * Computes and publishes version 1 of a quarter if no version exists. Safe to call from any
   * number of workers at once: one claims the version, the others find it taken.
   */
  async rankOnce(
    q: Quarter,
    opts: RankOptions,
  ): Promise<{ outcome: RankOutcome; rankingId: string | null }> {
    const scheme = await this.deps.schemes.find(q.year);
    if (!scheme || scheme.tracks.length === 0) {
      this.deps.logger.warn(
        { quarter: quarterKey(q) },
        'no assessment scheme for the year; nothing ranked',
      );
      return { outcome: 'no_scheme', rankingId: null };
    }
    // The projection is waited for before the claim, so no claim is held while waiting.
    const view = await this.viewFor(q, 1, opts);
    const claim = await this.claim(q, 1, opts, null);
    if (!claim.token) return { outcome: claim.outcome, rankingId: claim.id };
    await this.publish(claim.id, claim.token, q, scheme, { ...opts, view }, null);
    return { outcome: 'published', rankingId: claim.id };
  }

  /** The household projection's freshness, once caught up; a version already published needs none. */
  async viewFor(
    q: Quarter,
    version: number,
    opts: RankOptions,
  ): Promise<RankingViewFreshness | null> {
    if (!this.deps.view) return null;
    if (await this.deps.rankings.exists({ _id: `${quarterKey(q)}-v${version}`, ...PUBLISHED }))
      return null;
    return this.deps.view(opts.authorization, this.deps.logger);
  }

  /** Claims a version id; a claim left by a process that died is taken over. */
  async claim(
    q: Quarter,
    version: number,
    opts: RankOptions,
    supersedes: string | null,
  ): Promise<Claim> {
    const id = `${quarterKey(q)}-v${version}`;
    const token = randomUUID();
    const now = this.deps.now();
    const doc: RankingVersion = {
      _id: id,
      quarterKey: quarterKey(q),
      year: q.year,
      quarter: q.quarter,
      version,
      status: 'computing',
      claim: { token, at: now },
      trigger: opts.trigger,
      reason: opts.reason,
      actor: opts.actor ? { id: opts.actor.userId, name: opts.actor.username } : null,
      period: quarterSpan(q),
      computedAt: null,
      publishedAt: null,
      supersedes,
      supersededBy: null,
      schemeRevision: null,
      tracks: [],
      lateEvents: { count: 0, eventIds: [] },
      view: null,
    };
    try {
      await this.deps.rankings.create(doc);
      return { id, token, outcome: 'published' };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    return this.takeOver(id, token, now);
  }

  private async takeOver(id: string, token: string, now: Date): Promise<Claim> {
    const existing = await this.deps.rankings
      .findById(id, { status: 1, claim: 1 })
      .lean<RankingVersion>();
    if (!existing || existing.status === 'published')
      return { id, token: null, outcome: 'already_ranked' };
    // A claim left by a process that died is taken over; a live one is left alone.
    if (existing.claim && now.getTime() - new Date(existing.claim.at).getTime() > STALE_CLAIM_MS) {
      const res = await this.deps.rankings.updateOne(
        { _id: id, status: 'computing', 'claim.token': existing.claim.token },
        { $set: { claim: { token, at: now } } },
      );
      if (res.modifiedCount === 1) {
        this.deps.logger.warn({ rankingId: id }, 'took over an abandoned ranking computation');
        return { id, token, outcome: 'published' };
      }
    }
    return { id, token: null, outcome: 'in_progress' };
  }

  /**
   * Computes the claimed version and publishes it with its events; on any failure the claim
   * is released so the quarter can be ranked again (nothing of it is visible).
   */
  async publish(
    id: string,
    token: string,
    q: Quarter,
    scheme: Scheme,
    opts: RankOptions & { view: RankingViewFreshness | null },
    supersedes: string | null,
  ): Promise<void> {
    try {
      const c = await this.deps.compute(q, scheme);
      const version = Number(id.split('-v')[1]);
      const pending = await this.deps.late
        .find(
          { quarterKey: quarterKey(q), includedIn: null, receivedAt: { $lte: c.computedAt } },
          { eventId: 1 },
        )
        .sort({ receivedAt: 1 })
        .lean();
      const lateIds = [...new Set(pending.map((l) => l.eventId))];
      await this.storeRows(id, version, c);
      await this.storeVersion(id, token, q, c, { ...opts, version, lateIds, supersedes });
      if (supersedes)
        await this.deps.rankings.updateOne({ _id: supersedes }, { $set: { supersededBy: id } });
      await this.deps.late.updateMany(
        { quarterKey: quarterKey(q), includedIn: null, receivedAt: { $lte: c.computedAt } },
        { $set: { includedIn: id } },
      );
      this.deps.logger.info(
        { rankingId: id, trigger: opts.trigger, lateEvents: lateIds.length },
        'ranking published',
      );
    } catch (err) {
      await this.deps.rankings
        .deleteOne({ _id: id, status: 'computing', 'claim.token': token })
        .catch(() => undefined);
      throw err;
    }
    await this.deps.afterPublish?.(id);
  }

  /** Results and records first, under the claimed id; they become visible with the version. */
  private async storeRows(id: string, version: number, c: Computed): Promise<void> {
    const rows = c.results.map((r) => ({ ...r, _id: `${id}|${r.unitId}`, rankingId: id, version }));
    try {
      await this.deps.results.insertMany(PUBLISHING, rows, { ordered: false });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // A process that died holding this claim left some of them: they are replaced.
      await this.deps.results.deleteMany(PUBLISHING, { rankingId: id });
      await this.deps.results.insertMany(PUBLISHING, rows, { ordered: false });
    }
    if (c.records.length)
      await this.deps.records.bulkWrite(
        c.records.map((r) => {
          const doc: RankingRecords = { ...r, _id: `${id}|${r.unitId}|${r.code}`, rankingId: id };
          return { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } };
        }),
        { ordered: false },
      );
  }

  /** The version published with its events, if this process still holds the claim. */
  private async storeVersion(
    id: string,
    token: string,
    q: Quarter,
    c: Computed,
    opts: RankOptions & {
      view: RankingViewFreshness | null;
      version: number;
      lateIds: string[];
      supersedes: string | null;
    },
  ): Promise<void> {
    const { supersedes, lateIds } = opts;
    const previous = supersedes
      ? await this.deps.rankings.findById(supersedes, VERSION_SUMMARY).lean<RankingVersion>()
      : null;
    const publishedAt = this.deps.now();
    const set = {
      status: 'published' as const,
      claim: null,
      computedAt: c.computedAt,
      publishedAt,
      schemeRevision: c.schemeRevision,
      tracks: c.tracks,
      lateEvents: { count: lateIds.length, eventIds: lateIds.slice(0, MAX_LISTED_LATE) },
      view: opts.view,
    };
    const published: RankingVersion = {
      _id: id,
      quarterKey: quarterKey(q),
      year: q.year,
      quarter: q.quarter,
      version: opts.version,
      trigger: opts.trigger,
      reason: opts.reason,
      actor: null,
      period: quarterSpan(q),
      supersedes,
      supersededBy: null,
      ...set,
    };
    const events = rankingEvents(
      published,
      c.tracks,
      previous,
      c.reasons,
      this.deps.countyCode,
      userOrJobActor(opts.actor),
      publishedAt,
    );
    const res = await this.deps.rankings.updateOne(
      { _id: id, status: 'computing', 'claim.token': token },
      outboxUpdate({ $set: set }, events),
    );
    if (res.modifiedCount !== 1)
      throw new AppError(
        409,
        'ASSESSMENT_RANKING_CLAIM_LOST',
        bi('排名计算已被其他进程接管', 'Another process took over this ranking'),
      );
    this.deps.eventsStored();
  }
}

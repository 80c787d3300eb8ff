import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { Gauge, type Registry } from 'prom-client';
import { z } from 'zod';
import { AppError, type Bilingual, bi } from '../errors';
import { metricsOf } from '../http/metrics';
import { traceHeaders } from '../observability/tracing';
import { positionOf, type PartitionPosition, viewVerdict } from './freshness-rule';

/**
 * 数据同步状态 — how far a view built from the registry's events is behind the registry,
 * measured from shared state only, so every instance of every service gets the same answer:
 * - Kafka: per partition of the view's topics, the high watermark against the offset the
 *   view's consumer GROUP has committed (not this instance's own partitions: with several
 *   instances each owns some; the group's commits cover them all). Offsets are committed
 *   once the events are applied, so a committed event is in the view.
 * - the registry: events stored in its outbox (with the change that caused them) but not yet
 *   published, read from its database through `GET /events/position` — right after an import
 *   most events sit there, and Kafka alone would say the view is up to date.
 * They are read in that order (registry, then high watermarks, then commits): an event moving
 * from the outbox to Kafka in between is counted twice at worst, never missed, and a commit
 * read last can only be newer. So "0 behind" is never said of a view that lacks an event the
 * registry had written when the measure began.
 */
export interface ViewFreshness {
  /** The view, e.g. `registry-households`. */
  projection: string;
  /** Events the registry has written that the view has not applied yet. */
  behind: number;
  /** Events the registry has written on the view's topics (published and still in its outbox). */
  registryPosition: number;
  /** Of those, the events the view has applied. */
  appliedPosition: number;
  /** Events in the registry's outbox; null when the registry could not be asked. */
  registryPending: number | null;
  /** The registry's people (active ID numbers) and households; null when not asked. */
  registryPeople: number | null;
  registryHouseholds: number | null;
  /** When the view last changed. */
  lastAppliedAt: Date | null;
  measuredAt: Date;
  /** Nothing the registry had written when measured is missing from the view. */
  upToDate: boolean;
}

/** What the registry says of its own event position (`GET /events/position`). */
const registryPositionSchema = z.object({
  pendingEvents: z.number().int().min(0),
  people: z.number().int().min(0),
  households: z.number().int().min(0),
});
export type RegistryEventPosition = z.infer<typeof registryPositionSchema> & {
  oldestPendingAt: Date | null;
  measuredAt: Date;
};

// Generous: on a loaded machine the registry's answer took over 3 s, and an unanswered
// registry makes the measure fall back to the Kafka lag alone (the outbox unknown).
const MEASURE_TIMEOUT_MS = 10_000;
const SCRAPE_TIMEOUT_MS = 1500;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** How the caller reaches the registry: its URL and the bearer token to send. */
export interface RegistryAccess {
  registryUrl: string;
  authorization?: string | undefined;
}

/** Measures one view; one per consumer group, made when the view's consumer starts. */
export class FreshnessMeter {
  private admin: Admin | undefined;
  private connecting: Promise<Admin> | undefined;
  /** The registry's outbox as last read with a caller's token (for /metrics, which has none). */
  private lastRegistryPending = 0;

  constructor(
    private readonly opts: {
      kafka: Kafka;
      groupId: string;
      /** Topic names as consumed (prefix included). */
      topics: string[];
      projection: string;
      logger: Logger;
      lastAppliedAt: () => Promise<Date | null>;
    },
  ) {}

  get projection(): string {
    return this.opts.projection;
  }

  private adminClient(): Promise<Admin> {
    if (this.admin) return Promise.resolve(this.admin);
    this.connecting ??= (async () => {
      const admin = this.opts.kafka.admin({ retry: { retries: 2 } });
      await admin.connect();
      this.admin = admin;
      return admin;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async partitions(): Promise<PartitionPosition[]> {
    const admin = await this.adminClient();
    const ends = await Promise.all(this.opts.topics.map((t) => admin.fetchTopicOffsets(t)));
    const commits = await admin.fetchOffsets({
      groupId: this.opts.groupId,
      topics: this.opts.topics,
    });
    return this.opts.topics.flatMap((topic, i) => {
      const committed = commits.find((c) => c.topic === topic)?.partitions ?? [];
      return ends[i]!.map((e) => {
        const c = Number(committed.find((p) => p.partition === e.partition)?.offset ?? -1);
        return { low: Number(e.low), high: Number(e.high), committed: c >= 0 ? c : null };
      });
    });
  }

  /** The registry's own figures with the caller's token; null when it cannot be asked. */
  private async registry(access: RegistryAccess | undefined) {
    if (!access?.authorization) return null;
    try {
      const res = await within(
        fetch(new URL('/events/position', access.registryUrl), {
          headers: { authorization: access.authorization, ...traceHeaders() },
        }),
        MEASURE_TIMEOUT_MS,
        'registry event position',
      );
      if (res.status === 401 || res.status === 403) {
        // A caller without the registry's read right: expected, and polled by the console.
        this.opts.logger.debug({ status: res.status }, 'registry event position refused');
        return null;
      }
      if (!res.ok) throw new Error(`the registry answered ${res.status}`);
      return registryPositionSchema.parse(await res.json());
    } catch (err) {
      this.opts.logger.warn(
        { err: err instanceof Error ? err.message : String(err), projection: this.projection },
        'registry event position unavailable; freshness measured from Kafka only',
      );
      return null;
    }
  }

  /**
   * Measures the view. With `access.authorization` the registry's outbox is included; without
   * (a scrape, a scheduled job) the last figure read is used and `registryPending` is null.
   */
  async measure(
    access?: RegistryAccess,
    opts: { lastApplied?: boolean } = {},
  ): Promise<ViewFreshness> {
    const source = await this.registry(access);
    const partitions = await within(this.partitions(), MEASURE_TIMEOUT_MS, 'kafka offsets');
    const lastAppliedAt = opts.lastApplied === false ? null : await this.opts.lastAppliedAt();
    if (source) this.lastRegistryPending = source.pendingEvents;
    const pos = positionOf({
      partitions,
      registryPending: source ? source.pendingEvents : this.lastRegistryPending,
    });
    return {
      projection: this.projection,
      ...pos,
      registryPending: source?.pendingEvents ?? null,
      registryPeople: source?.people ?? null,
      registryHouseholds: source?.households ?? null,
      lastAppliedAt,
      measuredAt: new Date(),
      upToDate: pos.behind === 0,
    };
  }

  async close(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    await this.admin?.disconnect();
    this.admin = undefined;
  }
}

/** Meters per metrics registry: one gauge family per service, one series per view. */
const gauges = new WeakMap<Registry, Set<FreshnessMeter>>();

/** Reports the meter's `fupin_projection_behind_events{projection}` on the service's /metrics. */
export function reportFreshness(registry: Registry, meter: FreshnessMeter): () => void {
  let meters = gauges.get(registry);
  if (!meters) {
    const watched = new Set<FreshnessMeter>();
    meters = watched;
    gauges.set(registry, watched);
    new Gauge({
      name: 'fupin_projection_behind_events',
      help: 'Events the registry has written that the view has not applied (Kafka lag of the group measured at scrape, plus the registry outbox last read)',
      labelNames: ['projection'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const m of watched) {
          // Bounded like the kit's other scrape-time reads: a slow Kafka must not hang /metrics.
          const f = await within(
            m.measure(undefined, { lastApplied: false }),
            SCRAPE_TIMEOUT_MS,
            'freshness at scrape',
          ).catch(() => null);
          if (f) this.set({ projection: m.projection }, f.behind);
        }
      },
    });
  }
  meters.add(meter);
  return () => meters.delete(meter);
}

/** The meter of each view whose consumer has started (see `watchFreshness`). */
const meters = new WeakMap<object, FreshnessMeter>();
/** The same meters by the Kafka client of the runtime that started them, and the view's name. */
const metersByClient = new WeakMap<Kafka, Map<string, FreshnessMeter>>();

/**
 * Makes a meter for a view whose consumer has just started (the view's consumer group and
 * topics), reports it on /metrics and closes it on shutdown.
 */
export function watchFreshness(
  view: object,
  rt: {
    kafka: Kafka;
    logger: Logger;
    producer: object;
    shutdown: { add: (name: string, fn: () => Promise<void>) => void };
  },
  opts: {
    groupId: string;
    topics: string[];
    projection: string;
    lastAppliedAt: () => Promise<Date | null>;
  },
): FreshnessMeter {
  const meter = new FreshnessMeter({ kafka: rt.kafka, logger: rt.logger, ...opts });
  meters.set(view, meter);
  const named = metersByClient.get(rt.kafka) ?? new Map<string, FreshnessMeter>();
  named.set(opts.projection, meter);
  metersByClient.set(rt.kafka, named);
  const metrics = metricsOf(rt.kafka, rt.producer, rt.logger);
  const unwatch = metrics ? reportFreshness(metrics.registry, meter) : undefined;
  rt.shutdown.add(`${opts.projection} freshness`, async () => {
    unwatch?.();
    await meter.close();
  });
  return meter;
}

/** The meter of a view; undefined when its consumer was not started (a tool reading stored data). */
export function freshnessMeterOf(view: object): FreshnessMeter | undefined {
  return meters.get(view);
}

/**
 * The meter of a runtime's view by name (`registry-households`), for modules that act on a
 * view they did not build (a matching run on the person index). Undefined until the view's
 * consumer started, and in tools that do not consume.
 */
export function viewMeterOf(rt: { kafka: Kafka }, projection: string): FreshnessMeter | undefined {
  return metersByClient.get(rt.kafka)?.get(projection);
}

const REGISTRY_EVENTS = bi('登记事件', 'registry events');

/** The view behind: 409 naming the view and how far behind it is (x of y events applied). */
export function viewBehind(
  code: string,
  view: Bilingual,
  f: ViewFreshness,
  events: Bilingual = REGISTRY_EVENTS,
): AppError {
  return new AppError(
    409,
    code,
    bi(
      `${view['zh-CN']}数据同步中（已同步 ${f.appliedPosition} / ${f.registryPosition} 条${events['zh-CN']}，尚差 ${f.behind} 条），请稍后再试`,
      `The ${view.en} is still syncing (${f.appliedPosition} of ${f.registryPosition} ${events.en} applied, ${f.behind} behind); try again shortly`,
    ),
    {
      errors: [
        {
          field: 'projection',
          code: f.projection,
          message: bi(`落后 ${f.behind} 条事件`, `${f.behind} events behind`),
        },
      ],
      extra: { freshness: f },
    },
  );
}

export interface FreshViewOptions {
  /** How long to wait for the view to catch up before refusing. */
  maxWaitMs: number;
  pollMs?: number;
  /** Events that may be missing (0 by default). */
  maxBehind?: number;
  /** Called after each measure while waiting (progress for a job or a log). */
  onProgress?: (f: ViewFreshness) => Promise<void> | void;
}

/**
 * Measures the view and, while it is behind, waits for it (bounded by `maxWaitMs`); answers
 * the freshness it was acted on (with how long was waited) or throws `viewBehind`.
 */
export async function awaitFreshView(
  meter: FreshnessMeter,
  access: RegistryAccess | undefined,
  opts: FreshViewOptions & { code: string; view: Bilingual; events?: Bilingual },
): Promise<ViewFreshness & { waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const f = await meter.measure(access);
    const waitedMs = Date.now() - started;
    const verdict = viewVerdict(f.behind, waitedMs, opts);
    if (verdict === 'fresh') return { ...f, waitedMs };
    if (verdict === 'behind') throw viewBehind(opts.code, opts.view, f, opts.events);
    await opts.onProgress?.(f);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
  }
}

/** What an action (a matching run, a ranking) records of the view it used: as measured, and how long it waited. */
export type RecordedFreshness = ViewFreshness & { waitedMs: number };

/** Answers the view's freshness once it is caught up, or throws 409 with the code given. */
export type FreshViewCheck = (
  authorization: string | undefined,
  log: Logger,
) => Promise<RecordedFreshness | null>;

/**
 * The check before an action on the household projection (or what is derived with it): measures
 * (the registry asked with the caller's token), waits while the view catches up — at most
 * `maxWaitMs`, logging the progress — and refuses with the lag otherwise. Null when this instance
 * does not consume the registry's events (a tool reading stored data).
 */
export function freshViewCheck(
  rt: { kafka: Kafka },
  opts: {
    registryUrl: string;
    maxWaitMs: number;
    code: string;
    view: Bilingual;
    waiting: string;
    /** The meter's name (the household projection's by default) and what its events are. */
    projection?: string;
    events?: Bilingual;
  },
): FreshViewCheck {
  return async (authorization, log) => {
    const meter = viewMeterOf(rt, opts.projection ?? 'registry-households');
    if (!meter) return null;
    const f = await awaitFreshView(
      meter,
      { registryUrl: opts.registryUrl, authorization },
      {
        code: opts.code,
        view: opts.view,
        ...(opts.events ? { events: opts.events } : {}),
        maxWaitMs: opts.maxWaitMs,
        onProgress: (p) =>
          log.info(
            { behind: p.behind, applied: p.appliedPosition, of: p.registryPosition },
            opts.waiting,
          ),
      },
    );
    // Only the recorded fields: the document stores exactly these.
    return {
      projection: f.projection,
      behind: f.behind,
      registryPosition: f.registryPosition,
      appliedPosition: f.appliedPosition,
      registryPending: f.registryPending,
      registryPeople: f.registryPeople,
      registryHouseholds: f.registryHouseholds,
      lastAppliedAt: f.lastAppliedAt,
      measuredAt: f.measuredAt,
      upToDate: f.upToDate,
      waitedMs: f.waitedMs,
    };
  };
}

/**
 * `GET /projection/status`: the view's own counts and its freshness, the registry asked with
 * the caller's token. Freshness is null when the view's consumer is not running here or
 * Kafka did not answer in time.
 */
export async function viewStatus<S extends { lastProjectedAt: Date | null }>(
  view: { status: () => Promise<S> },
  access: RegistryAccess,
  log: Logger,
): Promise<S & { freshness: ViewFreshness | null }> {
  const meter = freshnessMeterOf(view);
  const [status, freshness] = await Promise.all([
    view.status(),
    meter
      ? meter.measure(access, { lastApplied: false }).catch((err: unknown) => {
          log.warn({ err }, 'projection freshness could not be measured');
          return null;
        })
      : null,
  ]);
  return {
    ...status,
    freshness: freshness && { ...freshness, lastAppliedAt: status.lastProjectedAt },
  };
}

/**
 * Dossier parts asked while a measure of their view is being made share it (a village's
 * handbooks ask eight at a time); one asked after it has finished measures again, so a part
 * never says "current" from a measure older than its own request.
 */
const measuresInFlight = shareInFlight<FreshnessMeter, ViewFreshness>();

/**
 * One value per key at a time: callers while it is being made share it; the next caller after
 * it is made (or failed) makes a new one.
 */
export function shareInFlight<K extends object, V>(): (
  key: K,
  make: () => Promise<V>,
) => Promise<V> {
  const making = new WeakMap<K, Promise<V>>();
  return (key, make) => {
    const pending = making.get(key);
    if (pending) return pending;
    const value = make();
    making.set(key, value);
    const forget = () => {
      if (making.get(key) === value) making.delete(key);
    };
    value.then(forget, forget);
    return value;
  };
}

/**
 * For a part of a household's dossier read from a service's view of the registry: how far the
 * view is behind, in both languages, or undefined when it is current (or cannot be measured
 * here — a service without the view's consumer running, or Kafka not answering in time).
 */
export async function dossierBehind(
  rt: { kafka: Kafka },
  access: RegistryAccess,
  log: Logger,
  projection = 'registry-households',
): Promise<{ events: number; message: Bilingual } | undefined> {
  const meter = viewMeterOf(rt, projection);
  if (!meter) return undefined;
  try {
    // The registry's count and Kafka's offsets, not the caller's data: shared while in flight.
    const f = await measuresInFlight(meter, () => meter.measure(access, { lastApplied: false }));
    if (f.upToDate) return undefined;
    return {
      events: f.behind,
      message: bi(
        `本部分依据的建档立卡数据尚差 ${f.behind} 条登记事件未同步，可能不是最新`,
        `This part rests on registry data ${f.behind} events behind: it may not be current`,
      ),
    };
  } catch (err) {
    log.warn({ err }, 'dossier part freshness could not be measured');
    return undefined;
  }
}

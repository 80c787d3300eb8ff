import type { Envelope } from '@fupin/contracts';
import {
  ensureTopics,
  EventConsumer,
  isDuplicateKey,
  type ServiceRuntime,
  watchFreshness,
} from '@fupin/kit';
import type { RankingModel, RankingVersion } from '../rankings/ranking.model';
import type { LateEventModel } from './fact.model';
import type { FactChange } from './fact.store';
import { assistanceHandler } from './handlers/assistance.handler';
import { fundsHandler } from './handlers/funds.handler';
import type { HandlerContext, ProducerHandler } from './handlers/handler';
import { matchingHandler } from './handlers/matching.handler';
import { registryHandler } from './handlers/registry.handler';
import { registryWarningsHandler } from './handlers/registry-warnings.handler';
import { supportHandler } from './handlers/support.handler';
import { INDICATOR_VIEW } from '../rankings/ranking-view';

/** Every producer the indicators are measured from; a new producer adds its file here. */
export const PRODUCER_HANDLERS: ProducerHandler[] = [
  registryHandler,
  assistanceHandler,
  fundsHandler,
  supportHandler,
  matchingHandler,
  registryWarningsHandler,
];

export const CONSUMED_TOPICS = PRODUCER_HANDLERS.flatMap((h) => h.topics);

/**
 * Applies the other services' events to the assessment's records and notes, for every ranking
 * already computed whose quarter the event changes, that it came late (迟到数据): the published
 * version stays as it is, the next version takes the event in.
 */
export class IndicatorProjection {
  private readonly byTopic = new Map<string, ProducerHandler>();

  constructor(
    private readonly deps: {
      ctx: HandlerContext;
      rankings: RankingModel;
      late: LateEventModel;
      now: () => Date;
      handlers?: ProducerHandler[];
    },
  ) {
    for (const h of deps.handlers ?? PRODUCER_HANDLERS)
      for (const t of h.topics) this.byTopic.set(t, h);
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  /** Applies one event (contract topic without prefix); repeats change nothing. */
  async apply(event: Envelope, topic: string): Promise<FactChange[]> {
    const handler = this.byTopic.get(topic);
    if (!handler) return [];
    const changes = await handler.handle(event, this.deps.ctx);
    for (const c of changes) if (c.changed) await this.noteIfLate(event, c);
    return changes;
  }

  /**
   * A batch of one topic's events: the producer's bulk path when it has one (the registry's
   * households and members), else one by one; late notes for the whole batch with one read of
   * the rankings and one insert.
   */
  async applyMany(events: Envelope[], topic: string): Promise<void> {
    const handler = this.byTopic.get(topic);
    if (!handler) return;
    if (!handler.handleMany) {
      for (const event of events) await this.apply(event, topic);
      return;
    }
    const results = await handler.handleMany(events, this.deps.ctx);
    const changed = results.flatMap(({ event, changes }) =>
      changes.filter((c) => c.changed).map((change) => ({ event, change })),
    );
    if (changed.length === 0) return;
    const earliest = changed.map((c) => c.change.affects.first).sort()[0]!;
    const rankings = await this.deps.rankings
      .find(
        { supersededBy: null, 'period.last': { $gte: earliest } },
        { _id: 1, quarterKey: 1, period: 1 },
      )
      .lean<Pick<RankingVersion, '_id' | 'quarterKey' | 'period'>[]>();
    const notes = changed.flatMap(({ event, change }) =>
      rankings
        .filter((r) => missedBy(r.period, change.affects))
        .map((r) => this.lateNote(r, event, change)),
    );
    if (notes.length === 0) return;
    try {
      await this.deps.late.insertMany(notes, { ordered: false });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  private lateNote(
    r: Pick<RankingVersion, '_id' | 'quarterKey'>,
    event: Envelope,
    change: FactChange,
  ) {
    return {
      _id: `${r._id}:${event.id}`,
      quarterKey: r.quarterKey,
      missedRankingId: r._id,
      eventId: event.id,
      eventType: event.type,
      recordId: change.recordId,
      receivedAt: this.deps.now(),
      includedIn: null,
    };
  }

  private async noteIfLate(event: Envelope, change: FactChange): Promise<void> {
    const { first, last } = change.affects;
    const missed = await this.deps.rankings
      .find(
        {
          supersededBy: null,
          'period.last': { $gte: first },
          ...(last ? { 'period.first': { $lte: last } } : {}),
        },
        { _id: 1, quarterKey: 1 },
      )
      .lean();
    for (const r of missed) {
      try {
        await this.deps.late.create({
          _id: `${r._id}:${event.id}`,
          quarterKey: r.quarterKey,
          missedRankingId: r._id,
          eventId: event.id,
          eventType: event.type,
          recordId: change.recordId,
          receivedAt: this.deps.now(),
          includedIn: null,
        });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }

  /** One consumer group over every producer's topics, idempotent, with the kit's DLQ. */
  async start(rt: ServiceRuntime, opts: { groupId: string }): Promise<void> {
    await ensureTopics(rt.kafka, this.topics.map(rt.topic));
    const prefix = rt.config.KAFKA_TOPIC_PREFIX;
    const consumer = new EventConsumer({
      kafka: rt.kafka,
      conn: rt.conn,
      producer: rt.producer,
      groupId: opts.groupId,
      topics: this.topics,
      topicPrefix: prefix,
      logger: rt.logger,
      maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
      handle: async (event, { topic }) => {
        await this.apply(event, prefix ? topic.slice(prefix.length + 1) : topic);
      },
      handleBatch: async (events, { topic }) => {
        await this.applyMany(events, prefix ? topic.slice(prefix.length + 1) : topic);
      },
    });
    await consumer.start();
    rt.shutdown.add('indicator consumer', () => consumer.stop());
    // The household projection and the facts are this one group's: its lag over every topic it
    // reads is how far behind what a ranking or a preview measures is (they wait, or refuse).
    const households = this.deps.ctx.households;
    watchFreshness(households, rt, {
      groupId: opts.groupId,
      topics: this.topics.map(rt.topic),
      projection: INDICATOR_VIEW,
      lastAppliedAt: async () => (await households.status()).lastProjectedAt,
    });
  }
}

/** Whether a ranking's period includes days a change affects (the query noteIfLate makes). */
function missedBy(
  period: { first: string; last: string },
  affects: FactChange['affects'],
): boolean {
  return period.last >= affects.first && (affects.last === null || period.first <= affects.last);
}

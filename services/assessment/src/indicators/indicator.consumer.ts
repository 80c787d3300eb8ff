import type { Envelope } from '@fupin/contracts';
import { ensureTopics, EventConsumer, type ServiceRuntime } from '@fupin/kit';
import type { RankingModel } from '../rankings/ranking.model';
import type { LateEventModel } from './fact.model';
import type { FactChange } from './fact.store';
import { assistanceHandler } from './handlers/assistance.handler';
import { fundsHandler } from './handlers/funds.handler';
import type { HandlerContext, ProducerHandler } from './handlers/handler';
import { matchingHandler } from './handlers/matching.handler';
import { registryHandler } from './handlers/registry.handler';
import { supportHandler } from './handlers/support.handler';

/** Every producer the indicators are measured from; a new producer adds its file here. */
export const PRODUCER_HANDLERS: ProducerHandler[] = [
  registryHandler,
  assistanceHandler,
  fundsHandler,
  supportHandler,
  matchingHandler,
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
        if ((err as { code?: unknown }).code !== 11000) throw err;
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
    });
    await consumer.start();
    rt.shutdown.add('indicator consumer', () => consumer.stop());
  }
}

import {
  ensureTopics,
  EventConsumer,
  handle,
  parseInput,
  principalOf,
  requireRight,
  watchFreshness,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import { SUPPORT_FACT_TOPICS } from '../households/support-facts.rules';
import type { RegistryContext, RegistryModule } from '../module';
import { guaranteeStatistics } from './guarantee-statistics';
import { projectionStatusOf } from './projection-status';

const statisticsQuery = z.strictObject({
  area: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

/**
 * 两不愁三保障 beyond the household's own facts: support's enrollment, dropout and coverage
 * events re-derive the guarantees of the households they name (consumer group
 * `support-facts`, idempotent, a batch's households written once each), and the statistic of
 * households with every guarantee met by township.
 */
export function guaranteesModule(
  ctx: RegistryContext,
  opts: { consume?: boolean } = {},
): RegistryModule {
  const { rt } = ctx;
  const freshness = ctx.services.households.supportFreshness;
  const status = projectionStatusOf(ctx.repos.households, freshness);
  let consumer: EventConsumer | null = null;
  return {
    name: 'guarantees',
    start: async () => {
      if (opts.consume === false) return;
      const prefix = rt.config.KAFKA_TOPIC_PREFIX;
      await ensureTopics(rt.kafka, SUPPORT_FACT_TOPICS.map(rt.topic));
      consumer = new EventConsumer({
        kafka: rt.kafka,
        conn: rt.conn,
        producer: rt.producer,
        groupId: rt.group('support-facts'),
        topics: SUPPORT_FACT_TOPICS,
        topicPrefix: prefix,
        logger: rt.logger,
        maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
        maxBatchEvents: 200,
        handle: async (event) => {
          await ctx.services.households.recordSupportFacts([event]);
          freshness.applied();
        },
        handleBatch: async (events) => {
          await ctx.services.households.recordSupportFacts(events);
          freshness.applied();
        },
      });
      await consumer.start();
      // How far behind support's events the derived guarantees are (/projection/status, /metrics).
      freshness.attach(
        watchFreshness(consumer, rt, {
          groupId: rt.group('support-facts'),
          topics: SUPPORT_FACT_TOPICS.map(rt.topic),
          projection: 'support-facts',
          lastAppliedAt: () => Promise.resolve(freshness.lastAppliedAt),
        }),
      );
    },
    stop: async () => {
      await consumer?.stop();
    },
    routes: (router: Router) => {
      router.get(
        '/projection/status',
        requireRight('registry', 'read'),
        handle(async (_req, res) => {
          res.json(await status());
        }),
      );
      router.get(
        '/statistics/guarantees',
        requireRight('registry', 'read'),
        handle(async (req, res) => {
          const q = parseInput(statisticsQuery, req.query, { where: 'query' });
          res.json(
            await guaranteeStatistics(
              { households: ctx.repos.households, areas: ctx.repos.areas },
              principalOf(req),
              q.area,
            ),
          );
        }),
      );
    },
  };
}

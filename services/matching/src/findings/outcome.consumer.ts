import { FindingOutcomeRecorded } from '@fupin/contracts';
import { ensureTopics, EventConsumer, type ServiceModule } from '@fupin/kit';
import type { MatchingConfig } from '../config';
import type { ServiceContext } from '@fupin/kit';
import type { FindingService } from './finding.service';

/**
 * 登记系统处理结果 — consumes the registry's `registry.finding_outcome.recorded` (keyed by the
 * finding id) and records each outcome once on its finding. Idempotent twice over: the kit
 * consumer skips events it processed, and the finding keeps each event id once.
 */
export function registryOutcomesModule(
  ctx: ServiceContext<MatchingConfig> & { consume: boolean },
  findings: FindingService,
): ServiceModule {
  const { rt } = ctx;
  const log = rt.logger.child({ component: 'registry-outcomes' });
  return {
    name: 'registry outcomes',
    async start() {
      if (!ctx.consume) return;
      const topics = [FindingOutcomeRecorded.topic];
      await ensureTopics(rt.kafka, topics.map(rt.topic));
      const consumer = new EventConsumer({
        kafka: rt.kafka,
        conn: rt.conn,
        producer: rt.producer,
        groupId: rt.group('registry-outcomes'),
        topics,
        topicPrefix: rt.config.KAFKA_TOPIC_PREFIX,
        logger: rt.logger,
        maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
        handle: async (event) => {
          if (event.type !== FindingOutcomeRecorded.type) return;
          const p = FindingOutcomeRecorded.payload.parse(event.payload);
          const found = await findings.recordOutcome(p.findingId, {
            eventId: event.id,
            outcome: p.outcome,
            workflowId: p.workflowId,
            reason: p.reason,
            at: new Date(p.at),
          });
          // Another deployment's finding (a shared cluster) or one deleted: nothing to show it on.
          if (!found) log.warn({ findingId: p.findingId }, 'outcome for an unknown finding');
        },
      });
      await consumer.start();
      rt.shutdown.add('registry outcome consumer', () => consumer.stop());
    },
  };
}

import { createQueue, createWorker, type ServiceContext, type ServiceModule } from '@fupin/kit';
import type { Queue, Worker } from 'bullmq';
import type { MatchingConfig } from '../config';
import { FINDING_TOPICS } from './finding.events';
import { findingRoutes } from './finding.routes';
import type { FindingService } from './finding.service';

const QUEUE = 'matching-overdue';
const HOURLY = 3600 * 1000;

/**
 * Findings, their workflow and exports; an hourly BullMQ schedule reports the findings whose
 * deadline passed (a repeatable job, so it runs once however many instances there are).
 */
export function findingsModule(
  ctx: ServiceContext<MatchingConfig>,
  findings: FindingService,
): ServiceModule {
  const queueOpts = {
    connection: ctx.redis,
    prefix: ctx.queuePrefix,
    logger: ctx.rt.logger,
  };
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  return {
    name: 'findings',
    outboxModels: [findings.outboxModel],
    topics: FINDING_TOPICS,
    routes: (router) => findingRoutes(router, { findings, audit: ctx.audit, now: ctx.now }),
    async start() {
      queue = createQueue(QUEUE, queueOpts);
      await queue.upsertJobScheduler('overdue-sweep', { every: HOURLY }, { name: 'overdue' });
      worker = createWorker(QUEUE, async () => findings.reportOverdue(), queueOpts);
    },
    async stop() {
      await worker?.close();
      await queue?.close();
    },
  };
}

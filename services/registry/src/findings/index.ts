import { FindingOutcomeRecorded } from '@fupin/contracts';
import { scopedRepository } from '@fupin/kit';
import type { RegistryContext, RegistryModule } from '../module';
import { workflowServiceOf } from '../workflows';
import { candidateLeadRoutes } from './candidate-lead.routes';
import { CandidateLeadService } from './candidate-lead.service';
import { FindingConsumer } from './finding.consumer';
import { FindingOutcomes } from './finding-outcomes';
import { type FindingRecord, findingRecordModel } from './finding-record.model';

/**
 * 比对问题回流 — matching's verified findings acted on by the registry (a death, a wrong
 * identification, a 漏评) with each outcome published back; the 漏评 leads for the townships.
 * Consumed under the group `findings` when the service consumes.
 */
export function findingsModule(
  ctx: RegistryContext & { consume: boolean },
): RegistryModule & { consumer: FindingConsumer } {
  const records = findingRecordModel(ctx.rt.conn);
  const outcomes = new FindingOutcomes({ records, eventsStored: ctx.eventsStored, now: ctx.now });
  const households = ctx.services.households;
  const consumer = new FindingConsumer({
    households,
    workflows: workflowServiceOf(ctx),
    records,
    outcomes,
    now: ctx.now,
  });
  const leads = new CandidateLeadService({
    records: scopedRepository<FindingRecord>(records),
    households,
    outcomes,
    now: ctx.now,
  });
  return {
    name: 'findings',
    consumer,
    outboxModels: [records],
    topics: [FindingOutcomeRecorded.topic],
    routes: (router) => candidateLeadRoutes(router, leads),
    start: async () => {
      if (ctx.consume) await consumer.start(ctx.rt, { groupId: ctx.rt.group('findings') });
    },
  };
}

import {
  type Envelope,
  FindingCreated,
  type FindingSnapshot,
  FindingVerified,
} from '@fupin/contracts';
import {
  AppError,
  ensureTopics,
  EventConsumer,
  isDuplicateKey,
  type ServiceRuntime,
} from '@fupin/kit';
import { RULE_FLAGS } from '../workflows/workflow.proposals';
import { type ActionDeps, actOn, findingPrincipal } from './finding.actions';
import type { FindingOutcomes } from './finding-outcomes';
import type { FindingRecordModel } from './finding-record.model';

export const FINDING_TOPICS = [FindingVerified.topic];

/**
 * 比对问题回流 — matching's findings as the registry receives them: a new finding of a vehicle,
 * a business, a public employee or urban property proposes the exclusion flag on the household;
 * a verified, confirmed one is acted on once (claimed by its id, finished on a redelivery) and
 * its outcome published.
 */
export class FindingConsumer {
  constructor(
    private readonly deps: ActionDeps & {
      records: FindingRecordModel;
      outcomes: FindingOutcomes;
      now: () => Date;
    },
  ) {}

  async apply(event: Envelope): Promise<void> {
    if (event.type === FindingCreated.type) {
      const { finding } = event.payload as { finding: FindingSnapshot };
      await this.propose(finding);
      return;
    }
    if (event.type !== FindingVerified.type) return;
    const { finding, conclusion } = event.payload as {
      finding: FindingSnapshot;
      conclusion: string;
    };
    if (conclusion !== 'confirmed') return;
    if (!(await this.claim(finding, event))) return;
    const outcome = await actOn(this.deps, finding, event);
    await this.deps.outcomes.record(finding.id, outcome);
  }

  /** An open finding of the household proposes its exclusion flag (a person decides). */
  private async propose(f: FindingSnapshot): Promise<void> {
    if (!RULE_FLAGS[f.rule] || !f.householdId) return;
    try {
      await this.deps.workflows.proposeExclusion(findingPrincipal(f), f.householdId, {
        findingId: f.id,
        rule: f.rule,
      });
    } catch (err) {
      // A household gone or out of the township: nothing to propose on.
      if (!(err instanceof AppError && err.status < 500)) throw err;
    }
  }

  /**
   * True when this finding is the registry's to act on now: new, left pending, or confirmed
   * again in a later round (a closed finding a later run found again and reopened).
   */
  private async claim(f: FindingSnapshot, event: Envelope): Promise<boolean> {
    const round = f.reopenings ?? 0;
    const existing = await this.deps.records.findById(f.id, { state: 1, round: 1 }).lean();
    if (existing) {
      if ((existing.round ?? 0) >= round) return existing.state === 'pending';
      // One delivery of the new round wins the claim; the others see it taken.
      const next = await this.deps.records.updateOne(
        { _id: f.id, round: { $lt: round } },
        { $set: { round, state: 'pending', eventId: event.id } },
      );
      // A 漏评 lead dismissed in an earlier round is open again with the new evidence.
      if (next.modifiedCount === 1 && f.rule === 'ALLOWANCE_NOT_REGISTERED')
        await this.deps.records.updateOne(
          { _id: f.id, 'lead.status': 'dismissed' },
          {
            $set: {
              'lead.status': 'open',
              'lead.reason': null,
              'lead.decidedBy': null,
              'lead.decidedAt': null,
            },
          },
        );
      return next.modifiedCount === 1;
    }
    try {
      await this.deps.records.create({
        _id: f.id,
        rule: f.rule,
        ruleVersion: f.ruleVersion,
        householdId: f.householdId,
        memberId: f.memberId,
        idHash: f.idHash,
        areaCode: f.areaCode,
        townshipCode: f.townshipCode,
        state: 'pending',
        receivedAt: this.deps.now(),
        eventId: event.id,
        round,
        outcomes: [],
        lead:
          f.rule === 'ALLOWANCE_NOT_REGISTERED'
            ? { status: 'open', householdId: null, reason: null, decidedBy: null, decidedAt: null }
            : null,
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async start(rt: ServiceRuntime, opts: { groupId: string }): Promise<EventConsumer> {
    await ensureTopics(rt.kafka, FINDING_TOPICS.map(rt.topic));
    const consumer = new EventConsumer({
      kafka: rt.kafka,
      conn: rt.conn,
      producer: rt.producer,
      groupId: opts.groupId,
      topics: FINDING_TOPICS,
      topicPrefix: rt.config.KAFKA_TOPIC_PREFIX,
      logger: rt.logger,
      maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
      handle: (event) => this.apply(event),
    });
    await consumer.start();
    rt.shutdown.add('finding consumer', () => consumer.stop());
    return consumer;
  }
}

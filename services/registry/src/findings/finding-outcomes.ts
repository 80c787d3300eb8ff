import {
  createEvent,
  type FindingOutcome,
  FindingOutcomeRecorded,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { outboxUpdate } from '@fupin/kit';
import type { FindingRecordModel } from './finding-record.model';

/** One outcome to report for a finding. */
export interface OutcomeInput {
  outcome: FindingOutcome;
  reason: string | null;
  workflowId: string | null;
}

/**
 * Records what the registry did with a finding on its record, with the
 * `registry.finding_outcome.recorded` event in the same write (keyed by the finding id), and
 * marks the record done.
 */
export class FindingOutcomes {
  constructor(
    private readonly deps: {
      records: FindingRecordModel;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  async record(findingId: string, input: OutcomeInput): Promise<boolean> {
    const rec = await this.deps.records
      .findById(findingId, { areaCode: 1, householdId: 1, memberId: 1 })
      .lean();
    if (!rec) return false;
    const at = this.deps.now();
    const event = createEvent(FindingOutcomeRecorded, {
      aggregateId: findingId,
      areaCode: rec.areaCode,
      actor: SYSTEM_ACTOR,
      occurredAt: at,
      payload: {
        findingId,
        householdId: rec.householdId,
        memberId: rec.memberId,
        areaCode: rec.areaCode,
        outcome: input.outcome,
        workflowId: input.workflowId,
        reason: input.reason,
        at: at.toISOString(),
      },
    });
    const entry = { ...input, at };
    await this.deps.records.updateOne(
      { _id: findingId },
      outboxUpdate({ $set: { state: 'done' }, $push: { outcomes: entry } }, [event]),
    );
    this.deps.eventsStored();
    return true;
  }

  /** The 清退 opened for a finding was decided: approved (cancelled) or rejected at a step. */
  async clearanceDecided(
    findingId: string,
    run: { id: string; outcome: string },
    reason: string,
  ): Promise<void> {
    await this.record(findingId, {
      outcome: run.outcome === 'approved' ? 'clearance_approved' : 'clearance_rejected',
      reason,
      workflowId: run.id,
    });
  }
}

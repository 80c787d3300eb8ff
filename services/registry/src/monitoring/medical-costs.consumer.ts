import { type Envelope, ReimbursementRecorded, TopUpPaid } from '@fupin/contracts';
import {
  ensureTopics,
  EventConsumer,
  isDuplicateKey,
  type ServiceRuntime,
  watchFreshness,
} from '@fupin/kit';
import type { MedicalCostModel, MedicalCostRecord } from './monitoring-facts.model';

/** The support topic the registry follows for out-of-pocket medical costs. */
export const MEDICAL_COST_TOPICS = [ReimbursementRecorded.topic];
export const MEDICAL_COSTS_VIEW = 'medical-costs';

/** An episode's record from a reimbursement event (pure); null for another event type. */
export function medicalCostOf(e: Envelope): MedicalCostRecord | null {
  const episode =
    e.type === ReimbursementRecorded.type
      ? ReimbursementRecorded.payload.parse(e.payload).episode
      : e.type === TopUpPaid.type
        ? TopUpPaid.payload.parse(e.payload).episode
        : null;
  if (!episode) return null;
  return {
    _id: episode.id,
    householdId: episode.householdId,
    personId: episode.personId,
    areaCode: episode.areaCode,
    day: episode.dischargedOn ?? episode.admittedOn,
    totalCostFen: episode.totalCostFen,
    reimbursedFen: episode.reimbursedFen,
    topUpPaidFen: episode.topUpPaidFen,
    outOfPocketFen: Math.max(
      0,
      episode.totalCostFen - episode.reimbursedFen - episode.topUpPaidFen,
    ),
    eventId: e.id,
    eventAt: new Date(e.occurredAt),
  };
}

/**
 * Writes a batch's episodes in one unordered bulk write, each replaced only by a later event of
 * it (a redelivered or older event meets the newer record and changes nothing), so the
 * consumer keeps no processed-event ids.
 */
export async function recordMedicalCosts(model: MedicalCostModel, events: Envelope[]) {
  const latest = new Map<string, MedicalCostRecord>();
  for (const e of events) {
    const r = medicalCostOf(e);
    if (r && (latest.get(r._id)?.eventAt ?? new Date(0)) <= r.eventAt) latest.set(r._id, r);
  }
  if (latest.size === 0) return;
  const ops = [...latest.values()].map((r) => ({
    replaceOne: {
      filter: { _id: r._id, eventAt: { $lte: r.eventAt } },
      replacement: r,
      upsert: true,
    },
  }));
  try {
    await model.bulkWrite(ops, { ordered: false });
  } catch (err) {
    // A duplicate key is a record already written from a later event: right as it stands.
    if (!isDuplicateKey(err)) throw err;
  }
}

/** The consumer (group `medical-costs`) and its freshness meter, started with the module. */
export async function startMedicalCostConsumer(
  rt: ServiceRuntime,
  model: MedicalCostModel,
  lastApplied: { at: Date | null },
): Promise<EventConsumer> {
  const apply = async (events: Envelope[]) => {
    await recordMedicalCosts(model, events);
    lastApplied.at = new Date();
  };
  await ensureTopics(rt.kafka, MEDICAL_COST_TOPICS.map(rt.topic));
  const consumer = new EventConsumer({
    kafka: rt.kafka,
    conn: rt.conn,
    producer: rt.producer,
    groupId: rt.group(MEDICAL_COSTS_VIEW),
    topics: MEDICAL_COST_TOPICS,
    topicPrefix: rt.config.KAFKA_TOPIC_PREFIX,
    logger: rt.logger,
    maxAttempts: rt.config.CONSUMER_MAX_ATTEMPTS,
    maxBatchEvents: 500,
    idempotentHandler: true,
    handle: (event) => apply([event]),
    handleBatch: apply,
  });
  await consumer.start();
  watchFreshness(consumer, rt, {
    groupId: rt.group(MEDICAL_COSTS_VIEW),
    topics: MEDICAL_COST_TOPICS.map(rt.topic),
    projection: MEDICAL_COSTS_VIEW,
    lastAppliedAt: () => Promise.resolve(lastApplied.at),
  });
  return consumer;
}

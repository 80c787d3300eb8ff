import type { Envelope } from '@fupin/contracts';
import { townshipOf, shanghaiDateOf } from '@fupin/reference';
import type { Fact, FactKind } from './fact.model';
import { countyWide, isDuplicateKey, type ScopedRepository } from '@fupin/kit';

/** Facts come from every area's events: the consumer records them all. */
const RECORDING = countyWide("facts are recorded from the other services' events of every area");

/** What a handler knows of a record from one event. */
export interface FactInput {
  kind: FactKind;
  recordId: string;
  areaCode: string;
  /** Defaults to the township of `areaCode`. */
  townshipCode?: string | null;
  departments?: string[];
  householdId?: string | null;
  personId?: string | null;
  day?: string | null;
  from?: string | null;
  to?: string | null;
  status?: string | null;
  year?: number | null;
  amounts?: Record<string, number>;
  data?: Record<string, unknown>;
  /**
   * Orders the events of one record: the producer's revision, or the step of a record without
   * one (submitted → decided). Events of the same rank are ordered by their time, then id.
   */
  rank: number;
}

/** What one applied event changed, and which calendar days it may have changed results for. */
export interface FactChange {
  recordId: string;
  changed: boolean;
  /** A period-bound record affects its own days; a state change every day from it on. */
  affects: { first: string; last: string | null };
}

function orderOf(event: Envelope, rank: number): string {
  return `${String(rank).padStart(12, '0')}|${new Date(event.occurredAt).toISOString()}|${event.id}`;
}

/** Writes facts so that the latest event of a record wins, whatever order they arrive in. */
export class FactStore {
  constructor(
    private readonly facts: ScopedRepository<Fact>,
    private readonly now: () => Date,
  ) {}

  async put(
    event: Envelope,
    input: FactInput,
    /** The days the change counts for; `first` defaults to (and is never after) the event's day. */
    affects?: { first?: string | null; last?: string | null },
  ): Promise<FactChange> {
    const id = `${input.kind}:${input.recordId}`;
    const order = orderOf(event, input.rank);
    const eventDay = shanghaiDateOf(new Date(event.occurredAt));
    const existing = await this.facts.findOne(
      RECORDING,
      { _id: id },
      { projection: { firstDay: 1 } },
    );
    const firstDay = existing && existing.firstDay < eventDay ? existing.firstDay : eventDay;
    const doc: Omit<Fact, '_id'> = {
      kind: input.kind,
      recordId: input.recordId,
      areaCode: input.areaCode,
      townshipCode:
        input.townshipCode === undefined ? townshipOf(input.areaCode) : input.townshipCode,
      departments: input.departments ?? [],
      householdId: input.householdId ?? null,
      personId: input.personId ?? null,
      day: input.day ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
      status: input.status ?? null,
      year: input.year ?? null,
      amounts: input.amounts ?? {},
      data: input.data ?? {},
      firstDay,
      order,
      eventId: event.id,
      eventType: event.type,
      occurredAt: new Date(event.occurredAt),
      receivedAt: this.now(),
    };
    let changed = false;
    try {
      // Matches only when the stored event is older; otherwise the upsert collides with the
      // existing id and the event is known to be stale or repeated.
      const res = await this.facts.updateOne(
        RECORDING,
        { _id: id, order: { $lt: order } },
        { $set: doc },
        { upsert: true },
      );
      changed = res.modifiedCount > 0 || res.upsertedCount > 0;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // A stale event may still tell of an earlier first day.
      await this.facts.updateOne(
        RECORDING,
        { _id: id, firstDay: { $gt: eventDay } },
        { $set: { firstDay: eventDay } },
      );
    }
    // A change counts from the day it was made, or earlier when the record says so (a visit
    // entered ten days late still belongs to the day of the visit).
    const first = affects?.first && affects.first < eventDay ? affects.first : eventDay;
    return { recordId: input.recordId, changed, affects: { first, last: affects?.last ?? null } };
  }
}

import { countyWide, type OutboxEntry, type ScopedRepository } from '@fupin/kit';
import type { mongo } from 'mongoose';
import type { Household, IdClaimModel } from '../households/household.model';

/** What the registry has written on its household and member topics, as of `measuredAt`. */
export interface EventPosition {
  /** Events stored with their change but not yet published by the relay. */
  pendingEvents: number;
  /** When the oldest of them was stored; null when none is pending. */
  oldestPendingAt: Date | null;
  /** People with an active membership (one per ID number) and households, for comparison. */
  people: number;
  households: number;
  measuredAt: Date;
}

export type PendingDoc = { outbox?: Pick<OutboxEntry, 'topic' | 'createdAt'>[] };

const EVERY_HOUSEHOLD = countyWide("the registry's event position counts every household");

/**
 * 事件位置 — the registry's side of a view's freshness: the services that project its events
 * add these pending events to their Kafka lag (right after an import most events are still
 * in the outbox). Read from the database, so every registry instance answers the same.
 */
export class EventPositionService {
  constructor(
    private readonly deps: {
      households: ScopedRepository<Household>;
      /**
       * The households' raw collection, for their outboxes only (the schema does not select
       * them; only topic and time are read), as kit's relay reads them.
       */
      outboxes: mongo.Collection<PendingDoc>;
      claims: IdClaimModel;
      /** The topics views are built from (contract names, without prefix). */
      topics: string[];
      now: () => Date;
    },
  ) {}

  async position(): Promise<EventPosition> {
    const measuredAt = this.deps.now();
    const cursor = this.deps.outboxes.find(
      { hasOutbox: true },
      { projection: { 'outbox.topic': 1, 'outbox.createdAt': 1 } },
    );
    let pendingEvents = 0;
    let oldest: number | null = null;
    for await (const doc of cursor) {
      for (const e of doc.outbox ?? []) {
        if (!this.deps.topics.includes(e.topic)) continue;
        pendingEvents++;
        const at = new Date(e.createdAt).getTime();
        if (oldest === null || at < oldest) oldest = at;
      }
    }
    const [people, households] = await Promise.all([
      this.deps.claims.countDocuments({}),
      this.deps.households.count(EVERY_HOUSEHOLD),
    ]);
    return {
      pendingEvents,
      oldestPendingAt: oldest === null ? null : new Date(oldest),
      people,
      households,
      measuredAt,
    };
  }
}

import { randomUUID } from 'node:crypto';
import type { Envelope } from '@fupin/contracts';
import { findContract } from '@fupin/contracts';
import { context, trace } from '@opentelemetry/api';
import type { Producer } from 'kafkajs';
import { type Model, Schema, type mongo } from 'mongoose';

// Aggregate ids are ObjectIds or strings; the driver's filter typing only needs a stand-in.
type ObjectId = mongo.ObjectId;
import type { Logger } from 'pino';
import { type Metrics, metricsOf } from '../http/metrics';
import {
  contextOfTraceparent,
  currentTraceparent,
  endSpan,
  kitTracer,
  MESSAGING,
  SpanKind,
} from '../observability/tracing';
import { isDuplicateKey } from '../mongo';
import { topicName } from './client';

/** One relay's hold on one collection's outbox (`_id`: the collection's name). */
interface OutboxLease {
  _id: string;
  owner: string;
  until: Date;
}

/** The leases live next to the aggregates, in the service's own database. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see RelayOptions.models
function leasesOf(model: Model<any>): mongo.Collection<OutboxLease> {
  return model.db.collection('outbox_leases') as unknown as mongo.Collection<OutboxLease>;
}

/**
 * Transactional outbox without transactions: an aggregate's pending events are stored IN
 * the aggregate's own document, written by the same single-document operation as the
 * change itself (atomic in MongoDB and in every stand-in). The relay publishes them and
 * pulls them out; a crash between the two re-sends (never loses), and consumers are
 * idempotent by event id.
 */
export interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  value: string;
  createdAt: Date;
  /** The trace of the request (or consumed event) that caused the event, if any. */
  traceparent?: string;
}

interface OutboxDocument {
  _id: ObjectId;
  outbox: OutboxEntry[];
  hasOutbox: boolean;
  outboxLease: { owner: string; until: Date } | null;
}

/** The fields outboxPlugin adds; aggregate document types extend it. */
export interface OutboxFields {
  outbox?: OutboxEntry[];
  hasOutbox?: boolean;
  outboxLease?: { owner: string; until: Date } | null;
}

const outboxEntrySchema = new Schema<OutboxEntry>(
  {
    id: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    createdAt: { type: Date, required: true },
    traceparent: { type: String },
  },
  { _id: false },
);

/** Mongoose plugin: adds the outbox fields to an aggregate's schema. */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    outbox: { type: [outboxEntrySchema], default: [], select: false },
    hasOutbox: { type: Boolean, default: false },
    outboxLease: {
      type: new Schema({ owner: String, until: Date }, { _id: false }),
      default: null,
      select: false,
    },
  });
  schema.index({ hasOutbox: 1 });
}

/**
 * The stored form of an event. An event built while a request (or a consumed event) is being
 * handled gets that trace's `traceparent`, so consumers continue the same trace.
 */
function entryOf(event: Envelope): OutboxEntry {
  const contract = findContract(event.type, event.version);
  if (!contract) throw new Error(`no contract for ${event.type} v${event.version}`);
  const traceparent = event.traceparent ?? currentTraceparent();
  const stored = traceparent && !event.traceparent ? { ...event, traceparent } : event;
  return {
    id: event.id,
    topic: contract.topic,
    key: event.aggregateId,
    value: JSON.stringify(stored),
    createdAt: new Date(),
    ...(traceparent ? { traceparent } : {}),
  };
}

/** Fields to put in a new aggregate document so its first events are stored with it. */
export function withOutbox<T extends object>(doc: T, events: Envelope[]): T & OutboxFields {
  return { ...doc, outbox: events.map(entryOf), hasOutbox: events.length > 0 };
}

/**
 * Adds the events to an update of an existing aggregate, so the change and its events are
 * one single-document write: `Model.updateOne(filter, outboxUpdate({ $set: {...} }, events))`.
 */
export function outboxUpdate<U extends Record<string, unknown>>(update: U, events: Envelope[]): U {
  const set = (update.$set ?? {}) as Record<string, unknown>;
  const push = (update.$push ?? {}) as Record<string, unknown>;
  if ('outbox' in push || 'hasOutbox' in set)
    throw new Error('outboxUpdate: the update already touches the outbox');
  // No event, no flag: a flagged document with an empty outbox would only cost the relay a read.
  if (events.length === 0) return update;
  return {
    ...update,
    $set: { ...set, hasOutbox: true },
    $push: { ...push, outbox: { $each: events.map(entryOf) } },
  };
}

export interface RelayOptions {
  // Any model whose schema uses outboxPlugin; the documents' own shape does not matter here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  models: Model<any>[];
  producer: Producer;
  logger: Logger;
  topicPrefix?: string;
  /** Wait between polls while there is work (and after a failed pass); 500 ms by default. */
  pollMs?: number;
  /**
   * The longest wait between polls of an idle relay: each pass that finds nothing doubles the
   * wait, from `pollMs` up to this (16 × `pollMs` by default). A write in this process calls
   * `notify()`, which publishes at once; the polls only find events of other processes and
   * leases left by a crashed one. Polling every 500 ms kept the database busy with empty scans.
   */
  idlePollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  onPublished?: (count: number) => void;
  /** Where published events and failures are counted; by default the runtime's (from `producer`). */
  metrics?: Metrics;
}

/**
 * Polls the aggregates that have pending events and publishes them. Several relay instances
 * may run: one at a time holds a collection's short lease (`outbox_leases`) and publishes its
 * events, so they rarely publish the same event twice (and when they do, after a lease ran out
 * under a stalled holder, consumers drop the duplicate).
 */
export class OutboxRelay {
  private readonly owner = randomUUID();
  /** The collections whose outbox lease this relay has taken, released on stop. */
  private readonly leased = new Map<string, mongo.Collection<OutboxLease>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private wake = false;
  /** The wait before the next poll when the last pass found nothing. */
  private idleWait: number;
  private readonly metrics: Metrics | undefined;

  constructor(private readonly opts: RelayOptions) {
    this.metrics = opts.metrics ?? metricsOf(opts.producer, opts.logger);
    this.idleWait = this.pollMs;
  }

  private get pollMs(): number {
    return this.opts.pollMs ?? 500;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a pass soon (after a write), instead of waiting for the next poll. */
  notify(): void {
    if (this.stopped) return;
    this.idleWait = this.pollMs;
    if (this.running) this.wake = true;
    else this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.releaseLeases();
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((err: unknown) => {
          this.metrics?.outbox.failures.inc();
          this.opts.logger.warn({ err }, 'outbox relay pass failed; will retry');
          return -1;
        })
        .then((published) => {
          this.running = undefined;
          if (this.stopped) return;
          const again = this.wake;
          this.wake = false;
          if (again) return this.schedule(0);
          if (published !== 0) {
            // Work was found (or the pass failed): poll again soon.
            this.idleWait = this.pollMs;
            return this.schedule(this.pollMs);
          }
          const wait = this.idleWait;
          this.idleWait = Math.min(wait * 2, this.opts.idlePollMs ?? this.pollMs * 16);
          this.schedule(wait);
        });
    }, ms);
  }

  /** Publishes until nothing is pending. Returns how many events were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0 || this.stopped) return total;
    }
  }

  /** One pass over every model: claim a batch, publish it, remove what was published. */
  async runOnce(): Promise<number> {
    let published = 0;
    for (const model of this.opts.models) published += await this.relayModel(model);
    if (published > 0) this.opts.onPublished?.(published);
    return published;
  }

  /**
   * Takes (or renews) this relay's lease on one collection's outbox: one small document in
   * `outbox_leases`, held by one relay instance at a time and taken over by another when it runs
   * out (the holder crashed or stalled). Leasing each aggregate instead cost two more writes of
   * every aggregate (claim and release), and each write rewrites all of a document's index
   * entries. False when another relay holds it.
   */
  private async holdLease(
    leases: mongo.Collection<OutboxLease>,
    name: string,
    now: Date,
  ): Promise<boolean> {
    const until = new Date(now.getTime() + (this.opts.leaseMs ?? 30_000));
    try {
      await leases.updateOne(
        { _id: name, $or: [{ owner: this.owner }, { until: { $lt: now } }] },
        { $set: { owner: this.owner, until } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      // Held by another relay: the filter matched nothing and the upsert hit its id.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see RelayOptions.models
  private async relayModel(model: Model<any>): Promise<number> {
    // The raw collection: the relay touches only its own fields, no schema casting needed.
    const coll = model.collection as unknown as mongo.Collection<OutboxDocument>;
    const batch = this.opts.batchSize ?? 200;
    // Both reads are the equality the `hasOutbox` index serves on any engine; an idle pass is
    // the first read alone (no lease written while there is nothing to send).
    const waiting = await coll.findOne({ hasOutbox: true }, { projection: { _id: 1 } });
    if (!waiting) return 0;
    const leases = leasesOf(model);
    if (!(await this.holdLease(leases, coll.collectionName, new Date()))) return 0;
    this.leased.set(coll.collectionName, leases);
    const claimed = await coll
      .find({ hasOutbox: true }, { projection: { outbox: 1 } })
      .limit(batch)
      .toArray();
    if (claimed.length === 0) return 0;
    // Flagged with nothing to send (written so by an older version): unflagged, or a batch of
    // them would hide the documents behind it from every pass.
    const empty = claimed.filter((d) => d.outbox.length === 0);
    if (empty.length) await this.unflagEmpty(coll, empty);
    const withEvents = claimed.filter((d) => d.outbox.length > 0);
    if (withEvents.length === 0) return empty.length ? this.relayModel(model) : 0;

    const byTopic = new Map<
      string,
      { key: string; value: string; headers: Record<string, string> }[]
    >();
    // A PRODUCER span per event that belongs to a trace; its context travels in the header.
    const spans: ReturnType<ReturnType<typeof kitTracer>['startSpan']>[] = [];
    for (const doc of withEvents) {
      for (const e of doc.outbox) {
        const topic = topicName(this.opts.topicPrefix ?? '', e.topic);
        const headers: Record<string, string> = { 'event-id': e.id };
        if (e.traceparent) {
          const parent = contextOfTraceparent(e.traceparent);
          const span = kitTracer().startSpan(
            `publish ${topic}`,
            {
              kind: SpanKind.PRODUCER,
              attributes: {
                [MESSAGING.system]: 'kafka',
                [MESSAGING.operationType]: 'send',
                [MESSAGING.destination]: topic,
                [MESSAGING.messageId]: e.id,
                [MESSAGING.key]: e.key,
              },
            },
            parent,
          );
          spans.push(span);
          headers.traceparent = currentTraceparent(trace.setSpan(context.active(), span))!;
        }
        const list = byTopic.get(topic) ?? [];
        list.push({ key: e.key, value: e.value, headers });
        byTopic.set(topic, list);
      }
    }
    try {
      await this.opts.producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      for (const span of spans) endSpan(span);
      for (const [topic, messages] of byTopic)
        this.metrics?.outbox.published.inc({ topic }, messages.length);
    } catch (err) {
      for (const span of spans) endSpan(span, err);
      // The events stay in place; the next pass (this relay, or another once the lease runs
      // out) sends them again.
      throw err;
    }

    await this.finish(coll, withEvents);
    return withEvents.reduce((n, d) => n + d.outbox.length, 0);
  }

  private async unflagEmpty(
    coll: mongo.Collection<OutboxDocument>,
    empty: Pick<OutboxDocument, '_id'>[],
  ): Promise<void> {
    await coll.bulkWrite(
      empty.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id, outbox: { $size: 0 } },
          update: { $set: { hasOutbox: false } },
        },
      })),
      { ordered: false },
    );
  }

  /**
   * Removes the sent events: one write per document. The outbox is always a run of an
   * aggregate's events in the order they were appended (writers append, relays pull what they
   * sent from the front), so a document whose outbox still starts with the first event sent and
   * holds as many as were sent holds exactly those, and is emptied and unflagged at once. One
   * that gained events meanwhile has the sent ones pulled and stays flagged for the next pass;
   * one another relay already emptied (this one's lease ran out mid-pass) matches neither.
   */
  private async finish(
    coll: mongo.Collection<OutboxDocument>,
    claimed: Pick<OutboxDocument, '_id' | 'outbox'>[],
  ): Promise<void> {
    const sent = claimed.filter((d) => d.outbox.length > 0);
    if (sent.length === 0) return;
    const emptied = await coll.bulkWrite(
      sent.map((doc) => ({
        updateOne: {
          filter: {
            _id: doc._id,
            outbox: { $size: doc.outbox.length },
            'outbox.0.id': doc.outbox[0]!.id,
          },
          update: { $set: { outbox: [], hasOutbox: false } },
        },
      })),
      { ordered: false },
    );
    if (emptied.matchedCount === sent.length) return;
    // Which ones still hold sent events ('outbox.0.id' of the first sent is enough: what was
    // sent is a prefix, so a document still holding any of it starts with the first of them).
    const left = await coll
      .find(
        { _id: { $in: sent.map((d) => d._id) }, hasOutbox: true },
        { projection: { outbox: 1 } },
      )
      .toArray();
    const sentIds = new Map(sent.map((d) => [String(d._id), d.outbox.map((e) => e.id)]));
    const pulls = left
      .map((d) => ({ _id: d._id, ids: sentIds.get(String(d._id)) ?? [] }))
      .filter((d) => d.ids.length > 0);
    if (pulls.length === 0) return;
    await coll.bulkWrite(
      pulls.map((d) => ({
        updateOne: {
          filter: { _id: d._id },
          update: { $pull: { outbox: { id: { $in: d.ids } } } },
        },
      })),
      { ordered: false },
    );
  }

  /** Lets another relay take over at once after a clean stop (instead of after the lease). */
  private async releaseLeases(): Promise<void> {
    for (const [name, leases] of this.leased)
      await leases
        .updateOne({ _id: name, owner: this.owner }, { $set: { until: new Date(0) } })
        .catch((err: unknown) => this.opts.logger.warn({ err }, 'outbox lease not released'));
    this.leased.clear();
  }

  /** Events still waiting, for the outbox backlog metric and tests. */
  async backlog(): Promise<number> {
    let n = 0;
    for (const model of this.opts.models) n += await model.countDocuments({ hasOutbox: true });
    return n;
  }
}

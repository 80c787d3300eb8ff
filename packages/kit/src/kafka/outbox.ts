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
import { topicName } from './client';

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
 * may run: each claims documents with a short lease so they rarely publish the same event
 * twice (and when they do, consumers drop the duplicate).
 */
export class OutboxRelay {
  private readonly owner = randomUUID();
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

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see RelayOptions.models
  private async relayModel(model: Model<any>): Promise<number> {
    // The raw collection: the relay touches only its own fields, no schema casting needed.
    const coll = model.collection as unknown as mongo.Collection<OutboxDocument>;
    const now = new Date();
    const batch = this.opts.batchSize ?? 200;
    const until = new Date(now.getTime() + (this.opts.leaseMs ?? 30_000));
    // Every read here is an equality an index serves on any engine: SecantusDB plans no index
    // for an `$or`, so "pending and not leased" scanned the whole collection on every pass. The
    // pending documents are few; which of them are free is decided here and by the claims below.
    const pending = await coll
      .find({ hasOutbox: true }, { projection: { _id: 1, outboxLease: 1 } })
      .limit(batch * 2)
      .toArray();
    const ids = pending
      .filter((d) => !d.outboxLease || d.outboxLease.until < now)
      .slice(0, batch)
      .map((d) => d._id);
    if (ids.length === 0) return 0;
    // Two claims, each keyed by id: a free lease (null) or one that has run out.
    const lease = { $set: { outboxLease: { owner: this.owner, until } } };
    await coll.updateMany({ _id: { $in: ids }, outboxLease: null }, lease);
    if (pending.some((d) => d.outboxLease && d.outboxLease.until < now))
      await coll.updateMany({ _id: { $in: ids }, 'outboxLease.until': { $lt: now } }, lease);
    const claimed = await coll
      .find({ _id: { $in: ids }, 'outboxLease.owner': this.owner }, { projection: { outbox: 1 } })
      .toArray();
    if (claimed.length === 0) return 0;

    const byTopic = new Map<
      string,
      { key: string; value: string; headers: Record<string, string> }[]
    >();
    // A PRODUCER span per event that belongs to a trace; its context travels in the header.
    const spans: ReturnType<ReturnType<typeof kitTracer>['startSpan']>[] = [];
    for (const doc of claimed) {
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
      // Leave the events in place; release the lease so the next pass (any relay) retries.
      await coll.updateMany(
        { _id: { $in: ids }, 'outboxLease.owner': this.owner },
        { $set: { outboxLease: null } },
      );
      throw err;
    }

    await this.finish(coll, claimed);
    return claimed.reduce((n, d) => n + d.outbox.length, 0);
  }

  /**
   * Removes the sent events and releases the claim. Each write rewrites the whole document and
   * every one of its index entries (SecantusDB's cost grows with both), so the common case is one
   * write per document: its outbox still holds just the events sent (only the lease holder
   * removes events, and nobody appended since the claim, so the size says so), and it is emptied,
   * unflagged and released at once. A document that gained events meanwhile has the sent ones
   * pulled and stays flagged for the next pass. A claim another relay took over (the lease ran
   * out) matches neither write: that relay sends the events again, and consumers drop the repeat.
   */
  private async finish(
    coll: mongo.Collection<OutboxDocument>,
    claimed: Pick<OutboxDocument, '_id' | 'outbox'>[],
  ): Promise<void> {
    const mine = (doc: Pick<OutboxDocument, '_id'>) => ({
      _id: doc._id,
      'outboxLease.owner': this.owner,
    });
    const emptied = await coll.bulkWrite(
      claimed.map((doc) => ({
        updateOne: {
          filter: { ...mine(doc), outbox: { $size: doc.outbox.length } },
          update: { $set: { outbox: [], hasOutbox: false, outboxLease: null } },
        },
      })),
      { ordered: false },
    );
    if (emptied.matchedCount === claimed.length) return;
    const grown = new Set(
      (
        await coll
          .find(
            { _id: { $in: claimed.map((d) => d._id) }, 'outboxLease.owner': this.owner },
            { projection: { _id: 1 } },
          )
          .toArray()
      ).map((d) => String(d._id)),
    );
    const left = claimed.filter((d) => grown.has(String(d._id)));
    if (left.length === 0) return;
    await coll.bulkWrite(
      left.map((doc) => ({
        updateOne: {
          filter: mine(doc),
          update: {
            $pull: { outbox: { id: { $in: doc.outbox.map((e) => e.id) } } },
            $set: { outboxLease: null },
          },
        },
      })),
      { ordered: false },
    );
  }

  /** Events still waiting, for the outbox backlog metric and tests. */
  async backlog(): Promise<number> {
    let n = 0;
    for (const model of this.opts.models) n += await model.countDocuments({ hasOutbox: true });
    return n;
  }
}

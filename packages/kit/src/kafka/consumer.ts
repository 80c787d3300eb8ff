import { ContractViolation, decodeEvent, type Envelope } from '@fupin/contracts';
import { context, trace } from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { type Connection, type Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { type Metrics, metricsOf } from '../http/metrics';
import { isDuplicateKey } from '../mongo';
import {
  contextOfTraceparent,
  endSpan,
  MESSAGING,
  SpanKind,
  kitTracer,
} from '../observability/tracing';
import { dlqTopic, topicName } from './client';

export interface EventContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

export type EventHandler = (event: Envelope, ctx: EventContext) => Promise<void>;

/**
 * Handles the new events of one fetched batch (one topic-partition, in offset order, already
 * validated, duplicates removed) in one call, so a projection can read and write them in bulk.
 */
export type BatchHandler = (
  events: Envelope[],
  ctx: { topic: string; partition: number },
) => Promise<void>;

export interface ConsumerOptions {
  kafka: Kafka;
  /** The service's own connection: processed event ids are stored in its database. */
  conn: Connection;
  /** Producer used to write poison messages to `<topic>.dlq`. */
  producer: Producer;
  groupId: string;
  /** Contract topics (without prefix). */
  topics: string[];
  topicPrefix?: string;
  /**
   * One event at a time: the whole handler when there is no `handleBatch`; with one, the path
   * a batch falls back to when it fails, so a poison event is retried and dead-lettered alone
   * (without it the batch handler is called with that one event).
   */
  handle?: EventHandler;
  /** The new events of a fetched batch in one call (see BatchHandler). */
  handleBatch?: BatchHandler;
  /**
   * The handler itself makes a repeated event change nothing (a projection guarded by the
   * aggregate's revision): no processed-event id is read or stored for this group, which saves
   * one stored document per event on a county-sized import. Leave unset unless a test shows a
   * redelivered event changes nothing.
   */
  idempotentHandler?: boolean;
  /** The most events handed to `handleBatch` at once; a bigger fetch is cut into pieces. */
  maxBatchEvents?: number;
  logger: Logger;
  /** Attempts before a failing message goes to the DLQ (contract violations go at once). */
  maxAttempts?: number;
  retryDelayMs?: number;
  fromBeginning?: boolean;
  /** Where throughput and lag are reported; by default the metrics of the runtime that opened `kafka`. */
  metrics?: Metrics;
}

interface ProcessedEvent {
  _id: string;
  group: string;
  eventId: string;
  type: string;
  at: Date;
}

const processedSchema = new Schema<ProcessedEvent>(
  {
    _id: String,
    group: { type: String, required: true },
    eventId: { type: String, required: true },
    type: String,
    at: { type: Date, required: true },
  },
  { collection: 'processed_events', versionKey: false },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : one.toString();
}

/**
 * A Kafka consumer with idempotent handling and a dead-letter queue:
 * - every message is validated against its contract; a violation goes to the DLQ at once;
 * - an event id already processed by this group is skipped (redelivery is a no-op), unless
 *   the handler is idempotent itself (`idempotentHandler`), when nothing is recorded;
 * - a failing handler is retried with backoff, then the message goes to the DLQ with the
 *   error and the consumer moves on (one poison message never blocks a partition).
 * Each message is handled in a CONSUMER span that continues the producer's trace (the
 * `traceparent` header, else the envelope's), so events the handler causes carry it on.
 * Throughput, handling time and per-partition lag are reported to the service's metrics.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly processed: Model<ProcessedEvent>;
  private readonly log: Logger;
  private joined: Promise<void>;
  private resolveJoined!: () => void;
  private readonly metrics: Metrics | undefined;
  /** Lag per `topic:partition` this instance owns, from kafkajs' batch instrumentation. */
  private readonly lag = new Map<string, { topic: string; partition: number; lag: number }>();
  private unwatch: (() => void) | undefined;

  constructor(private readonly opts: ConsumerOptions) {
    if (!opts.handle && !opts.handleBatch)
      throw new Error('EventConsumer: give handle, handleBatch or both');
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
      // An idle fetch is answered after at most a second (kafkajs waits 5 s by default): a stop
      // waits for the fetch in flight, and a service stops several consumers within its
      // shutdown's ten seconds.
      maxWaitTimeInMs: 1000,
      retry: { retries: 10 },
    });
    this.processed =
      (opts.conn.models.ProcessedEvent as Model<ProcessedEvent> | undefined) ??
      opts.conn.model<ProcessedEvent>('ProcessedEvent', processedSchema);
    this.log = opts.logger.child({ component: 'consumer', group: opts.groupId });
    this.joined = new Promise((r) => (this.resolveJoined = r));
    this.consumer.on(this.consumer.events.GROUP_JOIN, (e) => {
      // After a rebalance, partitions now owned by another instance are not ours to report.
      const assigned = new Set(
        Object.entries(e.payload.memberAssignment).flatMap(([topic, partitions]) =>
          partitions.map((p) => `${topic}:${p}`),
        ),
      );
      for (const k of this.lag.keys()) if (!assigned.has(k)) this.lag.delete(k);
      this.resolveJoined();
    });
    this.metrics = opts.metrics ?? metricsOf(opts.kafka, opts.producer, opts.logger);
    const track = (topic: string, partition: number, lag: number) => {
      if (Number.isFinite(lag))
        this.lag.set(`${topic}:${partition}`, { topic, partition, lag: Math.max(lag, 0) });
    };
    // When a batch arrives, everything from its first message on is waiting (kafkajs' "low"
    // lag counts from the message after the first); when it is done, what is behind it.
    this.consumer.on(this.consumer.events.START_BATCH_PROCESS, ({ payload: p }) =>
      track(p.topic, p.partition, Number(p.offsetLagLow) + (p.batchSize > 0 ? 1 : 0)),
    );
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload: p }) =>
      track(p.topic, p.partition, Number(p.offsetLag)),
    );
  }

  /** Subscribes and starts; resolves once the group is joined and partitions are assigned. */
  async start(): Promise<void> {
    await this.consumer.connect();
    this.unwatch = this.metrics?.watchConsumerLag({
      group: this.opts.groupId,
      lag: () => this.lag,
    });
    for (const t of this.opts.topics) {
      await this.consumer.subscribe({
        topic: topicName(this.opts.topicPrefix ?? '', t),
        fromBeginning: this.opts.fromBeginning ?? true,
      });
    }
    await this.consumer.run({
      autoCommit: true,
      // Offsets are resolved as pieces of a batch are done, so a stop or a rebalance in the
      // middle of a big fetch redelivers only what was not yet handled.
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        await this.processBatch(payload);
      },
    });
    await this.joined;
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.consumer.disconnect();
  }

  private handleOne(event: Envelope, ctx: EventContext): Promise<void> {
    if (this.opts.handle) return this.opts.handle(event, ctx);
    return this.opts.handleBatch!([event], { topic: ctx.topic, partition: ctx.partition });
  }

  /**
   * A fetched batch, piece by piece: each piece is decoded, its already processed ids found by
   * one query, its new events handled by one call and recorded by one insert. A single-event
   * consumer (no `handleBatch`) keeps handling message by message.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
    const size = this.opts.handleBatch ? (this.opts.maxBatchEvents ?? 500) : 1;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!isRunning() || isStale()) return;
      const piece = batch.messages.slice(i, i + size);
      if (this.opts.handleBatch) await this.processPiece(batch.topic, batch.partition, piece);
      else await this.process(batch.topic, batch.partition, piece[0]!);
      resolveOffset(piece[piece.length - 1]!.offset);
      await heartbeat();
    }
  }

  private async processPiece(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
  ): Promise<void> {
    const group = this.opts.groupId;
    const started = performance.now();
    const count = (outcome: string, n = 1) => {
      if (n > 0) this.metrics?.kafka.consumerMessages.inc({ topic, group, outcome }, n);
    };
    const decoded: { message: KafkaMessage; event: Envelope }[] = [];
    for (const message of messages) {
      try {
        decoded.push({ message, event: decodeEvent(message.value, topic) });
      } catch {
        // A contract violation goes to the DLQ at once, alone, on the per-message path.
        await this.process(topic, partition, message);
      }
    }
    const seen = await this.alreadyProcessed(decoded.map((d) => `${group}:${d.event.id}`));
    const fresh: typeof decoded = [];
    for (const d of decoded) {
      const id = `${group}:${d.event.id}`;
      // A redelivery in the same fetch counts as a duplicate too.
      if (seen.has(id)) continue;
      seen.add(id);
      fresh.push(d);
    }
    count('duplicate', decoded.length - fresh.length);
    if (fresh.length === 0) return;

    const spans = fresh.map(({ message, event }) =>
      kitTracer().startSpan(
        `process ${topic}`,
        {
          kind: SpanKind.CONSUMER,
          attributes: this.spanAttributes(topic, partition, message, event),
        },
        contextOfTraceparent(headerString(message.headers, 'traceparent') ?? event.traceparent),
      ),
    );
    // A batch of one keeps the event's own trace, so what its handler causes carries it on.
    const active =
      spans.length === 1 ? trace.setSpan(context.active(), spans[0]!) : context.active();
    try {
      await context.with(active, () =>
        this.opts.handleBatch!(
          fresh.map((d) => d.event),
          { topic, partition },
        ),
      );
    } catch (err) {
      for (const span of spans) endSpan(span, err);
      this.log.warn(
        { err, topic, partition, events: fresh.length },
        'batch handler failed; handling its events one by one',
      );
      for (const { message, event } of fresh) await this.process(topic, partition, message, event);
      return;
    }
    await this.markAllProcessed(fresh.map((d) => d.event));
    for (const span of spans) endSpan(span);
    const perEvent = (performance.now() - started) / 1000 / fresh.length;
    for (let i = 0; i < fresh.length; i++)
      this.metrics?.kafka.consumerDuration.observe({ topic, group }, perEvent);
    count('processed', fresh.length);
  }

  /** The ids of a piece this group handled before (none read when the handler is idempotent). */
  private async alreadyProcessed(ids: string[]): Promise<Set<string>> {
    if (this.opts.idempotentHandler) return new Set();
    const found = await this.processed.find({ _id: { $in: ids } }, { _id: 1 }).lean();
    return new Set(found.map((d) => d._id));
  }

  /** One insert for a whole batch; an id another instance recorded meanwhile is no error. */
  private async markAllProcessed(events: Envelope[]): Promise<void> {
    if (this.opts.idempotentHandler) return;
    const at = new Date();
    try {
      await this.processed.insertMany(
        events.map((e) => ({
          _id: `${this.opts.groupId}:${e.id}`,
          group: this.opts.groupId,
          eventId: e.id,
          type: e.type,
          at,
        })),
        { ordered: false },
      );
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  private spanAttributes(
    topic: string,
    partition: number,
    message: KafkaMessage,
    event: Envelope | undefined,
  ) {
    return {
      [MESSAGING.system]: 'kafka',
      [MESSAGING.operationType]: 'process',
      [MESSAGING.destination]: topic,
      [MESSAGING.consumerGroup]: this.opts.groupId,
      [MESSAGING.partition]: String(partition),
      [MESSAGING.offset]: Number(message.offset),
      ...(event ? { [MESSAGING.messageId]: event.id, 'fupin.event.type': event.type } : {}),
    };
  }

  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    decoded?: Envelope,
  ): Promise<void> {
    const group = this.opts.groupId;
    let event: Envelope | undefined = decoded;
    try {
      event ??= decodeEvent(message.value, topic);
    } catch {
      // Undecodable: no envelope to read a trace from, the header may still carry one.
    }
    const parent = contextOfTraceparent(
      headerString(message.headers, 'traceparent') ?? event?.traceparent,
    );
    const span = kitTracer().startSpan(
      `process ${topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: this.spanAttributes(topic, partition, message, event),
      },
      parent,
    );
    const stopTimer = this.metrics?.kafka.consumerDuration.startTimer({ topic, group });
    let outcome = 'processed';
    try {
      outcome = await context.with(trace.setSpan(parent, span), () =>
        this.processDecoded(topic, partition, message, event),
      );
      endSpan(span, outcome === 'dead_lettered' ? new Error('sent to the DLQ') : undefined);
    } catch (err) {
      endSpan(span, err);
      throw err;
    } finally {
      stopTimer?.();
      this.metrics?.kafka.consumerMessages.inc({ topic, group, outcome });
    }
  }

  private async processDecoded(
    topic: string,
    partition: number,
    message: KafkaMessage,
    decoded: Envelope | undefined,
  ): Promise<'processed' | 'duplicate' | 'dead_lettered'> {
    let event: Envelope;
    try {
      event = decoded ?? decodeEvent(message.value, topic);
    } catch (err) {
      await this.deadLetter(topic, partition, message, err, 1);
      return 'dead_lettered';
    }
    const id = `${this.opts.groupId}:${event.id}`;
    if ((await this.alreadyProcessed([id])).size > 0) {
      this.log.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
      return 'duplicate';
    }
    const maxAttempts = this.opts.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleOne(event, { topic, partition, offset: message.offset, attempt });
        await this.markProcessed(id, event);
        return 'processed';
      } catch (err) {
        if (err instanceof ContractViolation || attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, err, attempt);
          return 'dead_lettered';
        }
        this.metrics?.kafka.consumerMessages.inc({
          topic,
          group: this.opts.groupId,
          outcome: 'retried',
        });
        const delay = Math.min((this.opts.retryDelayMs ?? 200) * 2 ** (attempt - 1), 10_000);
        this.log.warn(
          { err, eventId: event.id, attempt, delayMs: delay },
          'event handler failed; retrying',
        );
        await sleep(delay);
      }
    }
  }

  private async markProcessed(id: string, event: Envelope): Promise<void> {
    if (this.opts.idempotentHandler) return;
    try {
      await this.processed.create({
        _id: id,
        group: this.opts.groupId,
        eventId: event.id,
        type: event.type,
        at: new Date(),
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    err: unknown,
    attempts: number,
  ): Promise<void> {
    const reason = err instanceof Error ? err.message : String(err);
    const code = err instanceof ContractViolation ? err.code : 'EVENT_HANDLER_FAILED';
    this.log.error(
      {
        topic,
        partition,
        offset: message.offset,
        code,
        attempts,
        eventId: headerString(message.headers, 'event-id'),
      },
      `message sent to DLQ: ${reason}`,
    );
    await this.opts.producer.send({
      topic: dlqTopic(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-error': reason.slice(0, 4000),
            'dlq-error-code': code,
            'dlq-attempts': String(attempts),
            'dlq-original-topic': topic,
            'dlq-original-partition': String(partition),
            'dlq-original-offset': message.offset,
            'dlq-consumer-group': this.opts.groupId,
            'dlq-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
  }
}

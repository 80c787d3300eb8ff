import { ContractViolation, decodeEvent, type Envelope } from '@fupin/contracts';
import { context, trace } from '@opentelemetry/api';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { type Connection, type Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
import { type Metrics, metricsOf } from '../http/metrics';
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
  handle: EventHandler;
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
 * - an event id already processed by this group is skipped (redelivery is a no-op);
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
    this.consumer = opts.kafka.consumer({
      groupId: opts.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3000,
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
      eachMessage: async ({ topic, partition, message }) => {
        await this.process(topic, partition, message);
      },
    });
    await this.joined;
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    await this.consumer.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const group = this.opts.groupId;
    let event: Envelope | undefined;
    try {
      event = decodeEvent(message.value, topic);
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
        attributes: {
          [MESSAGING.system]: 'kafka',
          [MESSAGING.operationType]: 'process',
          [MESSAGING.destination]: topic,
          [MESSAGING.consumerGroup]: group,
          [MESSAGING.partition]: String(partition),
          [MESSAGING.offset]: Number(message.offset),
          ...(event ? { [MESSAGING.messageId]: event.id, 'fupin.event.type': event.type } : {}),
        },
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
    if (await this.processed.exists({ _id: id })) {
      this.log.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
      return 'duplicate';
    }
    const maxAttempts = this.opts.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.opts.handle(event, { topic, partition, offset: message.offset, attempt });
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
    try {
      await this.processed.create({
        _id: id,
        group: this.opts.groupId,
        eventId: event.id,
        type: event.type,
        at: new Date(),
      });
    } catch (err) {
      if ((err as { code?: unknown }).code !== 11000) throw err;
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

import { ContractViolation, decodeEvent, type Envelope } from '@fupin/contracts';
import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { type Connection, type Model, Schema } from 'mongoose';
import type { Logger } from 'pino';
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
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly processed: Model<ProcessedEvent>;
  private readonly log: Logger;
  private joined: Promise<void>;
  private resolveJoined!: () => void;

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
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.resolveJoined());
  }

  /** Subscribes and starts; resolves once the group is joined and partitions are assigned. */
  async start(): Promise<void> {
    await this.consumer.connect();
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
    await this.consumer.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    let event: Envelope;
    try {
      event = decodeEvent(message.value, topic);
    } catch (err) {
      await this.deadLetter(topic, partition, message, err, 1);
      return;
    }
    const id = `${this.opts.groupId}:${event.id}`;
    if (await this.processed.exists({ _id: id })) {
      this.log.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
      return;
    }
    const maxAttempts = this.opts.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.opts.handle(event, { topic, partition, offset: message.offset, attempt });
        await this.markProcessed(id, event);
        return;
      } catch (err) {
        if (err instanceof ContractViolation || attempt >= maxAttempts) {
          await this.deadLetter(topic, partition, message, err, attempt);
          return;
        }
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

import { createEvent, type Envelope, SYSTEM_ACTOR } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import { type Model, Schema } from 'mongoose';
import { EventConsumer } from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged } from './fixtures/widget';

const AREA = '431121000000';
let ctx: Awaited<ReturnType<typeof kitContext>>;
let topic: string;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
  topic = `${ctx.prefix}.${WidgetChanged.topic}`;
});
afterAll(async () => {
  await ctx.close();
});

interface Applied {
  _id: string;
  count: number;
}
const appliedModel = (): Model<Applied> =>
  (ctx.conn.models.Applied as Model<Applied> | undefined) ??
  ctx.conn.model<Applied>('Applied', new Schema<Applied>({ _id: String, count: Number }));

const widget = (count: number) =>
  createEvent(WidgetChanged, {
    aggregateId: 'w1',
    areaCode: AREA,
    actor: SYSTEM_ACTOR,
    payload: { name: 'widget', count },
  });

const unlucky = (e: Envelope) => (e.payload as { count: number }).count === 13;

test('a poison event in a batch goes to the DLQ alone while the rest of the batch is applied', async () => {
  const Applied = appliedModel();
  const batches: number[] = [];
  const write = (events: Envelope[]) =>
    Applied.insertMany(
      events.map((e) => ({ _id: e.id, count: (e.payload as { count: number }).count })),
    );
  const consumer = new EventConsumer({
    kafka: ctx.kafka,
    conn: ctx.conn,
    producer: ctx.producer,
    groupId: `${ctx.prefix}-batch`,
    topics: [WidgetChanged.topic],
    topicPrefix: ctx.prefix,
    logger: ctx.logger,
    maxAttempts: 2,
    retryDelayMs: 10,
    // All or nothing, as a bulk write of a projection would be.
    handleBatch: async (events) => {
      batches.push(events.length);
      if (events.some(unlucky)) throw new Error('thirteen is unlucky');
      await write(events);
    },
    handle: async (event) => {
      if (unlucky(event)) throw new Error('thirteen is unlucky');
      await write([event]);
    },
  });
  const good = [1, 2, 4, 5].map(widget);
  const poison = widget(13);
  const notAnEvent = 'not json at all';
  // Published together before the consumer starts, so one fetch holds them all.
  await ctx.producer.send({
    topic,
    acks: -1,
    messages: [good[0]!, good[1]!, poison, notAnEvent, good[2]!, good[3]!].map((e) => ({
      key: 'w1',
      value: typeof e === 'string' ? e : JSON.stringify(e),
    })),
  });
  const dlq = await collectTopics(ctx.kafka, [`${topic}.dlq`], `${ctx.prefix}-dlq-observer`);
  await consumer.start();
  try {
    await eventually(async () => expect(await Applied.countDocuments()).toBe(4));
    await eventually(() => expect(dlq.messages).toHaveLength(2));

    expect(batches[0]).toBe(5);
    const applied = await Applied.find({}).lean();
    expect(applied.map((a) => a.count).sort()).toEqual([1, 2, 4, 5]);
    const byCode = new Map(dlq.messages.map((m) => [m.headers['dlq-error-code'], m]));
    expect(byCode.get('EVENT_CONTRACT_VIOLATION')?.value).toBe(notAnEvent);
    expect(byCode.get('EVENT_CONTRACT_VIOLATION')?.headers['dlq-attempts']).toBe('1');
    const failed = byCode.get('EVENT_HANDLER_FAILED');
    expect(failed?.value).toBe(JSON.stringify(poison));
    expect(failed?.headers['dlq-attempts']).toBe('2');
    expect(failed?.headers['dlq-error']).toMatch(/thirteen is unlucky/);
  } finally {
    await consumer.stop();
    await dlq.stop();
  }
});

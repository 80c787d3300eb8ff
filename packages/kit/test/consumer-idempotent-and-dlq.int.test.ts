import { createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import { type Model, Schema } from 'mongoose';
import { type ConsumerOptions, EventConsumer } from '../src';
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

interface TallyDoc {
  _id: string;
  applied: number;
  total: number;
}
const tally = (): Model<TallyDoc> => {
  if (ctx.conn.models.Tally) return ctx.conn.model<TallyDoc>('Tally');
  return ctx.conn.model<TallyDoc>(
    'Tally',
    new Schema<TallyDoc>({ _id: String, applied: Number, total: Number }),
  );
};

function event(count: number, aggregateId = 'w1') {
  return createEvent(WidgetChanged, {
    aggregateId,
    areaCode: AREA,
    actor: SYSTEM_ACTOR,
    payload: { name: 'widget', count },
  });
}

/** A consumer of the widget topic in its own group. */
function consumerFor(
  group: string,
  opts: Pick<ConsumerOptions, 'handle' | 'maxAttempts' | 'retryDelayMs' | 'idempotentHandler'>,
) {
  return new EventConsumer({
    kafka: ctx.kafka,
    conn: ctx.conn,
    producer: ctx.producer,
    groupId: `${ctx.prefix}-${group}`,
    topics: [WidgetChanged.topic],
    topicPrefix: ctx.prefix,
    logger: ctx.logger,
    ...opts,
  });
}

async function send(value: string, key = 'w1') {
  await ctx.producer.send({ topic, acks: -1, messages: [{ key, value }] });
}

test('the same event delivered twice is applied once', async () => {
  const Tally = tally();
  const consumer = consumerFor('idem', {
    handle: async (e) => {
      const p = e.payload as { count: number };
      await Tally.updateOne(
        { _id: 'idem' },
        { $inc: { applied: 1, total: p.count } },
        { upsert: true },
      );
    },
  });
  await consumer.start();
  try {
    const dup = event(5);
    await send(JSON.stringify(dup));
    await send(JSON.stringify(dup)); // redelivery: same event id
    await send(JSON.stringify(event(7))); // a different event after it, same partition

    await eventually(async () => expect((await Tally.findById('idem').lean())?.applied).toBe(2));
    const t = await Tally.findById('idem').lean();
    expect(t?.total).toBe(12);
  } finally {
    await consumer.stop();
  }
});

test('a consumer whose handler is idempotent itself sees the redelivery and stores no event id', async () => {
  const seen: string[] = [];
  const consumer = consumerFor('own-idem', {
    idempotentHandler: true,
    // The group reads the topic from its beginning: only this test's widget counts.
    handle: async (e) => {
      if (e.aggregateId === 'w-own') seen.push(e.id);
    },
  });
  await consumer.start();
  try {
    const dup = event(5, 'w-own');
    await send(JSON.stringify(dup), 'w-own');
    await send(JSON.stringify(dup), 'w-own');
    await eventually(async () => expect(seen).toEqual([dup.id, dup.id]));
    const processed = ctx.conn.collection('processed_events');
    expect(await processed.countDocuments({ group: `${ctx.prefix}-own-idem` })).toBe(0);
  } finally {
    await consumer.stop();
  }
});

test('a message that fails validation goes to the DLQ with the error, and the consumer keeps going', async () => {
  const Tally = tally();
  const dlq = await collectTopics(ctx.kafka, [`${topic}.dlq`], `${ctx.prefix}-dlq-observer`);
  const consumer = consumerFor('dlq', {
    maxAttempts: 3,
    retryDelayMs: 20,
    handle: async (e) => {
      const p = e.payload as { count: number };
      if (e.aggregateId !== 'w9') return; // the first test's events are on the topic too
      if (p.count === 13) throw new Error('thirteen is unlucky');
      await Tally.updateOne({ _id: 'dlq' }, { $inc: { applied: 1 } }, { upsert: true });
    },
  });
  await consumer.start();
  try {
    const bad = { ...event(1, 'w9'), payload: { name: 'widget', count: 'many' } };
    await send(JSON.stringify(bad), 'w9');
    await send('not json at all', 'w9');
    await send(JSON.stringify(event(13, 'w9')), 'w9');
    await send(JSON.stringify(event(2, 'w9')), 'w9');

    await eventually(() => expect(dlq.messages).toHaveLength(3));
    const [invalid, notJson, failing] = dlq.messages;
    expect(invalid?.headers['dlq-error-code']).toBe('EVENT_CONTRACT_VIOLATION');
    expect(invalid?.headers['dlq-error']).toMatch(/payload\.count/);
    expect(invalid?.headers['dlq-attempts']).toBe('1');
    expect(invalid?.value).toBe(JSON.stringify(bad));
    expect(invalid?.key).toBe('w9');
    expect(notJson?.headers['dlq-error']).toMatch(/not JSON/);
    expect(failing?.headers['dlq-error-code']).toBe('EVENT_HANDLER_FAILED');
    expect(failing?.headers['dlq-error']).toMatch(/thirteen is unlucky/);
    expect(failing?.headers['dlq-attempts']).toBe('3');
    expect(failing?.headers['dlq-original-topic']).toBe(topic);

    // The good message after the poison ones was handled.
    await eventually(async () => expect((await Tally.findById('dlq').lean())?.applied).toBe(1));
  } finally {
    await consumer.stop();
    await dlq.stop();
  }
});

import { collectTopics, eventually } from '@fupin/testing';
import { OutboxRelay, outboxUpdate, withOutbox } from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged, widgetChanged, widgetModel } from './fixtures/widget';

let ctx: Awaited<ReturnType<typeof kitContext>>;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
});
afterAll(async () => {
  await ctx.close();
});

test('events written while the relay is down are published once it restarts, in order, and leave the outbox', async () => {
  const Widget = widgetModel(ctx.conn);
  const topic = `${ctx.prefix}.${WidgetChanged.topic}`;
  const seen = await collectTopics(ctx.kafka, [topic], `${ctx.prefix}-observer`);

  // The relay "crashed" after the write: nothing runs while the change is committed.
  const first = widgetChanged('w1', 1);
  await Widget.create(withOutbox({ _id: 'w1', name: 'w-w1', count: 1 }, [first]));
  const second = widgetChanged('w1', 2);
  await Widget.updateOne({ _id: 'w1' }, outboxUpdate({ $set: { count: 2 } }, [second]));

  await new Promise((r) => setTimeout(r, 1500));
  expect(seen.messages).toHaveLength(0);
  const stored = await Widget.findById('w1').select('+outbox').lean();
  expect(stored?.count).toBe(2);
  expect(stored?.hasOutbox).toBe(true);

  // Restart: a new relay instance publishes what was left behind.
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    pollMs: 100,
  });
  relay.start();
  try {
    await eventually(() => expect(seen.messages).toHaveLength(2));
    expect(seen.messages.map((m) => JSON.parse(m.value ?? '{}').id)).toEqual([first.id, second.id]);
    expect(seen.messages.every((m) => m.key === 'w1')).toBe(true);
    expect(seen.messages[0]?.headers['event-id']).toBe(first.id);

    await eventually(async () => {
      const after = await Widget.findById('w1').select('+outbox').lean();
      expect(after?.outbox).toEqual([]);
      expect(after?.hasOutbox).toBe(false);
    });
    expect(await relay.backlog()).toBe(0);
  } finally {
    await relay.stop();
    await seen.stop();
  }
});

test('an event appended after a pass stays pending and is published by the next pass, once', async () => {
  const Widget = widgetModel(ctx.conn);
  await Widget.create(withOutbox({ _id: 'w2', name: 'w-w2', count: 1 }, [widgetChanged('w2', 1)]));
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
  });

  expect(await relay.runOnce()).toBe(1);
  await Widget.updateOne(
    { _id: 'w2' },
    outboxUpdate({ $set: { count: 3 } }, [widgetChanged('w2', 3)]),
  );

  const pending = await Widget.findById('w2').select('+outbox').lean();
  expect(pending?.hasOutbox).toBe(true);
  expect(pending?.outbox).toHaveLength(1);
  expect(await relay.runOnce()).toBe(1);
  expect(await relay.runOnce()).toBe(0);
});

import { createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { collectTopics, eventually } from '@fupin/testing';
import { OutboxRelay, withOutbox } from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged, widgetModel } from './fixtures/widget';

let ctx: Awaited<ReturnType<typeof kitContext>>;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
});
afterAll(async () => {
  await ctx.close();
});

test('an idle relay doubles its wait between polls; a write is published at once all the same', async () => {
  const Widget = widgetModel(ctx.conn);
  const topic = `${ctx.prefix}.${WidgetChanged.topic}`;
  const seen = await collectTopics(ctx.kafka, [topic], `${ctx.prefix}-observer`);
  const polls: number[] = [];
  const findOne = Widget.collection.findOne.bind(Widget.collection);
  // Every pass starts with one `findOne` of a pending document: count the passes.
  jest
    .spyOn(Widget.collection, 'findOne')
    .mockImplementation((...args: Parameters<typeof findOne>) => {
      polls.push(Date.now());
      return findOne(...args);
    });
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    pollMs: 50,
    idlePollMs: 3200,
  });
  const started = Date.now();
  relay.start();
  try {
    // Waits of 50, 100, 200, 400, 800 ms before the sixth pass: it comes ~1.5 s after the
    // start, where a fixed 50 ms poll reaches its sixth pass after 0.25 s.
    await eventually(() => expect(polls.length).toBeGreaterThanOrEqual(6), {
      timeoutMs: 15_000,
      intervalMs: 5,
    });
    expect(polls[5]! - started).toBeGreaterThanOrEqual(1200);
    expect(polls[5]! - polls[4]!).toBeGreaterThanOrEqual(700);

    // The relay now waits 1.6 s. A write in this process: notify() publishes it at once.
    const event = createEvent(WidgetChanged, {
      aggregateId: 'w1',
      areaCode: '431121000000',
      actor: SYSTEM_ACTOR,
      payload: { name: 'w-w1', count: 1 },
    });
    await Widget.create(withOutbox({ _id: 'w1', name: 'w-w1', count: 1 }, [event]));
    const written = Date.now();
    relay.notify();
    await eventually(() => expect(seen.messages).toHaveLength(1), {
      timeoutMs: 5000,
      intervalMs: 20,
    });
    expect(Date.now() - written).toBeLessThan(1200);
    expect(JSON.parse(seen.messages[0]!.value ?? '{}').id).toBe(event.id);
  } finally {
    await relay.stop();
    await seen.stop();
    jest.restoreAllMocks();
  }
});

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

test('an idle relay doubles its wait between polls up to the limit; a write is published at once', async () => {
  const Widget = widgetModel(ctx.conn);
  const topic = `${ctx.prefix}.${WidgetChanged.topic}`;
  const seen = await collectTopics(ctx.kafka, [topic], `${ctx.prefix}-observer`);
  const polls: number[] = [];
  const find = Widget.collection.find.bind(Widget.collection);
  // Every pass starts with one `find` of the pending documents: count the passes.
  jest.spyOn(Widget.collection, 'find').mockImplementation((...args: Parameters<typeof find>) => {
    polls.push(Date.now());
    return find(...args);
  });
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    pollMs: 50,
    idlePollMs: 400,
  });
  relay.start();
  try {
    await new Promise((r) => setTimeout(r, 2000));
    // Waits of 50, 100, 200, 400, 400, 400 … ms: about 7 passes in 2 s, not the 40 of a
    // fixed 50 ms poll.
    expect(polls.length).toBeGreaterThanOrEqual(5);
    expect(polls.length).toBeLessThanOrEqual(10);
    const gaps = polls.slice(1).map((t, i) => t - polls[i]!);
    expect(Math.max(...gaps)).toBeLessThan(400 + 250);
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(400 - 20);

    // A write in this process: notify() publishes it at once, not after the idle wait.
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
    expect(Date.now() - written).toBeLessThan(350);
    expect(JSON.parse(seen.messages[0]!.value ?? '{}').id).toBe(event.id);
  } finally {
    await relay.stop();
    jest.restoreAllMocks();
  }
});

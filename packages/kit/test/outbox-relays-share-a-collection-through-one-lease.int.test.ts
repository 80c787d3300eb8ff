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

function relay(leaseMs: number) {
  return new OutboxRelay({
    models: [widgetModel(ctx.conn)],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    leaseMs,
  });
}

async function write(id: string, count: number) {
  const Widget = widgetModel(ctx.conn);
  if (count === 1)
    await Widget.create(
      withOutbox({ _id: id, name: `w-${id}`, count }, [widgetChanged(id, count)]),
    );
  else
    await Widget.updateOne(
      { _id: id },
      outboxUpdate({ $set: { count } }, [widgetChanged(id, count)]),
    );
}

test('one relay at a time publishes a collection: another takes over when the holder stops, or when its lease runs out after a crash', async () => {
  const a = relay(60_000);
  const b = relay(60_000);
  await write('s1', 1);
  expect(await a.runOnce()).toBe(1);

  // a holds the lease: b publishes nothing while a's lease runs.
  await write('s1', 2);
  expect(await b.runOnce()).toBe(0);
  expect(await a.runOnce()).toBe(1);

  // A clean stop releases the lease at once.
  await write('s1', 3);
  await a.stop();
  expect(await b.runOnce()).toBe(1);

  // A crash (no stop) holds the lease until it runs out.
  const crashed = relay(5000);
  await b.stop();
  await write('s2', 1);
  expect(await crashed.runOnce()).toBe(1);
  await write('s2', 2);
  const c = relay(60_000);
  expect(await c.runOnce()).toBe(0);
  await new Promise((r) => setTimeout(r, 5100));
  expect(await c.runOnce()).toBe(1);
  await c.stop();

  const left = await widgetModel(ctx.conn)
    .find({ _id: { $in: ['s1', 's2'] } })
    .select('+outbox')
    .lean();
  expect(left.map((w) => [w._id, w.outbox, w.hasOutbox])).toEqual([
    ['s1', [], false],
    ['s2', [], false],
  ]);
});

test('a pass that finds a document already emptied by another relay removes nothing of what was appended since', async () => {
  const Widget = widgetModel(ctx.conn);
  await write('s3', 1);
  const stalled = relay(60_000);
  // What a relay that read the outbox, then stalled past its lease, holds: the first event.
  const read = await Widget.findById('s3').select('+outbox').lean();
  // Another relay sent and removed it; then a writer appended another event.
  await Widget.updateOne({ _id: 's3' }, { $set: { outbox: [], hasOutbox: false } });
  await write('s3', 2);

  // The stalled relay's removal is keyed by the events it sent: the new one stays.
  await (stalled as unknown as { finish: (c: unknown, d: unknown[]) => Promise<void> }).finish(
    Widget.collection,
    [read],
  );
  const after = await Widget.findById('s3').select('+outbox').lean();
  expect(after?.outbox?.map((e) => JSON.parse(e.value).payload.count)).toEqual([2]);
  expect(after?.hasOutbox).toBe(true);
});

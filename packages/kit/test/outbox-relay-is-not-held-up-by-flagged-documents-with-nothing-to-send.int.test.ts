import { createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { OutboxRelay, outboxUpdate, withOutbox } from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged, widgetModel } from './fixtures/widget';

// The issue-19 demo found the registry's new households' events unpublished for minutes: writes
// that added no event still flagged their document (`outboxUpdate(update, [])`), and a batch of
// such documents, claimed first at every pass, hid the ones with events behind them.

const AREA = '431121000000';
let ctx: Awaited<ReturnType<typeof kitContext>>;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
});
afterAll(async () => {
  await ctx.close();
});

const changed = (id: string) =>
  createEvent(WidgetChanged, {
    aggregateId: id,
    areaCode: AREA,
    actor: SYSTEM_ACTOR,
    payload: { name: id, count: 1 },
  });

test('an update with no event leaves its document unflagged', () => {
  expect(outboxUpdate({ $set: { count: 2 } }, [])).toEqual({ $set: { count: 2 } });
  expect(outboxUpdate({ $set: { count: 2 } }, [changed('w')])).toMatchObject({
    $set: { count: 2, hasOutbox: true },
  });
});

test('flagged documents with nothing to send are unflagged and the events behind them go out in the same pass', async () => {
  const Widget = widgetModel(ctx.conn);
  await Widget.createIndexes();
  // Five flagged and empty (as an older version wrote them), ahead of one with an event.
  await Widget.collection.insertMany(
    Array.from({ length: 5 }, (_, i) => ({
      _id: `empty-${i}` as never,
      name: 'e',
      count: 0,
      outbox: [],
      hasOutbox: true,
    })),
  );
  await Widget.create(withOutbox({ _id: 'late', name: 'late', count: 1 }, [changed('late')]));
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
    batchSize: 3,
  });
  expect(await relay.runOnce()).toBe(1);
  expect(await Widget.countDocuments({ hasOutbox: true })).toBe(0);
  expect(await relay.backlog()).toBe(0);
});

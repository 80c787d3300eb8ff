import { createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { OutboxRelay, withOutbox } from '../src';
import { kitContext } from './fixtures/context';
import { WidgetChanged, widgetModel } from './fixtures/widget';

const AREA = '431121000000';
let ctx: Awaited<ReturnType<typeof kitContext>>;

beforeAll(async () => {
  ctx = await kitContext([WidgetChanged.topic]);
});
afterAll(async () => {
  await ctx.close();
});

type Stage = { stage?: string; inputStage?: Stage; inputStages?: Stage[] };
const stagesOf = (s: Stage | undefined): string[] =>
  s ? [s.stage ?? '', ...stagesOf(s.inputStage), ...(s.inputStages ?? []).flatMap(stagesOf)] : [];

test('a relay pass looks for pending events through an index, not by reading the whole collection', async () => {
  const Widget = widgetModel(ctx.conn);
  await Widget.createIndexes(); // hasOutbox among them (the connection builds none by itself)
  // Many documents without events, a few with: the relay must not read the many to find the few.
  await Widget.insertMany(
    Array.from({ length: 300 }, (_, i) => ({ _id: `quiet-${i}`, name: 'q', count: 0 })),
  );
  for (const id of ['p1', 'p2']) {
    const event = createEvent(WidgetChanged, {
      aggregateId: id,
      areaCode: AREA,
      actor: SYSTEM_ACTOR,
      payload: { name: id, count: 1 },
    });
    await Widget.create(withOutbox({ _id: id, name: id, count: 1 }, [event]));
  }
  // The filters the relay sends, as it sends them (it works on the raw collection).
  const filters: Record<string, unknown>[] = [];
  const coll = Widget.collection;
  const find = jest.spyOn(coll, 'find');
  const updateMany = jest.spyOn(coll, 'updateMany');
  const relay = new OutboxRelay({
    models: [Widget],
    producer: ctx.producer,
    logger: ctx.logger,
    topicPrefix: ctx.prefix,
  });
  try {
    expect(await relay.runOnce()).toBe(2);
  } finally {
    filters.push(
      ...[...find.mock.calls, ...updateMany.mock.calls].map((c) => c[0] as Record<string, unknown>),
    );
    find.mockRestore();
    updateMany.mockRestore();
  }
  expect(filters.length).toBeGreaterThan(0);
  // Reads keyed by _id are served by the _id index on every engine (SecantusDB's explain shows
  // them as COLLSCAN though it looks them up by key); every other read must show an index.
  const scans: string[] = [];
  for (const filter of filters.filter((f) => !('_id' in f))) {
    const plan = (await ctx.conn.db!.collection(coll.collectionName).find(filter).explain()) as {
      queryPlanner: { winningPlan: Stage };
    };
    if (stagesOf(plan.queryPlanner.winningPlan).includes('COLLSCAN'))
      scans.push(JSON.stringify(filter));
  }
  expect(scans).toEqual([]);
});

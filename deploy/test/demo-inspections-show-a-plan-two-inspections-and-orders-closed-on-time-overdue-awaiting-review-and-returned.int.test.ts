import { assessmentInspectionsPlugin } from '../demo/plugins/assessment-inspections';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Order {
  status: string;
  overdue: boolean;
  unitId: string;
}

test('the 督查 demo has a plan, two inspections and orders closed on time, overdue, awaiting review and sent back', async () => {
  const { ctx } = await demoPartContext(t.platform, { people: 400, seed: 24, only: ['gateway'] });
  expect(await assessmentInspectionsPlugin.isSeeded(ctx)).toBe(false);
  await assessmentInspectionsPlugin.seed(ctx);
  expect(await assessmentInspectionsPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  expect(await office.count('/api/assessment/inspection-plans')).toBe(1);
  expect(await office.count('/api/assessment/inspections')).toBe(2);
  const orders = (await office.get<Order[]>('/api/assessment/rectifications')).body;
  expect(orders.map((o) => `${o.status}${o.overdue ? ' overdue' : ''}`).sort()).toEqual([
    'awaiting_review',
    'closed',
    'rectifying overdue',
    'returned',
  ]);
  const counts = (
    await office.get<{ units: { unitId: string; overdue: number; closedOnTime: number }[] }>(
      '/api/assessment/rectifications/units',
    )
  ).body;
  const water = counts.units.find((u) => u.unitId === 'department:water');
  expect(water?.overdue).toBe(1);
  expect(counts.units.reduce((n, u) => n + u.closedOnTime, 0)).toBe(1);

  // The first township sees its own order only.
  const township = await ctx.as('xiangzhen01');
  const own = (await township.get<Order[]>('/api/assessment/rectifications')).body;
  expect(own.length).toBe(2);
}, 600_000);

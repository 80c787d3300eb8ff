import { assessmentComplaintsPlugin } from '../demo/plugins/assessment-complaints';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Complaint {
  status: string;
  overdue: boolean;
  householdId: string | null;
  complainantPhone: string | null;
  rounds: unknown[];
}

test('the 信访 demo has a complaint in each state, one overdue, one linked to a household and one reopened', async () => {
  const { ctx } = await demoPartContext(t.platform, {
    people: 400,
    seed: 24,
    only: ['gateway', 'registry'],
  });
  expect(await assessmentComplaintsPlugin.isSeeded(ctx)).toBe(false);
  await assessmentComplaintsPlugin.seed(ctx);
  expect(await assessmentComplaintsPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  const all = (await office.get<Complaint[]>('/api/assessment/complaints')).body;
  expect(all.map((c) => `${c.status}${c.overdue ? ' overdue' : ''}`).sort()).toEqual([
    'answered',
    'closed',
    'closed',
    'in_progress overdue',
    'pending',
    'reopened',
  ]);
  expect(all.filter((c) => c.householdId !== null)).toHaveLength(1);
  expect(all.find((c) => c.status === 'reopened')?.rounds).toHaveLength(1);
  // Masked in every list.
  for (const c of all) if (c.complainantPhone) expect(c.complainantPhone).toContain('****');

  // The first township sees its own two only (waiting, reopened).
  const township = await ctx.as('xiangzhen01');
  const own = (await township.get<Complaint[]>('/api/assessment/complaints')).body;
  expect(own.map((c) => c.status).sort()).toEqual(['pending', 'reopened']);
}, 600_000);

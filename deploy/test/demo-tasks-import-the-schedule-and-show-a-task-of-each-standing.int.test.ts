import { assessmentTasksPlugin } from '../demo/plugins/assessment-tasks';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

const t = demoPlatformForThisFile();

interface Task {
  code: string;
  ownerUnit: string;
  standing: { state: string };
}

test('the 倒排工期 demo imports the schedule with one refused row and shows a task of each standing', async () => {
  const { ctx } = await demoPartContext(t.platform, {
    people: 400,
    seed: 24,
    only: ['gateway', 'registry'],
  });
  expect(await assessmentTasksPlugin.isSeeded(ctx)).toBe(false);
  const logged: string[] = [];
  await assessmentTasksPlugin.seed({ ...ctx, log: (m) => logged.push(m) });
  expect(await assessmentTasksPlugin.isSeeded(ctx)).toBe(true);
  expect(logged[0]).toContain('6 tasks imported, 1 row refused');

  const office = await ctx.as('fupinban');
  const all = (await office.get<Task[]>('/api/assessment/tasks')).body;
  expect(Object.fromEntries(all.map((x) => [x.code, x.standing.state]))).toEqual({
    'DG-01': 'overdue',
    'DG-02': 'at_risk',
    'DG-03': 'on_track',
    'DG-04': 'done',
    'DG-05': 'done_late',
    'DG-06': 'at_risk',
  });
  const summary = (
    await office.get<{ byState: Record<string, number> }>('/api/assessment/tasks/summary')
  ).body;
  expect(summary.byState).toEqual({ on_track: 1, at_risk: 2, overdue: 1, done: 1, done_late: 1 });

  // The first township sees its own task only (its area), not the county's.
  const township = await ctx.as('xiangzhen01');
  const own = (await township.get<Task[]>('/api/assessment/tasks')).body;
  expect(own.map((x) => x.code)).toEqual(['DG-02']);
}, 600_000);

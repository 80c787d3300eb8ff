import { assessmentIndicatorsPlugin, dayFromToday } from '../demo/plugins/assessment-indicators';
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

  // The scheme gains the supervision indicators; each department's tasks count in the quarter
  // of their deadline: education's done before it, housing's ten days after.
  expect(await assessmentIndicatorsPlugin.isSeeded(ctx)).toBe(false);
  await assessmentIndicatorsPlugin.seed({ ...ctx, log: () => undefined });
  expect(await assessmentIndicatorsPlugin.isSeeded(ctx)).toBe(true);
  const tasksOnTime = async (offset: number, unit: string) => {
    const d = dayFromToday(offset);
    const quarter = Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1;
    const res = await office.get<{
      results: { code: string; indicators: { code: string; value: number | null }[] }[];
    }>(`/api/assessment/quarters/${d.slice(0, 4)}/${quarter}/preview`);
    const row = res.body.results.find((r) => r.code === unit);
    return row?.indicators.find((i) => i.code === 'tasks_on_time')?.value;
  };
  expect(await tasksOnTime(-20, 'education')).toBe(100);
  expect(await tasksOnTime(-30, 'housing')).toBe(0);
}, 600_000);

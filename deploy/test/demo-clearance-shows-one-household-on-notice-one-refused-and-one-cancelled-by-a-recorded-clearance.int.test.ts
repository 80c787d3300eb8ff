import { clearedHouseholdNo, registryClearancePlugin } from '../demo/plugins/registry-clearance';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

// The 清退 demo cases: one household on its 7-day notice, one whose 清退 the village refused, and
// one cancelled by a 清退 the county approved in 2020, recorded with its dates and document.

const PEOPLE = 240;
const SEED = 2020;
const t = demoPlatformForThisFile();

interface Step {
  action: string;
  at: string;
  evidence: string[];
  details: Record<string, unknown>;
}
interface Run {
  kind: string;
  outcome: string;
  stage: string;
  notice: { startsAt: string; endsAt: string } | null;
  steps: Step[];
}
interface Workflows {
  status: string;
  active: Run | null;
  pending: { action: string } | null;
  closed: Run[];
}

test('the 清退 demo shows one household on notice, one refused, and one cancelled by a recorded 清退 with its history', async () => {
  const { ctx } = await demoPartContext(t.platform, {
    people: PEOPLE,
    seed: SEED,
    only: ['gateway', 'registry'],
  });
  expect(await registryClearancePlugin.isSeeded(ctx)).toBe(false);
  await registryClearancePlugin.seed(ctx);
  expect(await registryClearancePlugin.isSeeded(ctx)).toBe(true);
  // Seeded parts are not seeded twice.
  await registryClearancePlugin.seed(ctx);

  const office = await ctx.as('fupinban');
  const prefix = clearedHouseholdNo(ctx).slice(0, -2);
  const workflowsOf = async (no: string) => {
    const list = await office.get<{ id: string; householdNo: string }[]>(
      '/api/registry/households',
      { filter: JSON.stringify({ q: no }) },
    );
    expect(list.body.map((h) => h.householdNo)).toEqual([no]);
    const id = list.body[0]!.id;
    return {
      id,
      wf: (await office.get<Workflows>(`/api/registry/households/${id}/workflows`)).body,
    };
  };

  const noticed = await workflowsOf(`${prefix}01`);
  expect(noticed.wf).toMatchObject({
    status: 'in_poverty',
    active: { kind: 'clearance', stage: 'noticed' },
    pending: { action: 'review' },
  });
  const kept = await workflowsOf(`${prefix}02`);
  expect(kept.wf).toMatchObject({
    status: 'in_poverty',
    active: null,
    closed: [{ kind: 'clearance', outcome: 'rejected' }],
  });

  const cleared = await workflowsOf(clearedHouseholdNo(ctx));
  expect(cleared.wf).toMatchObject({ status: 'cancelled', active: null, pending: null });
  expect(cleared.wf.closed).toHaveLength(1);
  const run = cleared.wf.closed[0]!;
  expect(run).toMatchObject({ kind: 'clearance', outcome: 'approved', stage: 'approved' });
  expect(run.steps.map((s) => [s.action, s.details.recorded])).toEqual([
    ['start', true],
    ['appraise', true],
    ['notice', true],
    ['review', true],
    ['approve', true],
  ]);
  // The notice ran its seven days, and every step is in the past.
  const notice = run.notice!;
  expect(Date.parse(notice.endsAt) - Date.parse(notice.startsAt)).toBeGreaterThanOrEqual(
    7 * 24 * 3600 * 1000,
  );
  expect(run.steps.every((s) => Date.parse(s.at) < Date.now())).toBe(true);
  expect(run.steps.at(-1)).toMatchObject({
    evidence: expect.arrayContaining(['临扶组发〔2020〕23号']),
    details: { document: '临扶组发〔2020〕23号', cancelledFrom: 'in_poverty' },
  });
  const history = await office.get<{ action: string; reason: string }[]>(
    `/api/registry/households/${cleared.id}/history`,
  );
  expect(history.body.find((e) => e.action === 'clearance.record')?.reason).toContain('补录清退');
  // A cancelled household is no longer in poverty: the county's list of poor households drops it.
  const poor = await office.count('/api/registry/households', {
    q: clearedHouseholdNo(ctx),
    status: 'in_poverty',
  });
  expect(poor).toBe(0);
}, 600_000);

import { DEPARTMENT_LIST_TYPES, departmentCases } from '../demo/plugins/matching-department-lists';
import {
  findingOf,
  matchingDepartmentsPlugin,
  plans,
  SUPERVISION_REASON,
} from '../demo/plugins/matching-departments';
import { demoPartContext, demoPlatformForThisFile } from './support/demo-part';

// A small county, seeded with what runs before this plugin in the demo (users, the registry and
// matching-precision's lists and findings), then the departments' part of the matching demo.
const PEOPLE = 2000;
const SEED = 2020;
const t = demoPlatformForThisFile();

interface Finding {
  id: string;
  rule: string;
  status: string;
  conclusion: string | null;
}

test('the departments matching demo uploads the six lists, finds each planted anomaly and shows findings open, verified (confirmed and not), rectified, reviewed, closed and overdue after the office set their deadline (督办); seeding again changes nothing', async () => {
  const { ctx, settle } = await demoPartContext(t.platform, {
    people: PEOPLE,
    seed: SEED,
    only: ['gateway', 'registry', 'matching-precision'],
  });
  const { county } = ctx;

  expect(await matchingDepartmentsPlugin.isSeeded(ctx)).toBe(false);
  await matchingDepartmentsPlugin.seed(ctx);
  await settle();
  expect(await matchingDepartmentsPlugin.isSeeded(ctx)).toBe(true);

  const office = await ctx.as('fupinban');
  for (const type of DEPARTMENT_LIST_TYPES)
    expect([type, await office.count('/api/matching/lists', { type })]).toEqual([type, 1]);

  // Each planted anomaly was found and left in its state.
  const c = departmentCases(county);
  for (const plan of plans(c)) {
    const f = await findingOf(office, plan);
    expect([plan.rule, plan.person.h.householdNo, f?.status]).toEqual([
      plan.rule,
      plan.person.h.householdNo,
      plan.status,
    ]);
  }
  // Only the planted ones: the exited entrepreneur, the C/D houses the registry knows, everyone
  // else on the lists and every other child of the village raise nothing.
  const count = (rule: string) => office.count('/api/matching/findings', { rule });
  expect(await count('BUSINESS_OWNER')).toBe(1);
  expect(await count('PUBLIC_EMPLOYEE')).toBe(1);
  expect(await count('URBAN_PROPERTY')).toBe(1);
  expect(await count('DANGEROUS_HOUSE')).toBe(1);
  expect(await count('DROPOUT')).toBe(1);
  // The two left off the insurance list, and the village's people the county has uninsured.
  const uninsured = c.villageHouseholds
    .flatMap((h) => h.members)
    .filter((m) => !m.medicalInsurance);
  expect(await count('INSURANCE_GAP')).toBe(2 + uninsured.length);

  // Every workflow state shows in the findings list (verified: confirmed, and not confirmed).
  const states = async () => {
    const n: Record<string, number> = {};
    for (const status of ['assigned', 'verified', 'rectified', 'reviewed', 'closed'])
      n[status] = await office.count('/api/matching/findings', { status });
    return n;
  };
  const before = await states();
  for (const n of Object.values(before)) expect(n).toBeGreaterThan(0);
  const verified = (
    await office.get<Finding[]>('/api/matching/findings', {
      filter: JSON.stringify({ status: 'verified' }),
      range: '[0,499]',
    })
  ).body;
  expect(new Set(verified.map((f) => f.conclusion))).toEqual(
    new Set(['confirmed', 'not_confirmed']),
  );

  // 逾期 too: the office set the two findings left 待核实 a deadline (督办) that has passed.
  const overdueIds = async () =>
    (
      await office.get<Finding[]>('/api/matching/findings', {
        filter: JSON.stringify({ overdue: true }),
        range: '[0,499]',
      })
    ).body.map((f) => f.id);
  const supervised = plans(c).filter((p) => p.supervised);
  expect(supervised).toHaveLength(2);
  for (const plan of supervised) {
    const f = (await findingOf(office, plan))!;
    expect(f).toMatchObject({ status: 'assigned', overdue: true });
    expect((f.history ?? []).filter((h) => h.action === 'due')).toEqual([
      expect.objectContaining({ action: 'due', note: SUPERVISION_REASON }),
    ]);
    expect(await overdueIds()).toContain(f.id);
  }
  const overdueBefore = (await overdueIds()).sort();

  // Seeding again changes nothing: no list, no run, no step, no deadline.
  const runs = await office.count('/api/matching/runs');
  const lists = await office.count('/api/matching/lists');
  await matchingDepartmentsPlugin.seed(ctx);
  expect(await office.count('/api/matching/runs')).toBe(runs);
  expect(await office.count('/api/matching/lists')).toBe(lists);
  expect(await states()).toEqual(before);
  expect((await overdueIds()).sort()).toEqual(overdueBefore);
  for (const plan of supervised)
    expect(
      ((await findingOf(office, plan))!.history ?? []).filter((h) => h.action === 'due'),
    ).toHaveLength(1);
}, 900_000);

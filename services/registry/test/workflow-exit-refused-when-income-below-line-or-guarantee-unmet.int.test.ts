import request from 'supertest';
import { startRegistry, testClock, type TestRegistry } from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

test('exit with per-capita income under the year line is refused, the failing checks listed', async () => {
  // 9,000 yuan for three people: 3,000 a head, under the 2019 line of 3,747; housing unsafe too.
  const h = await registerHousehold(t, {
    status: 'in_poverty',
    incomeFen: 900_000,
    guarantees: { housing_safety: { met: false, note: 'C级危房' } },
  });
  const res = await step(t, t.tokens.townshipA, h.id, 'exit', {
    action: 'start',
    year: 2019,
    reason: '申请脱贫',
  });
  expect(res.status).toBe(422);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_EXIT_INCOME_BELOW_LINE',
    failedChecks: ['income_above_line', 'guarantee.housing_safety'],
  });
  expect(res.body.errors).toEqual([
    {
      field: 'income',
      code: 'income_above_line',
      message: {
        'zh-CN': '2019年人均纯收入 3000.00 元，扶贫标准 3747.00 元',
        en: 'Per-capita net income 3000.00 yuan in 2019; the poverty line is 3747.00 yuan',
      },
    },
    {
      field: 'guarantees.housing_safety',
      code: 'guarantee.housing_safety',
      message: {
        'zh-CN': '住房安全保障：未达标（C级危房）',
        en: 'Housing safety guaranteed: not met（C级危房）',
      },
    },
  ]);
  expect(res.body.message['zh-CN']).toContain('不符合脱贫退出条件');
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect({
    status: stored?.status,
    workflow: stored?.workflow,
    revision: stored?.revision,
  }).toEqual({ status: 'in_poverty', workflow: null, revision: 1 });
});

test('exit with a guarantee not met is refused even with income above the line', async () => {
  const h = await registerHousehold(t, {
    status: 'in_poverty',
    guarantees: { safe_water: { met: false, note: '季节性缺水' } },
  });
  const res = await step(t, t.tokens.townshipA, h.id, 'exit', { action: 'start', year: 2019 });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_EXIT_GUARANTEE_NOT_MET',
    failedChecks: ['guarantee.safe_water'],
  });
  expect(res.body.checks.filter((c: { passed: boolean }) => c.passed)).toHaveLength(6);
});

test('exit for a year without recorded income is refused as unknown income', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const res = await step(t, t.tokens.townshipA, h.id, 'exit', { action: 'start', year: 2020 });
  expect(res.body).toMatchObject({
    code: 'REGISTRY_EXIT_INCOME_UNKNOWN',
    failedChecks: ['income_recorded'],
  });
});

test('a household meeting every condition exits through the same approval chain', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const chain: [string, string, number][] = [
    ['start', t.tokens.townshipA, 0],
    ['appraise', t.tokens.townshipA, 0],
    ['notice', t.tokens.townshipA, 0],
    ['review', t.tokens.townshipA, 7],
    ['approve', t.tokens.county, 0],
  ];
  for (const [action, token, days] of chain) {
    clock.advanceDays(days);
    const res = await step(t, token, h.id, 'exit', { action, year: 2019 });
    expect({ action, status: res.status, code: res.body.code }).toEqual({
      action,
      status: 201,
      code: undefined,
    });
  }
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect(stored).toMatchObject({ status: 'exited', exitYear: 2019 });
  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.townshipA));
  expect(wf.body.closed[0]).toMatchObject({ kind: 'exit', outcome: 'approved', year: 2019 });
  expect(wf.body.closed[0].steps[0].details.checks).toHaveLength(7);
});

test('exit approval before the notice ends is refused', async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  for (const action of ['start', 'appraise', 'notice'])
    expect((await step(t, t.tokens.townshipA, h.id, 'exit', { action, year: 2019 })).status).toBe(
      201,
    );
  clock.advanceDays(3);
  const res = await step(t, t.tokens.county, h.id, 'exit', { action: 'approve' });
  expect({ status: res.status, code: res.body.code }).toEqual({
    status: 409,
    code: 'REGISTRY_WORKFLOW_NOTICE_RUNNING',
  });
  clock.advanceDays(4);
});

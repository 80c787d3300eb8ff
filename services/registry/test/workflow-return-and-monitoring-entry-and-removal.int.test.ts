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

/** Takes the steps in order, the township doing all but the county approval. */
async function through(id: string, workflow: string, actions: string[], first: object = {}) {
  for (const action of actions) {
    if (action === 'review' && actions.includes('notice')) clock.advanceDays(7);
    const token = action === 'approve' ? t.tokens.county : t.tokens.townshipA;
    const res = await step(t, token, id, workflow, {
      action,
      ...(action === 'start' ? first : {}),
    });
    expect({ workflow, action, status: res.status, code: res.body.code }).toEqual({
      workflow,
      action,
      status: 201,
      code: undefined,
    });
  }
}

const FULL = ['start', 'appraise', 'notice', 'review', 'approve'];

/** Six months of income well above the monitoring line, the last with a home check. */
async function stableHalfYear(id: string) {
  const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
  for (const month of months) {
    const res = await request(t.app)
      .put(`/monitoring/households/${id}/follow-ups/${month}`)
      .set(as(t.tokens.townshipA))
      .send({
        incomeFen: 500_000,
        homeCheckOn: month === '2026-02' ? '2026-02-20' : null,
        note: '务工收入稳定',
      });
    expect(res.status).toBe(200);
  }
}

test('an exited household whose income fell under the line returns to poverty (返贫)', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018, incomeFen: 900_000 });
  await through(h.id, 'return', FULL, { reason: '因病返贫' });
  const stored = await t.registry.models.households.findById(h.id).lean();
  expect(stored?.status).toBe('returned');
  expect(stored?.history.at(-1)).toMatchObject({
    action: 'return.approve',
    from: 'exited',
    to: 'returned',
  });
});

test('return to poverty is refused while income is above the line and every guarantee is met', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  const res = await step(t, t.tokens.townshipA, h.id, 'return', { action: 'start' });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_RETURN_NOT_ELIGIBLE',
    failedChecks: ['return_criteria', 'income_below_line'],
  });
});

test('an exited household enters monitoring as unstable and leaves it back to exited', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  await through(h.id, 'monitoring_entry', ['start', 'appraise', 'review', 'approve'], {
    category: 'unstable',
    reason: '家庭主要劳动力务工收入不稳定',
  });
  expect((await t.registry.models.households.findById(h.id).lean())?.status).toBe('unstable');
  // Without the follow-up log, the risk is not cleared: each missing condition is listed.
  const early = await step(t, t.tokens.townshipA, h.id, 'monitoring_removal', { action: 'start' });
  expect(early.status).toBe(422);
  expect(early.body).toMatchObject({
    code: 'REGISTRY_MONITORING_RISK_NOT_CLEARED',
    failedChecks: ['stable_income_months', 'home_check_recent'],
  });
  await stableHalfYear(h.id);
  await through(h.id, 'monitoring_removal', FULL, { reason: '务工收入稳定，风险已消除' });
  const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.county));
  expect(wf.body).toMatchObject({ status: 'exited', active: null });
  expect(wf.body.closed.map((r: { kind: string; outcome: string }) => [r.kind, r.outcome])).toEqual(
    [
      ['monitoring_entry', 'approved'],
      ['monitoring_removal', 'approved'],
    ],
  );
});

test('a candidate in sudden hardship enters monitoring; a marginal household cannot come from exited', async () => {
  const candidate = await registerHousehold(t);
  await through(candidate.id, 'monitoring_entry', ['start', 'appraise', 'review', 'approve'], {
    category: 'sudden_hardship',
    reason: '房屋因洪灾倒塌',
  });
  expect((await t.registry.models.households.findById(candidate.id).lean())?.status).toBe(
    'sudden_hardship',
  );
  const exited = await registerHousehold(t, { status: 'exited', exitYear: 2018 });
  const res = await step(t, t.tokens.townshipA, exited.id, 'monitoring_entry', {
    action: 'start',
    category: 'marginal',
  });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_WORKFLOW_WRONG_STATUS',
    allowedStatuses: ['candidate', 'cancelled'],
  });
});

test('leaving monitoring is refused while a guarantee is still not met', async () => {
  const h = await registerHousehold(t, {
    status: 'marginal',
    // Typed against what the facts derive (every member insured): a reason is needed.
    guarantees: { basic_medical: { met: false, note: '大病未报销', reason: '大病自付过高' } },
  });
  await stableHalfYear(h.id);
  const res = await step(t, t.tokens.townshipA, h.id, 'monitoring_removal', { action: 'start' });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_MONITORING_RISK_NOT_CLEARED',
    failedChecks: ['guarantee.basic_medical'],
  });
});

test('a workflow cannot start while another runs on the household', async () => {
  const h = await registerHousehold(t, { status: 'exited', exitYear: 2018, incomeFen: 900_000 });
  await through(h.id, 'return', ['start']);
  const res = await step(t, t.tokens.townshipA, h.id, 'monitoring_entry', {
    action: 'start',
    category: 'unstable',
  });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({
    code: 'REGISTRY_WORKFLOW_ALREADY_ACTIVE',
    activeWorkflow: 'return',
  });
});

import type { FreshnessMeter, ViewFreshness } from '@fupin/kit';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import type { ScreeningService } from '../src/monitoring/screening.service';
import { awaitFacts, factsVerdict } from '../src/monitoring/screening.facts';
import { startRegistry, type TestRegistry } from './fixtures/registry';
import { as, createAreas, registerHousehold } from './fixtures/workflows';

// Issue 21 and the data layer's rule "no silent staleness": a screening reads support's facts
// (education, insurance, hospital stays) as the registry's consumers applied them. It records how
// far behind they were, waits while they are behind, and refuses — recorded, nothing written —
// when they do not catch up in time.

let t: TestRegistry;
beforeAll(async () => {
  t = await startRegistry({ env: { MONITORING_MAX_WAIT_MS: '600' } });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

function meter(behind: () => number | null): FreshnessMeter {
  return {
    measure: () => {
      const b = behind();
      if (b === null) return Promise.reject(new Error('kafka away'));
      return Promise.resolve({
        projection: 'x',
        behind: b,
        measuredAt: new Date(),
      } as ViewFreshness);
    },
  } as unknown as FreshnessMeter;
}
const view = (name: string, m?: FreshnessMeter) => ({
  name,
  label: { 'zh-CN': '住院费用数据', en: 'in-patient costs' },
  meter: () => m,
});

test('the verdict: fresh when nothing is behind or a lag cannot be measured; refused only after the wait', () => {
  expect(factsVerdict([0, null], 0, 100)).toBe('fresh');
  expect(factsVerdict([1, 0], 99, 100)).toBe('wait');
  expect(factsVerdict([1, 0], 100, 100)).toBe('behind');
});

test('a view that catches up while the screening waits is recorded with the wait', async () => {
  let lag = 3;
  const f = await awaitFacts(
    [
      view(
        'medical-costs',
        meter(() => lag--),
      ),
    ],
    {
      maxWaitMs: 5000,
      pollMs: 10,
    },
  );
  expect(f).toEqual([expect.objectContaining({ view: 'medical-costs', behind: 0 })]);
  expect(f[0]!.waitedMs).toBeGreaterThan(0);
  // A view whose consumer does not run here is recorded as unmeasured.
  expect(await awaitFacts([view('support-facts')], { maxWaitMs: 0 })).toEqual([
    expect.objectContaining({ view: 'support-facts', behind: null }),
  ]);
});

test('a screening whose facts stay behind is refused, says why in both languages, and writes no warning', async () => {
  await registerHousehold(t, { status: 'exited', exitYear: 2018, incomeFen: 100_000 });
  const monitoring = t.registry.modules.find((m) => m.name === 'monitoring') as unknown as {
    screening: ScreeningService;
  };
  const deps = (monitoring.screening as unknown as { deps: { views: ReturnType<typeof view>[] } })
    .deps;
  const saved = deps.views;
  deps.views = [
    view(
      'medical-costs',
      meter(() => 42),
    ),
  ];
  try {
    const res = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
    expect(res.status).toBe(202);
    await eventually(async () => {
      const run = await request(t.app)
        .get(`/monitoring/screenings/${res.body.id}`)
        .set(as(t.tokens.county));
      expect(run.body).toMatchObject({
        status: 'refused',
        screened: 0,
        raised: 0,
        freshness: [{ view: 'medical-costs', behind: 42 }],
        error: { code: 'REGISTRY_MONITORING_FACTS_BEHIND' },
      });
      expect(run.body.error.message['zh-CN']).toContain('还差 42 条事件');
      expect(run.body.error.message.en).toContain('42 events behind');
    });
    const warnings = await request(t.app).get('/monitoring/warnings').set(as(t.tokens.county));
    expect(warnings.body).toEqual([]);
  } finally {
    deps.views = saved;
  }
  // Caught up: the same household is warned (its income is below the monitoring line).
  const res = await request(t.app).post('/monitoring/screenings').set(as(t.tokens.county));
  await eventually(async () => {
    const run = await request(t.app)
      .get(`/monitoring/screenings/${res.body.id}`)
      .set(as(t.tokens.county));
    expect(run.body).toMatchObject({ status: 'done', raised: 1 });
  });
});

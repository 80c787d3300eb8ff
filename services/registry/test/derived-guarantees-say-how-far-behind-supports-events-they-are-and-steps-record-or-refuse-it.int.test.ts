import { createEvent, EnrollmentRecorded, SYSTEM_ACTOR } from '@fupin/contracts';
import { type FreshnessMeter, viewMeterOf, type ViewFreshness } from '@fupin/kit';
import { eventually } from '@fupin/testing';
import request from 'supertest';
import { GUARANTEE_DERIVATION_VERSION } from '../src/households/guarantee.rules';
import { startRegistry, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';
import { as, createAreas, registerHousehold, step } from './fixtures/workflows';

// Issue 19, no silent staleness: the registry derives guarantees from support's events, and says
// how far behind them it is — in GET /projection/status (the support-facts consumer's lag), in a
// household's detail (`guaranteeFacts`), and in each exit or identification step that reads the
// guarantees (its `details.guaranteeFacts`); beyond the threshold such a step is refused (409)
// with the lag in both languages once it has waited.

let t: TestRegistry;

beforeAll(async () => {
  t = await startRegistry({
    env: { SUPPORT_FACTS_MAX_BEHIND: '3', SUPPORT_FACTS_MAX_WAIT_MS: '300' },
  });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

const freshness = () => t.registry.services.households.supportFreshness;

/** A consumer measured as `behind` events behind (Kafka cannot be held behind on demand). */
function lagging(behind: number): FreshnessMeter {
  const f: ViewFreshness = {
    projection: 'support-facts',
    behind,
    registryPosition: 100,
    appliedPosition: 100 - behind,
    registryPending: null,
    registryPeople: null,
    registryHouseholds: null,
    lastAppliedAt: null,
    measuredAt: new Date(),
    upToDate: behind === 0,
  };
  return { measure: () => Promise.resolve(f) } as unknown as FreshnessMeter;
}

test("the status reports the support consumer's lag, and it catches up with support's events", async () => {
  const producer = t.rt.producer;
  const events = Array.from({ length: 5 }, (_, i) =>
    createEvent(EnrollmentRecorded, {
      aggregateId: `p-${i}`,
      areaCode: VILLAGE_A1,
      actor: SYSTEM_ACTOR,
      payload: {
        personId: `p-${i}`,
        householdId: `unknown-household-${i}`,
        idHash: 'a'.repeat(64),
        areaCode: VILLAGE_A1,
        term: '2026-autumn',
        stage: 'primary',
        status: 'enrolled',
        source: 'import',
      },
    }),
  );
  await producer.send({
    topic: t.rt.topic(EnrollmentRecorded.topic),
    messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
  });
  await eventually(
    async () => {
      const res = await request(t.app).get('/projection/status').set(as(t.tokens.county));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        projection: 'support-facts',
        freshness: { projection: 'support-facts', behind: 0, upToDate: true },
        guaranteeDerivation: { version: GUARANTEE_DERIVATION_VERSION, olderHouseholds: 0 },
      });
      // The five events reached the topic and were applied (to no household: none is known).
      expect(res.body.freshness.appliedPosition).toBeGreaterThanOrEqual(5);
      expect(res.body.lastProjectedAt).not.toBeNull();
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
});

test("a household's detail says how fresh its derived guarantees are", async () => {
  const h = await registerHousehold(t, { status: 'in_poverty' });
  const res = await request(t.app).get(`/households/${h.id}`).set(as(t.tokens.county));
  expect(res.status).toBe(200);
  expect(res.body.guaranteeFacts).toMatchObject({
    supportBehind: 0,
    upToDate: true,
    derivation: GUARANTEE_DERIVATION_VERSION,
  });
  expect(Date.parse(res.body.guaranteeFacts.asOf)).toBeGreaterThan(Date.now() - 60_000);
});

test('an exit step records the lag it read the guarantees with, and is refused beyond the threshold', async () => {
  const real = viewMeterOf(t.rt, 'support-facts');
  expect(real).toBeDefined();
  const h = await registerHousehold(t, { status: 'in_poverty' });
  try {
    freshness().attach(lagging(2));
    const started = await step(t, t.tokens.townshipA, h.id, 'exit', {
      action: 'start',
      year: 2019,
    });
    expect(started.status).toBe(201);
    expect(started.body.step.details.guaranteeFacts).toMatchObject({
      supportBehind: 2,
      upToDate: false,
    });
    // Stored with the run, not only answered.
    const wf = await request(t.app).get(`/households/${h.id}/workflows`).set(as(t.tokens.county));
    expect(wf.body.active.steps[0].details.guaranteeFacts.supportBehind).toBe(2);

    // A step that does not read the guarantees (the appraisal of an exit) is not held.
    freshness().attach(lagging(40));
    const appraised = await step(t, t.tokens.townshipA, h.id, 'exit', { action: 'appraise' });
    expect(appraised.status).toBe(201);
    expect(appraised.body.step.details.guaranteeFacts).toBeUndefined();

    const other = await registerHousehold(t, { status: 'in_poverty' });
    const res = await step(t, t.tokens.townshipA, other.id, 'exit', {
      action: 'start',
      year: 2019,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REGISTRY_SUPPORT_FACTS_BEHIND');
    expect(JSON.stringify(res.body)).toContain('还差 40 条');
    expect(JSON.stringify(res.body)).toContain('40 events behind');
    const untouched = await request(t.app).get(`/households/${other.id}`).set(as(t.tokens.county));
    expect(untouched.body.revision).toBe(other.revision);
  } finally {
    freshness().attach(real);
  }
});

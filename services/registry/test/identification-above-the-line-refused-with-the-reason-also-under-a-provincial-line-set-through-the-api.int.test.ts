import request from 'supertest';
import { startRegistry, testClock, type TestRegistry } from './fixtures/registry';
import { as, createAreas, NO_EXCLUSIONS, registerHousehold, step } from './fixtures/workflows';

// Issue 19, eligibility: identification of a household above the line without a guarantee
// known not met is refused at the appraisal with the reason; the province's own line, set
// through GET/PUT /poverty-lines/{year} by the county (with who and why), is the line the
// checks then read.

let t: TestRegistry;
const clock = testClock('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await startRegistry({ now: clock.now });
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

async function appraise(incomeFen: number) {
  const h = await registerHousehold(t, { incomeFen });
  const started = await step(t, t.tokens.townshipA, h.id, 'identification', {
    action: 'start',
    exclusions: NO_EXCLUSIONS,
  });
  expect(started.status).toBe(201);
  return step(t, t.tokens.townshipA, h.id, 'identification', { action: 'appraise' });
}

test('above the national line with no guarantee known not met: refused with the reason', async () => {
  // 12,000 yuan for three in 2019: 4,000 a head against the 3,747 line.
  const res = await appraise(1_200_000);
  expect(res.status).toBe(422);
  expect(res.body.code).toBe('REGISTRY_IDENTIFICATION_NOT_ELIGIBLE');
  expect(res.body.message['zh-CN']).toContain('不低于扶贫标准 3747.00 元');
  expect(res.body.message.en).toContain('not below the poverty line of 3747.00 yuan');
  expect(res.body.failedChecks).toEqual(['identification_criteria', 'income_below_line']);
  expect(res.body.errors.map((e: { code: string }) => e.code)).toEqual([
    'identification_criteria',
    'income_below_line',
  ]);
});

test('the provincial line set through the API is the line identification checks against', async () => {
  const before = await request(t.app).get('/poverty-lines/2019').set(as(t.tokens.townshipA));
  expect(before.body).toMatchObject({ year: 2019, fen: 374_700, source: 'national' });

  const byTownship = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.townshipA))
    .send({ fen: 420_000, reason: '省定标准' });
  expect(byTownship.status).toBe(403);
  const below = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.county))
    .send({ fen: 300_000, reason: '低于国家标准' });
  expect(below.status).toBe(422);
  expect(below.body.code).toBe('POVERTY_LINE_OVERRIDE_BELOW_NATIONAL');

  const set = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.county))
    .send({ fen: 420_000, reason: '湘政办发〔2019〕12号 省定扶贫标准' });
  expect(set.status).toBe(200);
  expect(set.body).toMatchObject({
    fen: 420_000,
    source: 'provincial',
    provinceCode: '43',
    reason: '湘政办发〔2019〕12号 省定扶贫标准',
    setBy: { id: 'u-county' },
    revision: 1,
  });
  expect(set.body.history).toEqual([
    expect.objectContaining({ fromFen: null, toFen: 420_000, actorId: 'u-county' }),
  ]);

  // 4,000 a head is now under the province's 4,200 line: the appraisal passes.
  const ok = await appraise(1_200_000);
  expect(ok.status).toBe(201);
  expect(ok.body.step.details.checks[1]).toMatchObject({
    check: 'income_below_line',
    passed: true,
  });
  // 13,500 for three (4,500 a head) is above it: refused, naming the provincial line.
  const refused = await appraise(1_350_000);
  expect(refused.status).toBe(422);
  expect(refused.body.message['zh-CN']).toContain('不低于扶贫标准 4200.00 元');

  const stale = await request(t.app)
    .put('/poverty-lines/2019')
    .set(as(t.tokens.county))
    .send({ fen: 430_000, reason: '调整', revision: 0 });
  expect(stale.status).toBe(409);
});

import { findContract } from '@fupin/contracts';
import request from 'supertest';
import {
  bearer,
  startAssessment,
  testClock,
  type TestAssessment,
  TOWNSHIP_A,
  TOWNSHIP_B,
} from './fixtures/assessment';
import { household, township } from './fixtures/events';

// 两不愁三保障达标率 per township, from the registry's household events: a household counts as met
// only with every guarantee met; unknown (no data) is never met; an older event without the
// three states is read from its flags.

let t: TestAssessment;
const clock = testClock('2019-04-02T02:00:00Z');
const VA = '431121101201';
const VB = '431121102201';
const ALL_MET = {
  food: 'met',
  clothing: 'met',
  compulsory_education: 'met',
  basic_medical: 'met',
  housing_safety: 'met',
  safe_water: 'met',
} as const;

const EVENTS = [
  township(TOWNSHIP_A, '漳江街道'),
  township(TOWNSHIP_B, '陬市镇'),
  household('g-a1', VA, { guaranteeStates: ALL_MET }),
  household('g-a2', VA, { guaranteeStates: { ...ALL_MET, food: 'unknown' } }),
  household('g-a3', VA, { guaranteeStates: { ...ALL_MET, housing_safety: 'not_met' } }),
  household('g-a4', VA, { guaranteeStates: ALL_MET }),
  // An event from before the three states: its flags, all true.
  household('g-b1', VB),
  household('g-b2', VB, { guaranteeStates: { ...ALL_MET, safe_water: 'unknown' } }),
];

beforeAll(async () => {
  t = await startAssessment({ now: clock.now, consume: false });
  for (const e of EVENTS)
    await t.assessment.projection.apply(e, findContract(e.type, e.version)!.topic);
  const res = await request(t.app)
    .put('/schemes/2019')
    .set(bearer(t.tokens.county))
    .send({
      revision: 0,
      tracks: [
        {
          kind: 'township',
          units: [{ code: TOWNSHIP_A }, { code: TOWNSHIP_B }],
          indicators: [{ code: 'guarantees_met', weight: 100, rule: 'rank' }],
        },
      ],
    });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

test('households with every guarantee met by township: unknown counts as not met, old events read from their flags', async () => {
  const res = await request(t.app).get('/quarters/2019/1/preview').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  const byUnit = Object.fromEntries(
    (
      res.body.results as {
        code: string;
        indicators: {
          code: string;
          value: number | null;
          numerator: number;
          denominator: number;
        }[];
      }[]
    ).map((r) => [r.code, r.indicators.find((i) => i.code === 'guarantees_met')!]),
  );
  expect(byUnit[TOWNSHIP_A]).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
  expect(byUnit[TOWNSHIP_B]).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
});

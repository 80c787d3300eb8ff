import {
  createEvent,
  MonitoringWarningDecided,
  MonitoringWarningRaised,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import type { Fact } from '../src/indicators/fact.model';
import type { FactInput } from '../src/indicators/fact.store';
import type { HandlerContext } from '../src/indicators/handlers/handler';
import { registryWarningsHandler } from '../src/indicators/handlers/registry-warnings.handler';
import type { MeasureContext, Measurement } from '../src/indicators/measurement';
import { percent } from '../src/indicators/measurement';
import { warningStanding, warningsOnTime } from '../src/indicators/measures/warnings-on-time';

// 预警按期核实率 at its boundaries: decided on the due day is on time, a day later is late; open
// past the due day is late, open before it is not counted; a period knows only what had happened
// by its end.

const Q1 = { first: '2019-01-01', last: '2019-03-31' };
const AFTER_Q1 = '2019-04-02';
const TOWNSHIP = '431121101000';

function warning(
  id: string,
  w: { raised?: string; due: string; decided?: string | null; township?: string },
): Fact {
  return {
    _id: `warning:${id}`,
    kind: 'warning',
    recordId: id,
    areaCode: '431121101201',
    townshipCode: w.township ?? TOWNSHIP,
    departments: [],
    householdId: `h-${id}`,
    personId: null,
    day: w.due,
    from: w.raised ?? '2019-01-02',
    to: w.decided ?? null,
    status: w.decided ? 'dismissed' : 'open',
    year: null,
    amounts: {},
    data: {},
    firstDay: w.raised ?? '2019-01-02',
    order: '1',
    eventId: `e-${id}`,
    eventType: 'registry.monitoring_warning.raised',
    occurredAt: new Date(),
    receivedAt: new Date(),
  };
}

test('decided on the due day is on time; a day later is late', () => {
  expect(
    warningStanding(warning('a', { due: '2019-03-10', decided: '2019-03-10' }), Q1, AFTER_Q1),
  ).toBe('on_time');
  expect(
    warningStanding(warning('b', { due: '2019-03-10', decided: '2019-03-11' }), Q1, AFTER_Q1),
  ).toBe('late');
  expect(
    warningStanding(warning('c', { due: '2019-03-10', decided: '2019-02-20' }), Q1, AFTER_Q1),
  ).toBe('on_time');
});

test('open past the due day is late; open up to the due day is not counted', () => {
  // The quarter still running on 15 March: due yesterday → late; due today or later → not yet.
  const today = '2019-03-15';
  expect(warningStanding(warning('a', { due: '2019-03-14' }), Q1, today)).toBe('late');
  expect(warningStanding(warning('b', { due: '2019-03-15' }), Q1, today)).toBeNull();
  expect(warningStanding(warning('c', { due: '2019-03-20' }), Q1, today)).toBeNull();
  // A closed quarter: due on its last day and still open when it ended → late.
  expect(warningStanding(warning('d', { due: '2019-03-31' }), Q1, AFTER_Q1)).toBe('late');
  // Raised after the day measured: it did not exist yet.
  expect(
    warningStanding(warning('e', { raised: '2019-03-16', due: '2019-03-14' }), Q1, today),
  ).toBeNull();
});

test('due in the period, or decided in it; a decision after the period is not yet made', () => {
  // Due in Q2, decided in Q1 (early): decided in the period, on time.
  expect(
    warningStanding(warning('a', { due: '2019-04-05', decided: '2019-03-30' }), Q1, AFTER_Q1),
  ).toBe('on_time');
  // Due in Q4 of the year before, decided late in Q1: decided in the period, late.
  expect(
    warningStanding(
      warning('b', { raised: '2018-12-01', due: '2018-12-16', decided: '2019-01-05' }),
      Q1,
      AFTER_Q1,
    ),
  ).toBe('late');
  // Neither due nor decided in Q1.
  expect(
    warningStanding(
      warning('c', { raised: '2018-12-01', due: '2018-12-16', decided: '2018-12-10' }),
      Q1,
      AFTER_Q1,
    ),
  ).toBeNull();
  expect(warningStanding(warning('d', { due: '2019-04-20' }), Q1, AFTER_Q1)).toBeNull();
  // Due in Q1, decided late in Q2: the closed Q1 saw it open past its due day.
  const lateInQ2 = warning('e', { due: '2019-03-10', decided: '2019-04-01' });
  expect(warningStanding(lateInQ2, Q1, AFTER_Q1)).toBe('late');
  expect(warningStanding(lateInQ2, Q1, '2019-06-30')).toBe('late');
});

function context(facts: Fact[], asOfDay: string): MeasureContext {
  const result = (
    value: number | null,
    numerator: number | null,
    denominator: number | null,
    items: { id: string; note?: string }[],
  ): Measurement => ({
    unitId: `township:${TOWNSHIP}`,
    code: 'warnings_verified_on_time',
    value,
    numerator,
    denominator,
    records: { ...warningsOnTime.link, items, total: items.length },
  });
  return {
    code: 'warnings_verified_on_time',
    unit: {
      unitId: `township:${TOWNSHIP}`,
      kind: 'township',
      code: TOWNSHIP,
      name: '漳江街道',
      areaCode: TOWNSHIP,
    },
    period: { key: '2019-Q1', year: 2019, span: Q1, months: ['2019-01', '2019-02', '2019-03'] },
    asOfDay,
    data: { households: [], facts: new Map([['warning', facts]]) },
    last: Q1.last,
    prefix: TOWNSHIP.slice(0, 9),
    result,
    none: () => result(null, null, null, []),
    factsOf: () => facts.filter((f) => f.townshipCode === TOWNSHIP),
    assisted: () => [],
    coverageOf: () => result(null, null, null, []),
  };
}

test("the township's rate: on time over counted, the late warnings as its records with their deadline", () => {
  const facts = [
    warning('on-due-day', { due: '2019-03-10', decided: '2019-03-10' }),
    warning('day-late', { due: '2019-03-10', decided: '2019-03-11' }),
    warning('open-past-due', { due: '2019-02-01' }),
    warning('early', { due: '2019-02-10', decided: '2019-01-20' }),
    warning('not-due', { due: '2019-04-10' }),
    warning('elsewhere', { due: '2019-03-10', township: '431121102000' }),
  ];
  const m = warningsOnTime.measure(context(facts, AFTER_Q1));
  expect(m).toMatchObject({ value: percent(2, 4), numerator: 2, denominator: 4 });
  expect(m.value).toBe(50);
  expect(m.records.items).toEqual([
    { id: 'day-late', note: '2019-03-10' },
    { id: 'open-past-due', note: '2019-02-01' },
  ]);
  expect(m.records).toMatchObject({ service: 'registry', path: '/monitoring/warnings/{id}' });
  // Nothing due or decided: no value (not 0 %, not 100 %).
  expect(warningsOnTime.measure(context([facts[4]!], AFTER_Q1)).value).toBeNull();
});

test('the handler keeps one record per warning, the decision ranked above the raising', async () => {
  const base = { aggregateId: 'w-1', areaCode: '431121101201', actor: SYSTEM_ACTOR };
  const ids = {
    warningId: 'w-1',
    householdId: 'h-1',
    areaCode: '431121101201',
    townshipCode: TOWNSHIP,
  };
  const raised = createEvent(MonitoringWarningRaised, {
    ...base,
    payload: {
      ...ids,
      signals: ['disaster'],
      raisedAt: '2019-03-01T02:00:00.000Z',
      dueOn: '2019-03-16',
    },
  });
  const decided = createEvent(MonitoringWarningDecided, {
    ...base,
    payload: {
      ...ids,
      decision: 'confirmed',
      raisedAt: '2019-03-01T02:00:00.000Z',
      // 00:30 on 17 March in Shanghai: a day late.
      decidedAt: '2019-03-16T16:30:00.000Z',
      dueOn: '2019-03-16',
      onTime: false,
    },
  });
  const written: FactInput[] = [];
  const ctx = {
    facts: {
      put: async (_e: unknown, input: FactInput) => {
        written.push(input);
        return { recordId: input.recordId, changed: true, affects: { first: '', last: null } };
      },
    },
  } as unknown as HandlerContext;
  await registryWarningsHandler.handle(raised, ctx);
  await registryWarningsHandler.handle(decided, ctx);
  const [r, d] = written;
  expect(r).toMatchObject({
    kind: 'warning',
    recordId: 'w-1',
    townshipCode: TOWNSHIP,
    day: '2019-03-16',
    from: '2019-03-01',
    to: null,
    status: 'open',
  });
  expect(d).toMatchObject({
    recordId: 'w-1',
    day: '2019-03-16',
    from: '2019-03-01',
    to: '2019-03-17',
    status: 'confirmed',
    data: { onTime: false },
  });
  expect(d!.rank).toBeGreaterThan(r!.rank);
  expect(registryWarningsHandler.topics).toEqual(['registry.monitoring_warning.v1']);
});

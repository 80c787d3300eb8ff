import {
  createEvent,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
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

// 预警按期核实率 at its boundaries: decided by the deadline (an instant, by default the end of the due
// day in Asia/Shanghai) is on time, later is late; open past the deadline is late, open before it
// is not counted; a period knows only what had happened by its end (by the start of the day
// measured while it runs).

const Q1 = { first: '2019-01-01', last: '2019-03-31' };
const AFTER_Q1 = '2019-04-02';
const TOWNSHIP = '431121101000';

function warning(
  id: string,
  w: {
    raised?: string;
    due: string;
    decided?: string | null;
    township?: string;
    dueAt?: string;
    decidedAt?: string;
  },
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
    data: {
      ...(w.dueAt ? { dueAt: w.dueAt } : {}),
      ...(w.decidedAt ? { decidedAt: w.decidedAt } : {}),
    },
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

test('the deadline is an instant: decided after it on its own day is late', () => {
  // Set to 17:00 on 10 March (Shanghai): decided at 16:59 on time, at 17:01 late.
  const at17 = { due: '2019-03-10', dueAt: '2019-03-10T17:00:00+08:00' };
  const decided = (at: string) => warning('a', { ...at17, decided: '2019-03-10', decidedAt: at });
  expect(warningStanding(decided('2019-03-10T08:59:00.000Z'), Q1, AFTER_Q1)).toBe('on_time');
  expect(warningStanding(decided('2019-03-10T09:01:00.000Z'), Q1, AFTER_Q1)).toBe('late');
  // A default deadline, the end of the due day: 23:59 in Shanghai is on time.
  const endOfDay = { due: '2019-03-10', dueAt: '2019-03-10T15:59:59.999Z', decided: '2019-03-10' };
  expect(
    warningStanding(
      warning('b', { ...endOfDay, decidedAt: '2019-03-10T15:59:00.000Z' }),
      Q1,
      AFTER_Q1,
    ),
  ).toBe('on_time');
});

test('a still-open warning whose deadline moved earlier is late once past', () => {
  // Raised on 1 March due on 16 March; the county set 17:00 on 5 March instead.
  const moved = warning('a', {
    raised: '2019-03-01',
    due: '2019-03-05',
    dueAt: '2019-03-05T17:00:00+08:00',
  });
  // On 5 March the deadline has not passed by the day's start: not yet counted.
  expect(warningStanding(moved, Q1, '2019-03-05')).toBeNull();
  // The day after, still open: late (it would not be counted under its first deadline).
  expect(warningStanding(moved, Q1, '2019-03-06')).toBe('late');
  expect(
    warningStanding(warning('b', { raised: '2019-03-01', due: '2019-03-16' }), Q1, '2019-03-06'),
  ).toBeNull();
  // Moved later, past the quarter: not due in it, not counted even once Q1 closed.
  const later = warning('c', {
    raised: '2019-03-01',
    due: '2019-04-10',
    dueAt: '2019-04-10T17:00:00+08:00',
  });
  expect(warningStanding(later, Q1, AFTER_Q1)).toBeNull();
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
      dueAt: '2019-03-16T15:59:59.999Z',
      dueOn: '2019-03-16',
    },
  });
  // 督办 on 3 March: 17:00 on 5 March.
  const dueChanged = createEvent(MonitoringWarningDueChanged, {
    ...base,
    occurredAt: new Date('2019-03-03T02:00:00.000Z'),
    payload: {
      ...ids,
      raisedAt: '2019-03-01T02:00:00.000Z',
      dueAt: '2019-03-05T17:00:00+08:00',
      dueOn: '2019-03-05',
      previousDueAt: '2019-03-16T15:59:59.999Z',
      reason: '县扶贫办督办',
      changedAt: '2019-03-03T02:00:00.000Z',
    },
  });
  const decided = createEvent(MonitoringWarningDecided, {
    ...base,
    payload: {
      ...ids,
      decision: 'confirmed',
      raisedAt: '2019-03-01T02:00:00.000Z',
      // 00:30 on 6 March in Shanghai: past the deadline set.
      decidedAt: '2019-03-05T16:30:00.000Z',
      dueAt: '2019-03-05T17:00:00+08:00',
      dueOn: '2019-03-05',
      onTime: false,
    },
  });
  const written: FactInput[] = [];
  const affects: unknown[] = [];
  const ctx = {
    facts: {
      put: async (_e: unknown, input: FactInput, a?: unknown) => {
        written.push(input);
        affects.push(a);
        return { recordId: input.recordId, changed: true, affects: { first: '', last: null } };
      },
    },
  } as unknown as HandlerContext;
  await registryWarningsHandler.handle(raised, ctx);
  await registryWarningsHandler.handle(dueChanged, ctx);
  await registryWarningsHandler.handle(decided, ctx);
  const [r, c, d] = written;
  expect(r).toMatchObject({
    kind: 'warning',
    recordId: 'w-1',
    townshipCode: TOWNSHIP,
    day: '2019-03-16',
    from: '2019-03-01',
    to: null,
    status: 'open',
    data: { dueAt: '2019-03-16T15:59:59.999Z' },
  });
  expect(c).toMatchObject({
    recordId: 'w-1',
    day: '2019-03-05',
    from: '2019-03-01',
    to: null,
    status: 'open',
    data: { dueAt: '2019-03-05T17:00:00+08:00', onTime: null },
  });
  // The periods of the deadline it replaced are affected too.
  expect(affects[1]).toEqual({ first: '2019-03-16' });
  expect(d).toMatchObject({
    recordId: 'w-1',
    day: '2019-03-05',
    from: '2019-03-01',
    to: '2019-03-06',
    status: 'confirmed',
    data: { onTime: false, decidedAt: '2019-03-05T16:30:00.000Z' },
  });
  // A deadline set outranks the raising by its time (same rank, later), the decision both.
  expect(c!.rank).toBe(r!.rank);
  expect(d!.rank).toBeGreaterThan(c!.rank);
  expect(registryWarningsHandler.topics).toEqual(['registry.monitoring_warning.v1']);
});

import {
  allTopics,
  ContractViolation,
  createEvent,
  endOfShanghaiDay,
  MonitoringWarningDecided,
  MonitoringWarningDueChanged,
  MonitoringWarningRaised,
  SYSTEM_ACTOR,
  validateEvent,
  warningDecidedOnTime,
} from '../src';

const ids = {
  warningId: 'w-1',
  householdId: 'h-1',
  areaCode: '431121101201',
  townshipCode: '431121101000',
};
const officer = { kind: 'user' as const, id: 'u-county', name: '县扶贫办' };

test('the warning events travel on registry.monitoring_warning.v1, a topic of the registry', () => {
  expect(MonitoringWarningRaised.topic).toBe('registry.monitoring_warning.v1');
  expect(MonitoringWarningDueChanged.topic).toBe('registry.monitoring_warning.v1');
  expect(MonitoringWarningDecided.topic).toBe('registry.monitoring_warning.v1');
  expect(allTopics()).toContain('registry.monitoring_warning.v1');
  const raised = createEvent(MonitoringWarningRaised, {
    aggregateId: ids.warningId,
    areaCode: ids.areaCode,
    actor: SYSTEM_ACTOR,
    payload: {
      ...ids,
      signals: ['medical_out_of_pocket'],
      raisedAt: '2019-03-01T02:00:00.000Z',
      dueAt: '2019-03-16T23:59:59.999+08:00',
      dueOn: '2019-03-16',
    },
  });
  expect(
    validateEvent(JSON.parse(JSON.stringify(raised)), 'p1.registry.monitoring_warning.v1'),
  ).toMatchObject({ type: 'registry.monitoring_warning.raised', aggregateId: 'w-1' });
  // A warning raised without a rule that fired, with a deadline that is not a day, or with a
  // day that is not the Asia/Shanghai day of its instant, is refused.
  for (const bad of [
    { signals: [] },
    { dueOn: '2019-3-16' },
    { dueAt: '2019-03-16T16:00:00.000Z' },
    { dueAt: '2019-03-16' },
  ])
    expect(() =>
      createEvent(MonitoringWarningRaised, {
        aggregateId: ids.warningId,
        areaCode: ids.areaCode,
        actor: SYSTEM_ACTOR,
        payload: {
          ...ids,
          signals: ['disaster'],
          raisedAt: '2019-03-01T02:00:00.000Z',
          dueAt: '2019-03-16T15:59:59.999Z',
          dueOn: '2019-03-16',
          ...bad,
        },
      }),
    ).toThrow(ContractViolation);
  // An event published before deadlines were instants (no dueAt) is still read.
  const old = createEvent(MonitoringWarningRaised, {
    aggregateId: ids.warningId,
    areaCode: ids.areaCode,
    actor: SYSTEM_ACTOR,
    payload: {
      ...ids,
      signals: ['disaster'],
      raisedAt: '2019-03-01T02:00:00.000Z',
      dueOn: '2019-03-16',
    },
  });
  expect(old.payload.dueAt).toBeUndefined();
});

test('a due day is its end in Asia/Shanghai', () => {
  expect(endOfShanghaiDay('2019-03-16').toISOString()).toBe('2019-03-16T15:59:59.999Z');
});

test('on time is decided at or before the deadline instant; a due day alone is its end', () => {
  // 17:00 on 20 March in Shanghai, set by the county poverty office.
  const dueAt = '2019-03-20T17:00:00+08:00';
  expect(warningDecidedOnTime('2019-03-20T09:00:00.000Z', dueAt)).toBe(true);
  expect(warningDecidedOnTime(new Date('2019-03-20T09:00:00.001Z'), dueAt)).toBe(false);
  expect(warningDecidedOnTime('2019-03-20T08:59:59.999Z', new Date(dueAt))).toBe(true);
  // Without an instant: 23:59:59.999 on 16 March in Shanghai is still on time, midnight is not.
  expect(warningDecidedOnTime('2019-03-16T15:59:59.999Z', '2019-03-16')).toBe(true);
  expect(warningDecidedOnTime(new Date('2019-03-16T16:00:00.000Z'), '2019-03-16')).toBe(false);
  // 07:00 on 17 March in Shanghai is 16 March in UTC: the Shanghai day counts.
  expect(warningDecidedOnTime('2019-03-16T23:00:00.000Z', '2019-03-16')).toBe(false);
});

test('a decided event whose onTime contradicts its deadline breaks the contract', () => {
  const decided = (decidedAt: string, onTime: boolean, due?: { dueAt: string; dueOn: string }) =>
    createEvent(MonitoringWarningDecided, {
      aggregateId: ids.warningId,
      areaCode: ids.areaCode,
      actor: { kind: 'user', id: 'u-1', name: '乡镇干部' },
      payload: {
        ...ids,
        decision: 'dismissed',
        raisedAt: '2019-03-01T02:00:00.000Z',
        decidedAt,
        ...(due ?? { dueAt: '2019-03-16T15:59:59.999Z', dueOn: '2019-03-16' }),
        onTime,
      },
    });
  expect(decided('2019-03-16T10:00:00.000Z', true).payload.onTime).toBe(true);
  expect(decided('2019-03-17T01:00:00.000Z', false).payload.onTime).toBe(false);
  expect(() => decided('2019-03-17T01:00:00.000Z', true)).toThrow(/onTime/);
  expect(() => decided('2019-03-16T10:00:00.000Z', false)).toThrow(ContractViolation);
  // A deadline set to 10:00 on the 16th: decided at 11:00 that day is late, the day is not enough.
  const tenOClock = { dueAt: '2019-03-16T10:00:00+08:00', dueOn: '2019-03-16' };
  expect(decided('2019-03-16T03:00:00.000Z', false, tenOClock).payload.onTime).toBe(false);
  expect(() => decided('2019-03-16T03:00:00.000Z', true, tenOClock)).toThrow(/onTime/);
  expect(decided('2019-03-16T02:00:00.000Z', true, tenOClock).payload.onTime).toBe(true);
  // An old event without dueAt is judged by the end of its due day.
  const old = createEvent(MonitoringWarningDecided, {
    aggregateId: ids.warningId,
    areaCode: ids.areaCode,
    actor: officer,
    payload: {
      ...ids,
      decision: 'confirmed',
      raisedAt: '2019-03-01T02:00:00.000Z',
      decidedAt: '2019-03-16T15:30:00.000Z',
      dueOn: '2019-03-16',
      onTime: true,
    },
  });
  expect(old.payload.onTime).toBe(true);
});

test('a deadline set (督办) names the new deadline, later than when it was set, and the old one', () => {
  const dueChanged = (over: Record<string, unknown> = {}) =>
    createEvent(MonitoringWarningDueChanged, {
      aggregateId: ids.warningId,
      areaCode: ids.areaCode,
      actor: officer,
      payload: {
        ...ids,
        raisedAt: '2019-03-01T02:00:00.000Z',
        dueAt: '2019-03-05T17:00:00+08:00',
        dueOn: '2019-03-05',
        previousDueAt: '2019-03-16T15:59:59.999Z',
        reason: '县扶贫办督办：限期核实',
        changedAt: '2019-03-04T01:00:00.000Z',
        ...over,
      },
    });
  const e = dueChanged();
  expect(e.type).toBe('registry.monitoring_warning.due_changed');
  expect(
    validateEvent(JSON.parse(JSON.stringify(e)), 'p1.registry.monitoring_warning.v1'),
  ).toMatchObject({ payload: { dueOn: '2019-03-05', previousDueAt: '2019-03-16T15:59:59.999Z' } });
  expect(() => dueChanged({ changedAt: '2019-03-05T09:00:00.000Z' })).toThrow(/dueAt/);
  expect(() => dueChanged({ dueOn: '2019-03-06' })).toThrow(/dueOn/);
  expect(() => dueChanged({ reason: '' })).toThrow(ContractViolation);
  expect(() => dueChanged({ previousDueAt: undefined })).toThrow(ContractViolation);
});

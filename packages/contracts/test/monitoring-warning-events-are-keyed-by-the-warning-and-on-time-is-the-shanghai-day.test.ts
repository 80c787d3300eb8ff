import {
  allTopics,
  ContractViolation,
  createEvent,
  MonitoringWarningDecided,
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

test('both warning events travel on registry.monitoring_warning.v1, a topic of the registry', () => {
  expect(MonitoringWarningRaised.topic).toBe('registry.monitoring_warning.v1');
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
      dueOn: '2019-03-16',
    },
  });
  expect(
    validateEvent(JSON.parse(JSON.stringify(raised)), 'p1.registry.monitoring_warning.v1'),
  ).toMatchObject({ type: 'registry.monitoring_warning.raised', aggregateId: 'w-1' });
  // A warning raised without a rule that fired, or with a deadline that is not a day, is refused.
  for (const bad of [{ signals: [] }, { dueOn: '2019-3-16' }])
    expect(() =>
      createEvent(MonitoringWarningRaised, {
        aggregateId: ids.warningId,
        areaCode: ids.areaCode,
        actor: SYSTEM_ACTOR,
        payload: {
          ...ids,
          signals: ['disaster'],
          raisedAt: '2019-03-01T02:00:00.000Z',
          dueOn: '2019-03-16',
          ...bad,
        },
      }),
    ).toThrow(ContractViolation);
});

test('on time is the Asia/Shanghai day of the decision at or before the due day', () => {
  // 23:59:59 on 16 March in Shanghai is still the due day; midnight is the day after.
  expect(warningDecidedOnTime('2019-03-16T15:59:59.999Z', '2019-03-16')).toBe(true);
  expect(warningDecidedOnTime(new Date('2019-03-16T16:00:00.000Z'), '2019-03-16')).toBe(false);
  // 07:00 on 17 March in Shanghai is 16 March in UTC: the Shanghai day counts.
  expect(warningDecidedOnTime('2019-03-16T23:00:00.000Z', '2019-03-16')).toBe(false);
  expect(warningDecidedOnTime('2019-03-01T02:00:00.000Z', '2019-03-16')).toBe(true);
});

test('a decided event whose onTime contradicts its dates breaks the contract', () => {
  const decided = (decidedAt: string, onTime: boolean) =>
    createEvent(MonitoringWarningDecided, {
      aggregateId: ids.warningId,
      areaCode: ids.areaCode,
      actor: { kind: 'user', id: 'u-1', name: '乡镇干部' },
      payload: {
        ...ids,
        decision: 'dismissed',
        raisedAt: '2019-03-01T02:00:00.000Z',
        decidedAt,
        dueOn: '2019-03-16',
        onTime,
      },
    });
  expect(decided('2019-03-16T10:00:00.000Z', true).payload.onTime).toBe(true);
  expect(decided('2019-03-17T01:00:00.000Z', false).payload.onTime).toBe(false);
  expect(() => decided('2019-03-17T01:00:00.000Z', true)).toThrow(/onTime/);
  expect(() => decided('2019-03-16T10:00:00.000Z', false)).toThrow(ContractViolation);
});

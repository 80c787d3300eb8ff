import {
  conditionsOf,
  countyOf,
  nationalThresholdPercent,
  villageExitChecks,
} from '../src/villages/exit-conditions.rules';
import { decideVillageExit } from '../src/villages/village-exit.machine';
import { noInfrastructure } from '../src/villages/village.rules';

test('the national threshold is 3% in the twelve western provinces and 2% elsewhere, from the area code', () => {
  expect(nationalThresholdPercent('431121101201')).toBe(2); // 湖南
  expect(nationalThresholdPercent('520000000000')).toBe(3); // 贵州
  expect(nationalThresholdPercent('150102000000')).toBe(3); // 内蒙古
  expect(nationalThresholdPercent('450000000000')).toBe(3); // 广西
  expect(nationalThresholdPercent('440000000000')).toBe(2); // 广东
  expect(countyOf('431121101201')).toBe('431121000000');
  expect(conditionsOf('522401000000', null).incidence.effectiveThresholdPercent).toBe(3);
});

const facts = (percent: number | null) => ({
  poorVillage: true,
  exited: false,
  povertyIncidencePercent: percent,
  stillPoorPeople: 4,
  ruralPopulation: percent === null ? null : 200,
  infrastructure: noInfrastructure(),
});

test('the incidence passes only strictly below the threshold; an unknown population fails; switched-off items are not checked', () => {
  const c = conditionsOf('431121000000', null);
  const at = villageExitChecks(facts(2), c);
  expect(at.find((x) => x.check === 'incidence_below_threshold')?.passed).toBe(false);
  expect(villageExitChecks(facts(1.99), c)[0]?.passed).toBe(true);
  expect(villageExitChecks(facts(null), c)[0]).toMatchObject({
    check: 'incidence_known',
    passed: false,
  });
  expect(at.filter((x) => !x.passed)).toHaveLength(7);

  const off = conditionsOf('431121000000', {
    _id: '431121000000:1',
    areaCode: '431121000000',
    version: 1,
    incidence: { enabled: false, thresholdPercent: null },
    infrastructure: {
      roadHardening: { enabled: false },
      tapWater: { enabled: false },
      electricity: { enabled: false },
      broadband: { enabled: false },
      clinic: { enabled: true },
      activityRoom: { enabled: false },
    },
    changedAt: new Date(),
    changedBy: { id: 'u', name: 'u', areaCode: '431121000000' },
    reason: '测试',
  });
  expect(villageExitChecks(facts(9), off).map((x) => x.check)).toEqual(['infrastructure.clinic']);
});

test('nothing passes the 7-day notice: the review waits until the notice has ended', () => {
  const village = {
    code: '431121101201',
    townshipCode: '431121101000',
    poorVillage: true,
    exited: false,
    checks: [],
    conditionsVersion: 0,
  };
  const staff = {
    id: 't',
    name: '乡镇',
    areaCode: '431121101000',
    rights: ['read', 'write'] as const,
  };
  let state: unknown = null;
  const at = (iso: string) => new Date(iso);
  for (const action of ['start', 'appraise', 'notice'] as const) {
    state = decideVillageExit(
      village,
      state,
      { action, reason: '办理' },
      staff,
      at('2026-03-02T00:00:00Z'),
      () => 'r1',
    ).state;
  }
  const review = (iso: string) =>
    decideVillageExit(
      village,
      state,
      { action: 'review', reason: '审核' },
      staff,
      at(iso),
      () => 'r1',
    );
  expect(() => review('2026-03-08T23:59:59Z')).toThrow(
    expect.objectContaining({ code: 'REGISTRY_VILLAGE_EXIT_NOTICE_RUNNING' }),
  );
  expect(review('2026-03-09T00:00:00Z').state.active?.stage).toBe('reviewed');
});

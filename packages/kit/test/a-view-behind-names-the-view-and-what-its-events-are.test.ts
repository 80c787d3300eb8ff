import { viewBehind } from '../src';

// The 409 of a view behind names the view and how far behind it is, in both languages; its
// events are the registry's by default, or what the view says they are (the assessment's
// indicator data reads every department's facts too).

const f = {
  projection: 'assessment-indicators',
  behind: 3,
  registryPosition: 10,
  appliedPosition: 7,
  registryPending: 0,
  registryPeople: null,
  upToDate: false,
};

test('by default the events are registry events', () => {
  const err = viewBehind(
    'MATCHING_VIEW_BEHIND',
    { 'zh-CN': '人员索引', en: 'person index' },
    f as never,
  );
  expect(err.status).toBe(409);
  expect(err.message).toBeDefined();
  const body = JSON.stringify(err);
  expect(body).toContain('已同步 7 / 10 条登记事件，尚差 3 条');
  expect(body).toContain('7 of 10 registry events applied, 3 behind');
});

test('a view reading more than the registry names its own events', () => {
  const err = viewBehind(
    'ASSESSMENT_VIEW_BEHIND',
    { 'zh-CN': '考核指标', en: 'indicator data' },
    f as never,
    { 'zh-CN': '事件', en: 'events' },
  );
  const body = JSON.stringify(err);
  expect(body).toContain('考核指标数据同步中（已同步 7 / 10 条事件，尚差 3 条）');
  expect(body).toContain('The indicator data is still syncing (7 of 10 events applied, 3 behind)');
});

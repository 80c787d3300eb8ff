import { stepVerdict, supportFactsBehind } from '../src/guarantees/support-freshness';

// Issue 19: an exit or identification step reads the guarantees derived from support's events;
// at or under the threshold it goes on, over it it waits and then refuses, and an unmeasured
// lag (Kafka not answering) is recorded as unknown, never refused.

const opts = { maxBehind: 3, maxWaitMs: 1000 };

test('at the threshold fresh, over it wait then behind, unknown fresh', () => {
  expect(stepVerdict(0, 0, opts)).toBe('fresh');
  expect(stepVerdict(3, 5000, opts)).toBe('fresh');
  expect(stepVerdict(4, 0, opts)).toBe('wait');
  expect(stepVerdict(4, 999, opts)).toBe('wait');
  expect(stepVerdict(4, 1000, opts)).toBe('behind');
  expect(stepVerdict(null, 5000, opts)).toBe('fresh');
});

test('the refusal is a 409 naming the lag and the threshold in both languages', () => {
  const err = supportFactsBehind(40, 3);
  expect(err.status).toBe(409);
  expect(err.code).toBe('REGISTRY_SUPPORT_FACTS_BEHIND');
  const text = JSON.stringify(err);
  expect(text).toContain('还差 40 条事件，允许 3 条');
  expect(text).toContain('40 events behind, 3 allowed');
});

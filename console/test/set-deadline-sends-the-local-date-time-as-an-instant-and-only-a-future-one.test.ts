import { dueAtOf, dueInFuture } from '../src/modules/matching/findings/due-at';

// 调整整改期限: the date-time input's local value goes to the service as an ISO instant.

test('the local date and time of the input is sent as the same instant', () => {
  expect(dueAtOf('2026-12-05T17:00')).toBe(new Date(2026, 11, 5, 17, 0).toISOString());
  expect(dueAtOf(new Date('2026-12-05T09:00:00Z'))).toBe('2026-12-05T09:00:00.000Z');
});

test('what is not a date goes as typed, for the service to refuse on its field', () => {
  expect(dueAtOf('12月5日17:00')).toBe('12月5日17:00');
  expect(dueAtOf(undefined)).toBe('');
  expect(dueAtOf(null)).toBe('');
});

test('only a deadline later than now passes the input', () => {
  const now = new Date(2026, 11, 5, 16, 59, 59, 999);
  expect(dueInFuture('2026-12-05T17:00', now)).toBe(true);
  expect(dueInFuture('2026-12-05T17:00', new Date(2026, 11, 5, 17, 0))).toBe(false);
  expect(dueInFuture('2026-12-05T16:00', now)).toBe(false);
  expect(dueInFuture('不是日期', now)).toBe(false);
});

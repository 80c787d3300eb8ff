import { closedQuarters } from '../demo/plugins/assessment';

test('the two latest closed quarters, across a year end', () => {
  expect(closedQuarters('2026-12-05')).toEqual([
    { year: 2026, quarter: 2 },
    { year: 2026, quarter: 3 },
  ]);
  expect(closedQuarters('2027-01-02')).toEqual([
    { year: 2026, quarter: 3 },
    { year: 2026, quarter: 4 },
  ]);
  expect(closedQuarters('2027-04-01')).toEqual([
    { year: 2026, quarter: 4 },
    { year: 2027, quarter: 1 },
  ]);
});

import { shanghaiDateOf } from '../src';

test('the county works on Shanghai days: 16:00 UTC is already the next day', () => {
  expect(shanghaiDateOf(new Date('2019-03-31T15:59:59Z'))).toBe('2019-03-31');
  expect(shanghaiDateOf(new Date('2019-03-31T16:00:00Z'))).toBe('2019-04-01');
  expect(shanghaiDateOf(new Date('2019-12-31T16:00:00Z'))).toBe('2020-01-01');
});

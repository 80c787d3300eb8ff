import { ReferenceDataError, townshipOf } from '../src';

test('a village lies in its township, a township is its own', () => {
  expect(townshipOf('430121101201')).toBe('430121101000');
  expect(townshipOf('430121101000')).toBe('430121101000');
});

test('under a city without counties (东莞) a village still lies in its township', () => {
  expect(townshipOf('441900101201')).toBe('441900101000');
});

test('the county and above lie in no one township', () => {
  expect(townshipOf('430121000000')).toBeNull();
  expect(townshipOf('430100000000')).toBeNull();
  expect(townshipOf('430000000000')).toBeNull();
});

test('a malformed code is refused, not passed through', () => {
  expect(() => townshipOf('4301211012')).toThrow(ReferenceDataError);
  expect(() => townshipOf('990121101201')).toThrow(ReferenceDataError);
  expect(() => townshipOf('430121000201')).toThrow(ReferenceDataError);
});

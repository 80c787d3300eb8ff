import { parseIdNumber } from '../src';
import { TODAY, idNumber } from './support/id-numbers';

function parseBornOn(birth: string, today = TODAY) {
  return parseIdNumber(idNumber('430121', birth, '031'), { today });
}

describe('the birth date encoded in an ID number', () => {
  it('30 February 1999 is rejected', () => {
    const result = parseBornOn('19990230');

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE');
    expect(!result.ok && result.reason.zh).toContain('19990230');
  });

  it('29 February 2000 is accepted: 2000 is a leap year', () => {
    const result = parseBornOn('20000229');

    expect(result.ok && result.birthDate).toBe('2000-02-29');
  });

  it('29 February 1900 is rejected: 1900 is not a leap year', () => {
    const result = parseBornOn('19000229');

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE');
  });

  it('29 February 2001 is rejected', () => {
    const result = parseBornOn('20010229');

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE');
  });

  it('month 13 and day 00 are rejected', () => {
    const month13 = parseBornOn('19901301');
    const day0 = parseBornOn('19900100');

    expect(!month13.ok && month13.code).toBe('ID_BIRTH_DATE');
    expect(!day0.ok && day0.code).toBe('ID_BIRTH_DATE');
  });

  it('a date before 1900 is rejected', () => {
    const result = parseBornOn('18991231');

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE_BEFORE_1900');
  });

  it('1 January 1900 is accepted', () => {
    expect(parseBornOn('19000101').ok).toBe(true);
  });

  it('a birth date after today is rejected', () => {
    const result = parseBornOn('20240616');

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE_FUTURE');
  });

  it('a baby born today is accepted', () => {
    expect(parseBornOn('20240615').ok).toBe(true);
  });

  it('without a today argument the real date is used', () => {
    const nextYear = new Date().getUTCFullYear() + 1;

    const result = parseIdNumber(idNumber('430121', `${nextYear}0101`, '031'));

    expect(!result.ok && result.code).toBe('ID_BIRTH_DATE_FUTURE');
  });
});

import {
  ReferenceDataError,
  areaLevel,
  isWithin,
  normaliseAreaCode,
  parentCode,
  parseAreaCode,
} from '../src';

function codeOf(input: string): string {
  const result = parseAreaCode(input);
  return result.ok ? 'OK' : result.code;
}

describe('a malformed area code is rejected with a reason in both languages', () => {
  it('an empty code', () => {
    expect(codeOf('')).toBe('AREA_CODE_EMPTY');
  });

  it('letters, spaces or full-width digits', () => {
    expect(codeOf('43012110100A')).toBe('AREA_CODE_CHARACTERS');
    expect(codeOf('430121 01000')).toBe('AREA_CODE_CHARACTERS');
    expect(codeOf('４３０１２１１０１０００')).toBe('AREA_CODE_CHARACTERS');
  });

  it('a code that is not 12 digits', () => {
    const result = parseAreaCode('4301211010');

    expect(!result.ok && result.code).toBe('AREA_CODE_LENGTH');
    expect(!result.ok && result.reason.zh).toContain('12位');
  });

  it('a province part that is no province', () => {
    expect(codeOf('000000000000')).toBe('AREA_CODE_PROVINCE');
    expect(codeOf('990121101201')).toBe('AREA_CODE_PROVINCE');
  });

  it('a village whose township part is zeros', () => {
    const result = parseAreaCode('430121000201');

    expect(!result.ok && result.code).toBe('AREA_CODE_STRUCTURE');
    expect(!result.ok && result.reason.zh).toContain('乡级部分');
    expect(!result.ok && result.reason.en).toContain('township part');
  });

  it('a county under a city part of zeros', () => {
    expect(codeOf('430021000000')).toBe('AREA_CODE_STRUCTURE');
  });

  it('normalising refuses lengths other than 6, 9 and 12', () => {
    const result = normaliseAreaCode('4301');

    expect(!result.ok && result.code).toBe('AREA_CODE_LENGTH');
  });

  it('the tree functions throw a ReferenceDataError with the same code', () => {
    const attempt = () => areaLevel('430121000201');

    expect(attempt).toThrow(ReferenceDataError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'AREA_CODE_STRUCTURE' }));
    expect(() => parentCode('4301')).toThrow(expect.objectContaining({ code: 'AREA_CODE_LENGTH' }));
  });

  it('a scope check on a malformed record refuses instead of answering', () => {
    expect(() => isWithin('43012110120', '430121101000')).toThrow(ReferenceDataError);
    expect(() => isWithin('430121101201', '4301')).toThrow(ReferenceDataError);
  });
});

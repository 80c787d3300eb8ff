import { ID_NORMALISE_WARNINGS, computeCheckDigit, parseIdNumber } from '../src';
import { PUBLISHED_SAMPLE, TODAY, idNumber, withWrongCheck } from './support/id-numbers';

function codeOf(input: string): string {
  const result = parseIdNumber(input, { today: TODAY });
  return result.ok ? 'OK' : result.code;
}

describe('a malformed ID number is rejected with a stable code and both languages', () => {
  it('an empty or blank number', () => {
    expect(codeOf('')).toBe('ID_EMPTY');
    expect(codeOf(' \u3000\t')).toBe('ID_EMPTY');
  });

  it('full-width digits, with a zh reason asking for half-width', () => {
    const result = parseIdNumber('１１０１０５１９４９１２３１００２Ｘ', { today: TODAY });

    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('ID_FULL_WIDTH');
    expect(!result.ok && result.reason.zh).toContain('全角字符');
    expect(!result.ok && result.reason.zh).toContain('半角');
    expect(!result.ok && result.reason.en).toContain('full-width');
  });

  it('a single full-width digit among half-width ones', () => {
    expect(codeOf('1101051949123100２X')).toBe('ID_FULL_WIDTH');
  });

  it('17 and 19 characters', () => {
    const result = parseIdNumber(PUBLISHED_SAMPLE.slice(0, 17), { today: TODAY });

    expect(!result.ok && result.code).toBe('ID_LENGTH');
    expect(!result.ok && result.reason.zh).toContain('18位');
    expect(codeOf(`${PUBLISHED_SAMPLE}1`)).toBe('ID_LENGTH');
  });

  it('an old 15-digit number, with a reason naming it', () => {
    const result = parseIdNumber('110105491231002', { today: TODAY });

    expect(!result.ok && result.code).toBe('ID_OLD_FORMAT');
    expect(!result.ok && result.reason.zh).toContain('15位');
  });

  it('letters or an X anywhere but last', () => {
    expect(codeOf('1101051949123X0021')).toBe('ID_CHARACTERS');
    expect(codeOf('11010519491231002Y')).toBe('ID_CHARACTERS');
    expect(codeOf('110105 1949123100X')).toBe('ID_CHARACTERS');
  });

  it('a first two digits that are no province', () => {
    expect(codeOf(idNumber('000000', '19900101', '001'))).toBe('ID_AREA');
    expect(codeOf(idNumber('990101', '19900101', '001'))).toBe('ID_AREA');
  });

  it('a wrong check character', () => {
    const result = parseIdNumber(withWrongCheck(PUBLISHED_SAMPLE), { today: TODAY });

    expect(!result.ok && result.code).toBe('ID_CHECKSUM');
    expect(!result.ok && result.reason.zh).toContain('校验');
  });

  it('a single mistyped digit is caught by the checksum', () => {
    const typo = `${PUBLISHED_SAMPLE.slice(0, 14)}9${PUBLISHED_SAMPLE.slice(15)}`;

    expect(codeOf(typo)).toBe('ID_CHECKSUM');
  });

  it('a number from a spreadsheet cell that became a number is refused as not text', () => {
    const fromExcel: unknown = 110105194912310020;

    const result = parseIdNumber(fromExcel as string, { today: TODAY });

    expect(!result.ok && result.code).toBe('ID_NOT_TEXT');
  });

  it('every reason has text in both languages', () => {
    const inputs = [
      '',
      '１',
      '123',
      '110105491231002',
      '1101051949123X0021',
      withWrongCheck(PUBLISHED_SAMPLE),
    ];

    const reasons = inputs.map((input) => parseIdNumber(input, { today: TODAY }));

    for (const result of reasons) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason.zh.length).toBeGreaterThan(0);
      expect(!result.ok && result.reason.en.length).toBeGreaterThan(0);
    }
    expect(ID_NORMALISE_WARNINGS.ID_FULL_WIDTH_CONVERTED.zh).toContain('全角');
  });

  it('computeCheckDigit refuses anything but 17 digits', () => {
    expect(() => computeCheckDigit('1234')).toThrow(RangeError);
    expect(() => computeCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

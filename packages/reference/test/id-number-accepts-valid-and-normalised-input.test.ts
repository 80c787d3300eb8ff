import { computeCheckDigit, isValidIdNumber, normaliseIdNumber, parseIdNumber } from '../src';
import { PUBLISHED_SAMPLE, TODAY, idNumber, independentCheckCharacter } from './support/id-numbers';

describe('a valid citizen ID number', () => {
  it('the independent check agrees with the published GB 11643 sample', () => {
    const first17 = PUBLISHED_SAMPLE.slice(0, 17);

    expect(independentCheckCharacter(first17)).toBe('X');
    expect(computeCheckDigit(first17)).toBe('X');
  });

  it('the published sample parses into its area, birth date and sex', () => {
    const result = parseIdNumber(PUBLISHED_SAMPLE, { today: TODAY });

    expect(result).toEqual({
      ok: true,
      value: '11010519491231002X',
      areaCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('a number built with the independent check is accepted', () => {
    const id = idNumber('430121', '19900307', '123');

    const result = parseIdNumber(id, { today: TODAY });

    expect(result).toEqual({
      ok: true,
      value: id,
      areaCode: '430121',
      birthDate: '1990-03-07',
      sex: 'male',
    });
  });

  it('the check digit agrees with the independent one across many numbers', () => {
    let seed = 20140101;
    const nextDigit = () => {
      seed = (seed * 48271) % 2147483647;
      return String(seed % 10);
    };
    const firsts = Array.from({ length: 1000 }, () =>
      Array.from({ length: 17 }, nextDigit).join(''),
    );

    const mismatches = firsts.filter((f) => computeCheckDigit(f) !== independentCheckCharacter(f));

    expect(mismatches).toEqual([]);
  });

  it('a lower-case x check character is accepted and normalised to X', () => {
    const result = parseIdNumber('11010519491231002x', { today: TODAY });

    expect(result.ok && result.value).toBe('11010519491231002X');
  });

  it('surrounding spaces, tabs and full-width spaces are ignored', () => {
    const result = parseIdNumber(`\u3000 \t${PUBLISHED_SAMPLE}\t \u3000`, { today: TODAY });

    expect(result.ok && result.value).toBe(PUBLISHED_SAMPLE);
  });

  it('sex comes from the 17th digit: odd is male, even is female', () => {
    const male = parseIdNumber(idNumber('430121', '19851111', '017'), { today: TODAY });
    const female = parseIdNumber(idNumber('430121', '19851111', '028'), { today: TODAY });

    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
  });

  it('a Hong Kong, Macao or Taiwan residence permit number is accepted', () => {
    const permit = idNumber('830000', '19880101', '001');

    expect(isValidIdNumber(permit, { today: TODAY })).toBe(true);
  });

  it('today may be given as a Date, read as the day in Asia/Shanghai', () => {
    const bornToday = idNumber('430121', '20240615', '002');
    const earlyMorningInShanghai = new Date('2024-06-14T16:30:00Z');

    expect(isValidIdNumber(bornToday, { today: earlyMorningInShanghai })).toBe(true);
    expect(isValidIdNumber(bornToday, { today: new Date('2024-06-14T15:30:00Z') })).toBe(false);
  });
});

describe('normalising an ID number for import', () => {
  it('full-width digits and Ｘ become half-width with a warning, and then parse', () => {
    const fullWidth = '１１０１０５１９４９１２３１００２Ｘ';

    const normalised = normaliseIdNumber(` ${fullWidth} `);

    expect(normalised).toEqual({
      value: PUBLISHED_SAMPLE,
      warnings: ['ID_FULL_WIDTH_CONVERTED'],
    });
    expect(parseIdNumber(normalised.value, { today: TODAY }).ok).toBe(true);
  });

  it('a half-width number passes through without warnings, x upper-cased', () => {
    const normalised = normaliseIdNumber('11010519491231002x');

    expect(normalised).toEqual({ value: PUBLISHED_SAMPLE, warnings: [] });
  });
});

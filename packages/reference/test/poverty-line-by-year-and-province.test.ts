import { NATIONAL_POVERTY_LINES, ReferenceDataError, povertyLine } from '../src';

describe('the poverty line of a year', () => {
  it('the national line of each year from 2014 to 2020', () => {
    const lines = [2014, 2015, 2016, 2017, 2018, 2019, 2020].map((year) => povertyLine(year).yuan);

    expect(lines).toEqual([2800, 2855, 3000, 3335, 3535, 3747, 4000]);
  });

  it('is given in whole fen with its source', () => {
    expect(povertyLine(2019)).toEqual({
      year: 2019,
      fen: 374_700,
      yuan: 3747,
      source: { kind: 'national' },
    });
  });

  it('every stored figure is whole fen', () => {
    expect(NATIONAL_POVERTY_LINES.every((figure) => Number.isSafeInteger(figure.fen))).toBe(true);
  });

  it('a province’s higher line applies to that province only', () => {
    const overrides = [{ provinceCode: '44', year: 2019, fen: 450_000 }];

    const guangdong = povertyLine(2019, { provinceCode: '441900003000', overrides });
    const hunan = povertyLine(2019, { provinceCode: '43', overrides });

    expect(guangdong).toMatchObject({
      fen: 450_000,
      yuan: 4500,
      source: { kind: 'provincial', provinceCode: '44' },
    });
    expect(hunan).toMatchObject({ fen: 374_700, source: { kind: 'national' } });
  });

  it('a province without an override for that year falls back to the national line', () => {
    const overrides = [{ provinceCode: '44', year: 2018, fen: 420_000 }];

    expect(povertyLine(2019, { provinceCode: '44', overrides }).source).toEqual({
      kind: 'national',
    });
  });

  it('a province may have a line for a year without a national figure', () => {
    const overrides = [{ provinceCode: '33', year: 2021, fen: 800_000 }];

    expect(povertyLine(2021, { provinceCode: '33', overrides }).fen).toBe(800_000);
  });

  it('a year without a figure is an error, not a guess', () => {
    const attempt = () => povertyLine(2021);

    expect(attempt).toThrow(ReferenceDataError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'POVERTY_LINE_MISSING' }));
    expect(() => povertyLine(2013)).toThrow(
      expect.objectContaining({ code: 'POVERTY_LINE_MISSING' }),
    );
  });

  it('the missing-year error tells the years that exist, in Chinese too', () => {
    let error: unknown;
    try {
      povertyLine(2021);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ReferenceDataError);
    expect((error as ReferenceDataError).reason.zh).toContain('2021年');
    expect((error as ReferenceDataError).reason.zh).toContain('2014–2020');
  });

  it('an override below the national line is refused', () => {
    const overrides = [{ provinceCode: '43', year: 2020, fen: 390_000 }];

    expect(() => povertyLine(2020, { provinceCode: '43', overrides })).toThrow(
      expect.objectContaining({ code: 'POVERTY_LINE_OVERRIDE_BELOW_NATIONAL' }),
    );
  });

  it('two overrides for the same province and year are refused as ambiguous', () => {
    const overrides = [
      { provinceCode: '43', year: 2020, fen: 410_000 },
      { provinceCode: '430000', year: 2020, fen: 420_000 },
    ];

    expect(() => povertyLine(2020, { provinceCode: '43', overrides })).toThrow(
      expect.objectContaining({ code: 'POVERTY_LINE_OVERRIDE_AMBIGUOUS' }),
    );
  });

  it('a province code that is no province is refused', () => {
    expect(() => povertyLine(2020, { provinceCode: '99' })).toThrow(
      expect.objectContaining({ code: 'POVERTY_LINE_PROVINCE_INVALID' }),
    );
  });

  it('an override that is not whole fen is refused', () => {
    const overrides = [{ provinceCode: '43', year: 2020, fen: 4100.5 }];

    expect(() => povertyLine(2020, { provinceCode: '43', overrides })).toThrow(
      expect.objectContaining({ code: 'POVERTY_LINE_AMOUNT_INVALID' }),
    );
  });
});

import { checkIdAgainst } from '../src';
import { PUBLISHED_SAMPLE, TODAY, idNumber, withWrongCheck } from './support/id-numbers';

const options = { today: TODAY };

describe('comparing a member’s stated birth date and sex with the ID number', () => {
  it('matching facts give no disagreement', () => {
    const result = checkIdAgainst(
      PUBLISHED_SAMPLE,
      { birthDate: '1949-12-31', sex: 'female' },
      options,
    );

    expect(result).toEqual([]);
  });

  it('a different birth date is reported with both dates', () => {
    const [disagreement, ...rest] = checkIdAgainst(
      PUBLISHED_SAMPLE,
      { birthDate: '1949-12-13' },
      options,
    );

    expect(rest).toEqual([]);
    expect(disagreement).toMatchObject({
      code: 'ID_BIRTH_DATE_MISMATCH',
      field: 'birthDate',
      stated: '1949-12-13',
      encoded: '1949-12-31',
    });
    expect(disagreement?.reason.zh).toContain('不一致');
  });

  it('a different sex is reported', () => {
    const male = idNumber('522422', '19700405', '011');

    const result = checkIdAgainst(male, { sex: 'female' }, options);

    expect(result.map((d) => [d.code, d.field, d.stated, d.encoded])).toEqual([
      ['ID_SEX_MISMATCH', 'sex', 'female', 'male'],
    ]);
  });

  it('both disagreements are reported together', () => {
    const result = checkIdAgainst(
      PUBLISHED_SAMPLE,
      { birthDate: '1950-01-01', sex: 'male' },
      options,
    );

    expect(result.map((d) => d.code)).toEqual(['ID_BIRTH_DATE_MISMATCH', 'ID_SEX_MISMATCH']);
  });

  it('stated dates in the spreadsheet spellings are compared as dates', () => {
    const spellings = ['1949/12/31', '19491231', '1949年12月31日', '1949-12-31'];

    const results = spellings.map((birthDate) =>
      checkIdAgainst(PUBLISHED_SAMPLE, { birthDate }, options),
    );

    expect(results).toEqual([[], [], [], []]);
  });

  it('a stated Date at UTC or at Shanghai midnight is the same day', () => {
    const utcMidnight = new Date('1949-12-31T00:00:00Z');
    const shanghaiMidnight = new Date('1949-12-30T16:00:00Z');

    expect(checkIdAgainst(PUBLISHED_SAMPLE, { birthDate: utcMidnight }, options)).toEqual([]);
    expect(checkIdAgainst(PUBLISHED_SAMPLE, { birthDate: shanghaiMidnight }, options)).toEqual([]);
  });

  it('a stated birth date that is no date is reported as such', () => {
    const result = checkIdAgainst(PUBLISHED_SAMPLE, { birthDate: '1949-02-30' }, options);

    expect(result.map((d) => d.code)).toEqual(['STATED_BIRTH_DATE_INVALID']);
  });

  it('an invalid ID number never passes as "no disagreement"', () => {
    const result = checkIdAgainst(withWrongCheck(PUBLISHED_SAMPLE), { sex: 'female' }, options);

    expect(result.map((d) => [d.code, d.field])).toEqual([['ID_CHECKSUM', 'idNumber']]);
  });
});

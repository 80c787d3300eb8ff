import { ID_OLD_FORMAT_CONVERTED, idTextOfCell, upgradeOldIdNumber } from '../src';
import { PUBLISHED_SAMPLE, TODAY, idNumber } from './support/id-numbers';

describe('a first-generation 15-digit ID number', () => {
  it('becomes the 18-character form: 19 before the year, the check character computed', () => {
    const result = upgradeOldIdNumber('110105491231002', { today: TODAY });

    expect(result).toMatchObject({
      ok: true,
      value: PUBLISHED_SAMPLE,
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('gets the check character an independent computation gives, for every sequence tried', () => {
    for (const seq of ['001', '017', '238', '999']) {
      const result = upgradeOldIdNumber(`431121700101${seq}`, { today: TODAY });
      expect(result.ok && result.value).toBe(idNumber('431121', '19700101', seq));
    }
  });

  it('is trimmed first', () => {
    expect(upgradeOldIdNumber(' 110105491231002\u3000', { today: TODAY }).ok).toBe(true);
  });

  it.each([
    ['14 digits', '11010549123100', 'ID_LENGTH'],
    ['16 digits', '1101054912310021', 'ID_LENGTH'],
    ['an 18-character number', PUBLISHED_SAMPLE, 'ID_LENGTH'],
    ['a letter', '11010549123100X', 'ID_CHARACTERS'],
    ['30 February', '110105990230002', 'ID_BIRTH_DATE'],
    ['month 13', '110105491331002', 'ID_BIRTH_DATE'],
    ['day 00', '110105491200002', 'ID_BIRTH_DATE'],
    ['no province', '990105491231002', 'ID_AREA'],
  ])('is refused with %s', (_case, input, code) => {
    const result = upgradeOldIdNumber(input, { today: TODAY });
    expect(!result.ok && result.code).toBe(code);
  });

  it('names the old number’s own digits when its date is not real', () => {
    const result = upgradeOldIdNumber('110105990230002', { today: TODAY });
    expect(!result.ok && result.reason.zh).toContain('990230');
    expect(!result.ok && result.reason.zh).toContain('15位');
  });

  it('29 February of a leap year (1996) is real, of 1900 is not', () => {
    expect(upgradeOldIdNumber('110105960229002', { today: TODAY }).ok).toBe(true);
    const r = upgradeOldIdNumber('110105000229002', { today: TODAY });
    expect(!r.ok && r.code).toBe('ID_BIRTH_DATE');
  });

  it('has a warning to keep with the row', () => {
    expect(ID_OLD_FORMAT_CONVERTED.zh).toBe('已将15位旧身份证号转换为18位');
  });
});

describe('an ID number read from a cell that may hold a number', () => {
  it('an exact 15-digit number is read as its digits', () => {
    expect(idTextOfCell(110105491231002)).toEqual({ ok: true, value: '110105491231002' });
  });

  it('an 18-digit number cannot be exact and is refused', () => {
    const result = idTextOfCell(Number('431121197001011234'));
    expect(!result.ok && result.code).toBe('ID_STORED_AS_NUMBER');
    expect(!result.ok && result.reason.zh).toContain('身份证号被存为数字且已丢失精度');
  });

  it('the largest exact whole number is read; the next is refused', () => {
    expect(idTextOfCell(Number.MAX_SAFE_INTEGER).ok).toBe(true);
    expect(idTextOfCell(Number.MAX_SAFE_INTEGER + 1).ok).toBe(false);
  });

  it('fractions, zero and negatives are refused', () => {
    for (const n of [1.5, 0, -110105491231002]) expect(idTextOfCell(n).ok).toBe(false);
  });

  it('the scientific form a CSV keeps is refused; text is passed on as it is', () => {
    for (const s of ['4.31121E+17', '4.31121197001011E+17', ' 4E17 '])
      expect(idTextOfCell(s).ok).toBe(false);
    expect(idTextOfCell(PUBLISHED_SAMPLE)).toEqual({ ok: true, value: PUBLISHED_SAMPLE });
    expect(idTextOfCell('4311')).toEqual({ ok: true, value: '4311' });
  });
});

// 公民身份号码 — GB 11643-1999 citizen ID numbers: 6 digits of area, 8 of birth date, 3 of
// sequence (odd for men, even for women) and a check character over the first 17.

import { PROVINCES } from './area-code';
import { calendarDayOf, isRealDate, isoDate, parseCalendarDate, shanghaiDateOf } from './calendar';
import type { Sex } from './enums';
import { type Problem, type Reason, type Rejected, reason, rejected } from './reason';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;
const EARLIEST_BIRTH_YEAR = 1900;

// 81/82/83 are the residence permits of Hong Kong, Macao and Taiwan residents, which use the
// same 18-character layout.
const ID_AREA_PREFIXES = new Set([...PROVINCES.map((p) => p.code), '83']);

export type IdNumberProblemCode =
  | 'ID_NOT_TEXT'
  | 'ID_EMPTY'
  | 'ID_FULL_WIDTH'
  | 'ID_OLD_FORMAT'
  | 'ID_LENGTH'
  | 'ID_CHARACTERS'
  | 'ID_AREA'
  | 'ID_BIRTH_DATE'
  | 'ID_BIRTH_DATE_BEFORE_1900'
  | 'ID_BIRTH_DATE_FUTURE'
  | 'ID_CHECKSUM';

export interface ParsedIdNumber {
  readonly ok: true;
  /** The normalised 18 characters, check character `X` upper-case. */
  readonly value: string;
  /** The first six digits: the GB/T 2260 county where the number was issued. */
  readonly areaCode: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: Sex;
}

export type IdNumberResult = ParsedIdNumber | Rejected<IdNumberProblemCode>;

export interface IdNumberOptions {
  /**
   * The day a birth date may not be after: a `YYYY-MM-DD` string or a Date (read in
   * Asia/Shanghai). Defaults to today in Asia/Shanghai.
   */
  readonly today?: Date | string;
}

const FULL_WIDTH_ID_CHARACTER = /[\uFF10-\uFF19\uFF38\uFF58]/;

/**
 * The GB 11643 check character for the first 17 digits. Throws on anything but 17 ASCII
 * digits, which is a programmer error.
 */
export function computeCheckDigit(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) {
    throw new RangeError(`computeCheckDigit needs 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

function birthDateProblem(
  digits: string,
  today: string,
): Rejected<IdNumberProblemCode> | { ok: true; birthDate: string } {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  if (!isRealDate(year, month, day)) {
    return rejected(
      'ID_BIRTH_DATE',
      `身份证号第7-14位的出生日期 ${digits} 不是有效日期`,
      `The birth date in the ID number (digits 7-14), ${digits}, is not a real date`,
    );
  }
  const birthDate = isoDate(year, month, day);
  if (year < EARLIEST_BIRTH_YEAR) {
    return rejected(
      'ID_BIRTH_DATE_BEFORE_1900',
      `身份证号中的出生日期 ${birthDate} 早于1900年`,
      `The birth date in the ID number, ${birthDate}, is before 1900`,
    );
  }
  if (birthDate > today) {
    return rejected(
      'ID_BIRTH_DATE_FUTURE',
      `身份证号中的出生日期 ${birthDate} 晚于今天（${today}）`,
      `The birth date in the ID number, ${birthDate}, is after today (${today})`,
    );
  }
  return { ok: true, birthDate };
}

/**
 * Validates a citizen ID number as a person typed it. Surrounding whitespace (including the
 * full-width space) is ignored and a lower-case `x` accepted; full-width digits are refused
 * here — an import path that wants them converted calls `normaliseIdNumber` first.
 */
export function parseIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  if (typeof input !== 'string') {
    return rejected(
      'ID_NOT_TEXT',
      '身份证号必须以文本填写（Excel 中请将单元格设为文本格式，否则后几位会变成0）',
      'The ID number must be text (in Excel, format the cell as text or its last digits turn into 0)',
    );
  }
  const text = input.trim();
  if (text === '') {
    return rejected('ID_EMPTY', '身份证号不能为空', 'The ID number is empty');
  }
  if (FULL_WIDTH_ID_CHARACTER.test(text)) {
    return rejected(
      'ID_FULL_WIDTH',
      '身份证号含全角字符，请使用半角数字和字母X重新输入（可切换输入法为半角）',
      'The ID number contains full-width characters; enter it with half-width digits and X',
    );
  }
  if (/^[0-9]{15}$/.test(text)) {
    return rejected(
      'ID_OLD_FORMAT',
      '这是15位的旧身份证号，请填写18位的第二代身份证号',
      'This is an old 15-digit ID number; enter the 18-character second-generation number',
    );
  }
  if (text.length !== 18) {
    return rejected(
      'ID_LENGTH',
      `身份证号应为18位，实际为${text.length}位`,
      `An ID number has 18 characters, this one has ${text.length}`,
    );
  }
  const value = text.toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(value)) {
    return rejected(
      'ID_CHARACTERS',
      '身份证号前17位只能是数字，最后一位只能是数字或字母X',
      'An ID number is 17 digits followed by a digit or the letter X',
    );
  }
  if (!ID_AREA_PREFIXES.has(value.slice(0, 2))) {
    return rejected(
      'ID_AREA',
      `身份证号前两位 ${value.slice(0, 2)} 不是有效的省级行政区划代码`,
      `The first two digits of the ID number, ${value.slice(0, 2)}, are not a province code`,
    );
  }
  const today =
    options.today === undefined
      ? shanghaiDateOf(new Date())
      : calendarDayOf(options.today, 'today');
  const birth = birthDateProblem(value.slice(6, 14), today);
  if (!birth.ok) return birth;
  // The expected check character is not shown: a typo anywhere changes it, so naming it
  // would send people to "fix" the last character instead of finding the real mistake.
  if (computeCheckDigit(value.slice(0, 17)) !== value.slice(17)) {
    return rejected(
      'ID_CHECKSUM',
      '身份证号校验位不正确，请逐位核对号码',
      'The ID number fails its checksum; check it digit by digit',
    );
  }
  return {
    ok: true,
    value,
    areaCode: value.slice(0, 6),
    birthDate: birth.birthDate,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(input: string, options: IdNumberOptions = {}): boolean {
  return parseIdNumber(input, options).ok;
}

export type IdNormaliseWarning = 'ID_FULL_WIDTH_CONVERTED';

/** What each normalisation warning means, for an import report. */
export const ID_NORMALISE_WARNINGS: Readonly<Record<IdNormaliseWarning, Reason>> = {
  ID_FULL_WIDTH_CONVERTED: reason(
    '身份证号含全角字符，已转换为半角',
    'The ID number had full-width characters; they were converted to half-width',
  ),
};

/**
 * For data imports: trims, turns full-width digits and Ｘ into half-width ones (with a
 * warning) and upper-cases x. It does not validate — pass the value to `parseIdNumber`.
 */
export function normaliseIdNumber(input: string): {
  value: string;
  warnings: IdNormaliseWarning[];
} {
  const text = typeof input === 'string' ? input.trim() : '';
  const warnings: IdNormaliseWarning[] = [];
  let value = text;
  if (FULL_WIDTH_ID_CHARACTER.test(text)) {
    value = text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    );
    warnings.push('ID_FULL_WIDTH_CONVERTED');
  }
  return { value: value.toUpperCase(), warnings };
}

/**
 * Shows the first 4 and last 4 characters: `4301**********1234`. Anything that is not 18
 * characters is masked the same way when long enough, entirely otherwise, so a mask never
 * reveals more of a malformed number than of a good one.
 */
export function maskIdNumber(value: string): string {
  const text = value.trim();
  if (text.length <= 8) return '*'.repeat(text.length);
  return `${text.slice(0, 4)}${'*'.repeat(text.length - 8)}${text.slice(-4)}`;
}

/**
 * Shows the first 3 and last 4 digits of a mobile number (`138****1234`); a `+86` prefix and
 * separators are dropped first. Other numbers keep only their last 4.
 */
export function maskPhone(value: string): string {
  const compact = value.trim().replace(/[\s-]/g, '');
  const mobile = /^(?:\+?86|0086)?(1[0-9]{10})$/.exec(compact)?.[1];
  if (mobile !== undefined) return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return `${'*'.repeat(compact.length - 4)}${compact.slice(-4)}`;
}

/** Keeps the last 4 digits of a bank account or card number; separators are dropped. */
export function maskBankAccount(value: string): string {
  const compact = value.trim().replace(/[\s-]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return `${'*'.repeat(compact.length - 4)}${compact.slice(-4)}`;
}

export type IdDisagreementCode =
  IdNumberProblemCode | 'ID_BIRTH_DATE_MISMATCH' | 'ID_SEX_MISMATCH' | 'STATED_BIRTH_DATE_INVALID';

export interface IdDisagreement extends Problem<IdDisagreementCode> {
  /** The field the person should look at. */
  readonly field: 'idNumber' | 'birthDate' | 'sex';
  readonly stated?: string;
  readonly encoded?: string;
}

export interface StatedFacts {
  /** `YYYY-MM-DD` (also `YYYY/M/D`, `YYYYMMDD`, `YYYY年M月D日`) or a Date read in Asia/Shanghai. */
  readonly birthDate?: string | Date;
  readonly sex?: Sex;
}

const SEX_ZH: Record<Sex, string> = { male: '男', female: '女' };

function statedDay(value: string | Date): string | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : shanghaiDateOf(value);
  }
  return parseCalendarDate(value);
}

/**
 * Where a member's stated birth date and sex disagree with what the ID number encodes. An
 * empty list means they agree; an ID number that is itself invalid gives its own problem,
 * so an empty list is never returned for a bad number.
 */
export function checkIdAgainst(
  value: string,
  stated: StatedFacts,
  options: IdNumberOptions = {},
): IdDisagreement[] {
  const parsed = parseIdNumber(value, options);
  if (!parsed.ok) return [{ code: parsed.code, reason: parsed.reason, field: 'idNumber' }];
  const disagreements: IdDisagreement[] = [];
  if (stated.birthDate !== undefined) {
    const day = statedDay(stated.birthDate);
    const shown = typeof stated.birthDate === 'string' ? stated.birthDate : (day ?? 'Invalid Date');
    if (day === undefined) {
      disagreements.push({
        code: 'STATED_BIRTH_DATE_INVALID',
        field: 'birthDate',
        stated: shown,
        reason: reason(
          `填写的出生日期 ${shown} 不是有效日期`,
          `The stated birth date ${shown} is not a real date`,
        ),
      });
    } else if (day !== parsed.birthDate) {
      disagreements.push({
        code: 'ID_BIRTH_DATE_MISMATCH',
        field: 'birthDate',
        stated: day,
        encoded: parsed.birthDate,
        reason: reason(
          `填写的出生日期 ${day} 与身份证号中的 ${parsed.birthDate} 不一致`,
          `The stated birth date ${day} differs from the one in the ID number, ${parsed.birthDate}`,
        ),
      });
    }
  }
  if (stated.sex !== undefined && stated.sex !== parsed.sex) {
    disagreements.push({
      code: 'ID_SEX_MISMATCH',
      field: 'sex',
      stated: stated.sex,
      encoded: parsed.sex,
      reason: reason(
        `填写的性别“${SEX_ZH[stated.sex]}”与身份证号第17位对应的“${SEX_ZH[parsed.sex]}”不一致`,
        `The stated sex (${stated.sex}) differs from the one the ID number's 17th digit gives (${parsed.sex})`,
      ),
    });
  }
  return disagreements;
}

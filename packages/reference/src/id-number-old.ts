// ID numbers as department files really hold them: first-generation 15-digit numbers (6 digits
// of area, YYMMDD, 3 of sequence; all born in the 1900s), and numbers Excel stored as numbers.

import {
  computeCheckDigit,
  type IdNumberOptions,
  type IdNumberProblemCode,
  type IdNumberResult,
  parseIdNumber,
} from './id-number';
import { type Reason, reason, type Rejected, rejected } from './reason';

/** What a reader of files warns about when it converted an old number. */
export const ID_OLD_FORMAT_CONVERTED: Reason = reason(
  '已将15位旧身份证号转换为18位',
  'The old 15-digit ID number was converted to its 18-character form',
);

/**
 * The 18-character form of a first-generation 15-digit number: `19` inserted before its
 * two-digit year and the GB 11643 check character computed; then checked as any number (area,
 * real birth date, not in the future). Refused when it is not 15 digits or its date is not real.
 */
export function upgradeOldIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text.length !== 15) {
    return rejected(
      'ID_LENGTH',
      `旧身份证号应为15位，实际为${text.length}位`,
      `An old ID number has 15 digits, this one has ${text.length}`,
    );
  }
  if (!/^[0-9]{15}$/.test(text)) {
    return rejected(
      'ID_CHARACTERS',
      '15位旧身份证号只能是数字',
      'An old 15-digit ID number holds digits only',
    );
  }
  const first17 = `${text.slice(0, 6)}19${text.slice(6)}`;
  const parsed = parseIdNumber(`${first17}${computeCheckDigit(first17)}`, options);
  if (!parsed.ok && parsed.code === 'ID_BIRTH_DATE') {
    return rejected(
      'ID_BIRTH_DATE',
      `15位旧身份证号第7-12位的出生日期 ${text.slice(6, 12)} 不是有效日期`,
      `The birth date in the old ID number (digits 7-12), ${text.slice(6, 12)}, is not a real date`,
    );
  }
  return parsed;
}

export type IdCellProblemCode = 'ID_STORED_AS_NUMBER';

/** Excel's scientific form of a long number, as a CSV saved from it holds: `4.31121E+17`. */
const SCIENTIFIC = /^[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+$/;

const LOST_PRECISION: Rejected<IdCellProblemCode> = rejected(
  'ID_STORED_AS_NUMBER',
  '身份证号被存为数字且已丢失精度（如 4.31121E+17）：请在 Excel 中将该列设为文本格式后重新填写',
  'The ID number was stored as a number and lost its digits (e.g. 4.31121E+17): format the column as text in Excel and enter the numbers again',
);

/**
 * An ID number's text from a cell that may hold a number: an exact whole number (a 15-digit
 * old number fits) is read as its digits; a number too large to be exact (every 18-digit one),
 * a fraction, or the scientific form a CSV keeps of one, has lost digits and is refused.
 */
export function idTextOfCell(
  value: string | number,
): { ok: true; value: string } | Rejected<IdCellProblemCode> {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return { ok: true, value: String(value) };
    return LOST_PRECISION;
  }
  return SCIENTIFIC.test(value.trim()) ? LOST_PRECISION : { ok: true, value };
}

export type ListIdProblemCode = IdNumberProblemCode | IdCellProblemCode;

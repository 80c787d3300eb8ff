// Money is integer fen. Amounts people type are parsed from their text, never through
// floating-point arithmetic, so 0.1 + 0.2 yuan is exactly 30 fen.

import { ReferenceDataError, type Rejected, reason, rejected } from './reason';

export type MoneyProblemCode =
  | 'MONEY_EMPTY'
  | 'MONEY_INVALID'
  | 'MONEY_TOO_MANY_DECIMALS'
  | 'MONEY_OUT_OF_RANGE'
  | 'MONEY_NOT_FEN';

export type MoneyResult = { readonly ok: true; readonly fen: number } | Rejected<MoneyProblemCode>;

// sign, optional ¥ (half- or full-width) before or after the sign, digits with correct
// thousands groups or none, any number of decimals (counted below), optional 元.
const AMOUNT = /^([-+]?)(?:[¥￥]\s*)?([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*元)?$/;

/**
 * Reads a yuan amount as people write it — `'1,234.56'`, `'1234.5'`, `'¥12'`, `'12元'`,
 * `-3.5`, or a JS number — into integer fen. Refuses more than two decimals, misplaced
 * thousands separators (`'12,5'` is a European decimal, not 125) and anything else.
 */
export function parseYuan(input: string | number): MoneyResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) {
      return rejected('MONEY_INVALID', `金额不是数字：${input}`, `Not an amount: ${input}`);
    }
    // The shortest decimal that round-trips is exactly what was written: 0.1 → "0.1".
    text = String(input);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    text = '';
  }
  if (text === '') return rejected('MONEY_EMPTY', '金额不能为空', 'The amount is empty');
  const match = AMOUNT.exec(text);
  const [, sign1 = '', sign2 = '', whole = '', decimals = ''] = match ?? [];
  if (!match || (sign1 !== '' && sign2 !== '')) {
    return rejected(
      'MONEY_INVALID',
      `无法识别的金额：${text}（示例：1234.56 或 1,234.56）`,
      `Not an amount: ${text} (write e.g. 1234.56 or 1,234.56)`,
    );
  }
  if (decimals.length > 2) {
    return rejected(
      'MONEY_TOO_MANY_DECIMALS',
      `金额最多保留两位小数（到分）：${text}`,
      `An amount has at most two decimals (fen): ${text}`,
    );
  }
  const magnitude = Number(whole.replace(/,/g, '') + decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(magnitude)) {
    return rejected('MONEY_OUT_OF_RANGE', `金额过大：${text}`, `The amount is too large: ${text}`);
  }
  const negative = (sign1 || sign2) === '-' && magnitude !== 0;
  return { ok: true, fen: negative ? -magnitude : magnitude };
}

/** `parseYuan` for amounts that must be good: throws `ReferenceDataError` otherwise. */
export function yuanToFen(input: string | number): number {
  const result = parseYuan(input);
  if (!result.ok) throw new ReferenceDataError(result.code, result.reason);
  return result.fen;
}

function assertFen(value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new ReferenceDataError(
      'MONEY_NOT_FEN',
      reason(`金额必须是整数分：${value}`, `An amount must be a whole number of fen: ${value}`),
    );
  }
}

/**
 * `123456` → `'1,234.56'`; `{ grouping: false }` gives `'1234.56'` for files read by
 * machines.
 */
export function fenToYuanString(fen: number, options: { grouping?: boolean } = {}): string {
  assertFen(fen);
  const digits = String(Math.abs(fen)).padStart(3, '0');
  const whole = digits.slice(0, -2);
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${fen < 0 ? '-' : ''}${grouped}.${digits.slice(-2)}`;
}

/** Sums amounts in fen; throws if one is not a whole number of fen or the sum overflows. */
export function addFen(...amounts: number[]): number {
  let total = 0;
  for (const amount of amounts) {
    assertFen(amount);
    total += amount;
    if (!Number.isSafeInteger(total)) {
      throw new ReferenceDataError(
        'MONEY_OUT_OF_RANGE',
        reason('金额合计超出可精确表示的范围', 'The total is too large to be exact'),
      );
    }
  }
  return total;
}

import { zmsg } from '@fupin/kit';
import { addFen, fenToYuanString } from '@fupin/reference';
import { z } from 'zod';

/**
 * Money is integer fen (分) everywhere: in the API (`…Fen` fields), in storage and in events.
 * Yuan text appears only in imports (parsed exactly by `parseYuan`) and in printed output.
 */
export const fenSchema = z
  .number()
  .int(zmsg('金额须为整数分', 'amounts are whole fen'))
  .min(0, zmsg('金额不能为负', 'amounts cannot be negative'))
  .max(Number.MAX_SAFE_INTEGER);

export const positiveFenSchema = fenSchema.refine(
  (v) => v > 0,
  zmsg('金额须大于零', 'the amount must be above zero'),
);

/** Sum of amounts in fen, refusing anything that is not a whole number of fen. */
export function sumFen(amounts: number[]): number {
  return addFen(...amounts);
}

/** `123456` → `'1,234.56'` for notices and spreadsheets read by people. */
export const yuan = (fen: number) => fenToYuanString(fen);

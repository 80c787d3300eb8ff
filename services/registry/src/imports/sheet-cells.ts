import { type Bilingual, bi, type Cell, cellText } from '@fupin/kit';
import { type EnumDefinition, fromLabel, parseYuan, PovertyCause } from '@fupin/reference';
import type { GuaranteeInput } from '../households/guarantee.rules';

/**
 * Reading one cell of the household workbook into the value the service input takes: text,
 * enum labels, yes/no, whole numbers, yuan as fen, dates, ID numbers kept as text, the list of
 * poverty causes. Each reader answers the value or the reason the cell is refused.
 */

export type Parsed = { ok: true; value: unknown } | { ok: false; code: string; message: Bilingual };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (code: string, zh: string, en: string): Parsed => ({
  ok: false,
  code,
  message: bi(zh, en),
});

function isoDay(d: Date): string {
  // Excel dates carry no zone: exceljs reads them as UTC instants of the written wall time.
  return d.toISOString().slice(0, 10);
}

export const text =
  (max: number) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if ([...t].length > max)
      return bad('too_long', `不能超过${max}个字符`, `at most ${max} characters`);
    return ok(t === '' ? null : t);
  };

/** Enum cells hold the Chinese label (English labels and codes are read too). */
export const label =
  (e: EnumDefinition) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if (t === '') return ok(null);
    const code = fromLabel(e, t);
    if (code === undefined) {
      const allowed = Object.values(e)
        .map((v) => v.zh)
        .join('、');
      return bad(
        'unknown_label',
        `无法识别「${t}」，可填：${allowed}`,
        `"${t}" is not one of: ${allowed}`,
      );
    }
    return ok(code);
  };

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×']);

export const yesNo = (cell: Cell): Parsed => {
  if (typeof cell === 'boolean') return ok(cell);
  const t = cellText(cell).toLowerCase();
  if (t === '') return ok(null);
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return bad(
    'not_yes_no',
    `应填「是」或「否」，而不是「${t}」`,
    `expected 是 (yes) or 否 (no), not "${t}"`,
  );
};

const MET = new Set([...YES, '达标', '已达标', '保障', '有保障']);
const NOT_MET = new Set([...NO, '未达标', '不达标', '未保障', '无保障']);
const UNKNOWN = new Set(['未知', '不详', '待核实', '?', '？']);

/** What a guarantee cell (两不愁三保障) states; a blank (or 未知) cell states nothing. */
export type GuaranteeCell = 'met' | 'not_met';

/**
 * 是/达标/有 → met, 否/未达标/无 → not met, blank (or 未知) → null: unknown, left out of the
 * input so the registry records it as unknown — a blank cell is never taken as met.
 */
export const guarantee = (cell: Cell): Parsed => {
  if (typeof cell === 'boolean') return ok(cell ? 'met' : 'not_met');
  const t = cellText(cell).toLowerCase();
  if (t === '' || UNKNOWN.has(t)) return ok(null);
  if (MET.has(t)) return ok('met');
  if (NOT_MET.has(t)) return ok('not_met');
  return bad(
    'not_guarantee_state',
    `应填「是」「达标」或「否」「未达标」（不清楚请留空），而不是「${t}」`,
    `expected 是/达标 (met) or 否/未达标 (not met), or blank when unknown; not "${t}"`,
  );
};

/** The household input's value for a stated guarantee: its state (typed by the import). */
export const guaranteeInput = (state: GuaranteeCell): GuaranteeInput => ({ state });

export const integer =
  (min: number, max: number) =>
  (cell: Cell): Parsed => {
    const t = cellText(cell);
    if (t === '') return ok(null);
    const n = Number(t);
    if (!Number.isInteger(n) || n < min || n > max)
      return bad(
        'not_integer',
        `应为${min}–${max}的整数`,
        `expected a whole number from ${min} to ${max}`,
      );
    return ok(n);
  };

/** Yuan as people write them (`1,234.56`, `¥12`), stored as integer fen. */
export const yuan = (cell: Cell): Parsed => {
  const t = typeof cell === 'number' ? cell : cellText(cell);
  if (t === '') return ok(null);
  const r = parseYuan(t);
  if (!r.ok) return bad(r.code, r.reason.zh, r.reason.en);
  if (r.fen < 0) return bad('negative', '收入不能为负数', 'income cannot be negative');
  return ok(r.fen);
};

const DATE_FORMS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]0{1,2}:0{2}(?::0{2})?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export const date = (cell: Cell): Parsed => {
  if (cell instanceof Date) return ok(isoDay(cell));
  const t = cellText(cell);
  if (t === '') return ok(null);
  for (const re of DATE_FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d)
      return ok(isoDay(dt));
  }
  return bad(
    'not_a_date',
    `「${t}」不是有效日期，请写成 2020-01-31`,
    `"${t}" is not a date; write 2020-01-31`,
  );
};

/** A number cell's digits as Excel kept them (15 significant digits; the rest are zeros). */
function digitsOf(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 1e15) return String(n);
  const [mantissa, exponent] = n.toExponential(14).split('e');
  const length = Number(exponent) + 1;
  const digits = mantissa!.replace(/[.-]/g, '').padEnd(length, '0').slice(0, length);
  return n < 0 ? `-${digits}` : digits;
}

/**
 * ID numbers are kept as text: an 18-digit number cell has already lost its last digits in
 * Excel (it keeps 15 significant digits), so it is refused, saying what was read.
 */
export const idText = (cell: Cell): Parsed => {
  if (typeof cell === 'number')
    return bad(
      'ID_NOT_TEXT',
      `身份证号必须以文本填写：该单元格是数字，Excel 只保留 15 位有效数字，读到的是 ${digitsOf(cell)}，后几位已丢失。请将该列设为文本格式后重新录入`,
      `The ID number must be text: the cell is a number, Excel keeps 15 significant digits and ${digitsOf(cell)} was read, its last digits lost. Format the column as text and enter the numbers again`,
    );
  return ok(cellText(cell));
};

/**
 * Digit strings (bank accounts) may be number cells while they fit a number exactly; longer
 * ones have lost their last digits and are refused, saying what was read.
 */
export const digitsText =
  (max: number, zh: string, en: string) =>
  (cell: Cell): Parsed => {
    if (typeof cell === 'number' && !Number.isSafeInteger(cell))
      return bad(
        'NUMBER_NOT_TEXT',
        `${zh}必须以文本填写：该单元格是数字，读到的是 ${digitsOf(cell)}，后几位已丢失。请将该列设为文本格式后重新录入`,
        `The ${en} must be text: the cell is a number and ${digitsOf(cell)} was read, its last digits lost. Format the column as text and enter it again`,
      );
    return text(max)(cell);
  };

export const causes = (cell: Cell): Parsed => {
  const t = cellText(cell);
  if (t === '') return ok([]);
  const out: string[] = [];
  for (const part of t.split(/[、,，;；/\s]+/).filter(Boolean)) {
    const code = fromLabel(PovertyCause, part);
    if (!code)
      return bad(
        'unknown_label',
        `无法识别致贫原因「${part}」，多个原因用顿号分隔`,
        `"${part}" is not a poverty cause; separate several with 、`,
      );
    if (!out.includes(code)) out.push(code);
  }
  return ok(out);
};

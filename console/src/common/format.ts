import { fenToYuanString, parseYuan, shanghaiDateOf } from '@fupin/reference';

const NONE = '—';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD` in Asia/Shanghai, from an instant (ISO string) or a calendar date. */
export function formatDay(value: unknown): string {
  if (typeof value !== 'string' || value === '') return NONE;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? NONE : shanghaiDateOf(d);
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatDateTime(value: unknown): string {
  if (typeof value !== 'string' || value === '') return NONE;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return NONE;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Integer fen as yuan with two decimals and thousands separators: 123456 → `1,234.56`. */
export function formatYuan(fen: unknown): string {
  return typeof fen === 'number' && Number.isSafeInteger(fen) ? fenToYuanString(fen) : NONE;
}

/** What a person typed as yuan, in fen; undefined when it is not an amount. */
export function yuanTextToFen(text: string): number | undefined {
  const r = parseYuan(text);
  return r.ok ? r.fen : undefined;
}

/** Fen as the text of an input (no separators, so it can be edited). */
export const fenToInputText = (fen: unknown): string =>
  typeof fen === 'number' && Number.isSafeInteger(fen)
    ? fenToYuanString(fen, { grouping: false })
    : '';

/** A calendar day in Shanghai as an instant for the API: start or end of that day. */
export const dayToInstant = (day: string, end = false): string =>
  `${day}T${end ? '23:59:59.999' : '00:00:00.000'}+08:00`;

export const formatPercent = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) ? `${v.toFixed(2)}%` : NONE;

export const formatCount = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-US') : NONE;

import { bi, type FieldError, unprocessable } from '@fupin/kit';
import { FACT_COLUMNS, type FactColumn, ID_HEADERS, type ListType } from './list-types';

/** Header text as compared: no spaces (half- or full-width), no required-field stars. */
export function headerKey(text: string): string {
  return text.replace(/[\s\u3000*＊]/g, '');
}

/** `A` → 1, `AB` → 28 (Excel column letters), or null. */
function columnOfLetters(text: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Headers under which counties' files hold the ID number: the list types' own, and the
 * variants their exports use. A note in brackets after it (`身份证号（18位）`) is ignored.
 */
export const ID_HEADER_ALIASES = [
  ...ID_HEADERS,
  '公民身份证号',
  '公民身份证号码',
  '居民身份证号',
  '居民身份证号码',
  '身份证件号码',
  '身份证件号',
  '证件号',
  '身份证',
];

/** A header's key with a trailing note in brackets dropped (`身份证号（18位）`, `工资（元）`). */
const noteless = (text: string) =>
  headerKey(text).replace(/[（(【[][^（）()【】[\]]*[）)】\]]$/, '');

/** Whether a header names the ID-number column. */
export function isIdHeader(text: string): boolean {
  return ID_HEADER_ALIASES.includes(noteless(text));
}

export interface ColumnChoice {
  /** 1-based column index (as the table reader gives cells). */
  index: number;
  header: string;
}

/**
 * The ID-number column: the one the user chose (its header text, its letter `C` or its
 * number `3`), else the first header among the common ones (身份证号, 身份证号码, 公民身份号码,
 * 证件号码). A list without one is refused, naming the headers it has.
 */
export function idColumnOf(headers: string[], chosen?: string): ColumnChoice {
  const keys = headers.map((h) => headerKey(h));
  const at = (i: number): ColumnChoice | null =>
    i >= 1 && i < headers.length && keys[i] !== '' ? { index: i, header: headers[i] ?? '' } : null;
  if (chosen !== undefined && chosen.trim() !== '') {
    const wanted = headerKey(chosen);
    const byHeader = keys.indexOf(wanted);
    const found =
      (byHeader >= 1 ? at(byHeader) : null) ??
      (/^\d{1,4}$/.test(wanted) ? at(Number(wanted)) : null) ??
      at(columnOfLetters(wanted) ?? -1);
    if (found) return found;
    throw columnMissing('idColumn', headers, [chosen]);
  }
  const idKeys = headers.map((h) => noteless(h));
  for (const candidate of ID_HEADER_ALIASES) {
    const i = idKeys.indexOf(candidate);
    if (i >= 1) return { index: i, header: headers[i] ?? candidate };
  }
  throw columnMissing('idColumn', headers, ID_HEADERS);
}

/** The type's fact column, when it has one; a required one that is missing refuses the list. */
export function factColumnOf(
  type: ListType,
  headers: string[],
): (ColumnChoice & { fact: FactColumn }) | null {
  const fact = FACT_COLUMNS[type];
  if (!fact) return null;
  const keys = headers.map((h) => headerKey(h));
  // Also without a note in brackets (`（元）`) and a year before it (`2020年工资收入`, `2020年度…`).
  const bare = headers.map((h) => noteless(h).replace(/^(?:19|20)\d{2}年度?/, ''));
  for (const candidate of fact.headers) {
    let i = keys.indexOf(candidate);
    if (i < 1) i = bare.indexOf(candidate);
    if (i >= 1) return { index: i, header: headers[i] ?? candidate, fact };
  }
  if (fact.required) throw columnMissing(fact.name, headers, fact.headers);
  return null;
}

function columnMissing(field: string, headers: string[], wanted: string[]) {
  const present = headers.filter((h) => h.trim() !== '');
  const errors: FieldError[] = [
    {
      field,
      code: 'column_missing',
      message: bi(
        `表头中没有「${wanted.join('」「')}」列；现有列：${present.join('、') || '（无）'}`,
        `No column headed ${wanted.join(' / ')}; the headers are: ${present.join(', ') || '(none)'}`,
      ),
    },
  ];
  return unprocessable(
    field === 'idColumn' ? 'MATCHING_LIST_ID_COLUMN_NOT_FOUND' : 'MATCHING_LIST_COLUMN_MISSING',
    field === 'idColumn'
      ? bi(
          '找不到身份证号列：请使用「身份证号」「身份证号码」「公民身份号码」或「证件号码」作为表头，或指定 idColumn',
          'No ID-number column found: head it 身份证号, 身份证号码, 公民身份号码 or 证件号码, or choose it with idColumn',
        )
      : bi(`缺少必需的列：${wanted[0]}`, `A required column is missing: ${wanted[0]}`),
    errors,
  );
}

/** 危房等级 from what appraisals write: `C`, `C级`, `Ｄ级危房`, `c` … or null. */
export function gradeOf(text: string): 'A' | 'B' | 'C' | 'D' | null {
  const m = /[A-Da-dＡ-Ｄａ-ｄ]/.exec(text);
  if (!m) return null;
  const ch = m[0];
  const code = ch.charCodeAt(0);
  const half = code >= 0xff21 ? String.fromCharCode(code - 0xfee0) : ch;
  return half.toUpperCase() as 'A' | 'B' | 'C' | 'D';
}

import type { DossierTimelineEntry } from '@fupin/contracts';
import { timelineDay } from '@fupin/kit';
import { type EnumDefinition, fenToYuanString, parseTerm } from '@fupin/reference';

// How the support part of a dossier writes its terms, amounts and codes in a timeline (days and
// instants are the kit's `timelineDay` and `timelineInstant`).

/**
 * A term's first day (the school calendar's: the autumn term from 1 September, the spring term
 * from 1 February), so a term's enrollment sits where the term began, however late it was
 * recorded (an import of last term's list).
 */
export function termStart(term: string): string {
  const t = parseTerm(term);
  if (!t) throw new RangeError(`not a term: ${term}`);
  return timelineDay(`${t.year}-${t.season === 'autumn' ? '09' : '02'}-01`);
}

/** `2018-autumn` → 2018年秋季学期 / 2018 autumn term. */
export function termLabel(term: string): { zh: string; en: string } {
  const t = parseTerm(term);
  if (!t) return { zh: term, en: term };
  return t.season === 'autumn'
    ? { zh: `${t.year}年秋季学期`, en: `${t.year} autumn term` }
    : { zh: `${t.year}年春季学期`, en: `${t.year} spring term` };
}

/** 123456 fen → `1,234.56元` / `¥1,234.56`. */
export function money(fen: number): { zh: string; en: string } {
  const yuan = fenToYuanString(fen);
  return { zh: `${yuan}元`, en: `¥${yuan}` };
}

/** A ratio in basis points as a percent with two decimals (8500 → `85.00%`). */
export function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

/** A code's labels in a reference list, the code itself when the list does not know it. */
export function labelOf(list: EnumDefinition, code: string): { zh: string; en: string } {
  const v = (list as Record<string, { zh: string; en: string } | undefined>)[code];
  return v ? { zh: v.zh, en: v.en } : { zh: code, en: code };
}

/** A timeline entry (the labels given in zh-CN and en). */
export function entry(
  at: string,
  kind: string,
  zh: string,
  en: string,
  ref?: { resource: string; id: string },
): DossierTimelineEntry {
  return { at, kind, label: { 'zh-CN': zh, en }, ...(ref ? { ref } : {}) };
}

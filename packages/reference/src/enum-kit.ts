// What every enum of the domain guide is made of — a stable English code with its zh-CN and en
// labels and the spreadsheets' aliases — and the helpers that read one: is a code one of it, its
// label, its codes for a schema, the code a spreadsheet cell meant.

import { ReferenceDataError, reason } from './reason';

export interface EnumEntry {
  readonly zh: string;
  readonly en: string;
  readonly aliases?: readonly string[];
  /** Facts some enums carry beside the labels: a GB code, a `dangerous` flag ... */
  readonly [detail: string]: unknown;
}

export type EnumDefinition = { readonly [code: string]: EnumEntry };

/** The code type of an enum object: `CodeOf<typeof HouseholdStatus>`. */
export type CodeOf<E extends EnumDefinition> = Extract<keyof E, string>;

export type Lang = 'zh-CN' | 'en';

function hasCode<E extends EnumDefinition>(enumObj: E, code: string): code is CodeOf<E> {
  return Object.prototype.hasOwnProperty.call(enumObj, code);
}

/** Whether `code` is one of the enum's codes (for data read back from storage). */
export function isCodeOf<E extends EnumDefinition>(enumObj: E, code: unknown): code is CodeOf<E> {
  return typeof code === 'string' && hasCode(enumObj, code);
}

/** The label to show for a code; an unknown code is a programmer error and throws. */
export function labelOf<E extends EnumDefinition>(enumObj: E, code: CodeOf<E>, lang: Lang): string {
  const entry: EnumEntry | undefined = hasCode(enumObj, code) ? enumObj[code] : undefined;
  if (entry === undefined) {
    throw new ReferenceDataError(
      'ENUM_CODE_UNKNOWN',
      reason(`未知的代码：${String(code)}`, `Unknown code: ${String(code)}`),
    );
  }
  return lang === 'en' ? entry.en : entry.zh;
}

/** The codes as a non-empty readonly tuple, ready for `z.enum(codesOf(HouseholdStatus))`. */
export function codesOf<E extends EnumDefinition>(
  enumObj: E,
): readonly [CodeOf<E>, ...CodeOf<E>[]] {
  const codes = Object.keys(enumObj) as CodeOf<E>[];
  const [first, ...rest] = codes;
  if (first === undefined) throw new RangeError('An enum needs at least one code');
  return Object.freeze([first, ...rest] as const);
}

// Spreadsheet cells differ from the labels in width (（ vs (), spacing and letter case only.
function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const lookups = new WeakMap<EnumDefinition, Map<string, string>>();

function lookupFor(enumObj: EnumDefinition): Map<string, string> {
  let lookup = lookups.get(enumObj);
  if (lookup === undefined) {
    lookup = new Map();
    for (const [code, entry] of Object.entries(enumObj)) {
      for (const text of [code, entry.zh, entry.en, ...(entry.aliases ?? [])]) {
        lookup.set(comparable(text), code);
      }
    }
    lookups.set(enumObj, lookup);
  }
  return lookup;
}

/**
 * The code a person meant by a label (`'低保贫困户'`, `'五保户'`, `'Minimum-living-allowance
 * poor household'`, or the code itself), for Excel imports; undefined when nothing matches.
 * Full-width characters, spaces and letter case are ignored.
 */
export function fromLabel<E extends EnumDefinition>(
  enumObj: E,
  zhOrEnLabel: string,
): CodeOf<E> | undefined {
  const code = lookupFor(enumObj).get(comparable(zhOrEnLabel));
  return code !== undefined && hasCode(enumObj, code) ? code : undefined;
}

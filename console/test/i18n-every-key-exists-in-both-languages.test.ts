import englishMessages from 'ra-language-english';
import { en } from '../src/i18n/en';
import { zhCN } from '../src/i18n/zh-CN';

/** Every leaf key of a message tree, dotted (`ra.action.save`). */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const zhKeys = new Set(keysOf(zhCN));
const enKeys = new Set(keysOf(en));

test('every English key has a Chinese translation', () => {
  expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
});

test('every Chinese key exists in English', () => {
  expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
});

test("react-admin's own messages are all translated into Chinese", () => {
  const ra = keysOf(englishMessages).filter((k) => k.startsWith('ra.'));
  expect(ra.length).toBeGreaterThan(150);
  expect(ra.filter((k) => !zhKeys.has(k))).toEqual([]);
});

test('no Chinese message is empty or left in English', () => {
  const leaves = (tree: object, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? leaves(v as object, `${prefix}${k}.`)
        : [[`${prefix}${k}`, String(v)] as [string, string]],
    );
  // Words allowed inside Chinese text: file formats, encodings and placeholders.
  const allowed =
    /^(Excel|CSV|XLSX|JPEG|PNG|PDF|MB|GBK|UTF|smart_count|offsetBegin|offsetEnd|total|page|max|min|name|item|pattern|options|recordRepresentation|field_lower_first|order|column|input|amount|count|action|kind|date|fields|from|to|actor|message|percent|done|username|area|roles|created|updated|unchanged|rejected)$/;
  const suspicious = leaves(zhCN).filter(([key, text]) => {
    if (key === 'ra.boolean.null') return false;
    if (text.trim() === '' && key !== 'ra.boolean.null') return true;
    const words = text.replace(/%\{[^}]+\}/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    return words.some((w) => !allowed.test(w));
  });
  expect(suspicious).toEqual([]);
});

test('the same placeholders appear in both languages', () => {
  const placeholders = (s: string) =>
    [...new Set([...s.matchAll(/%\{([^}]+)\}/g)].map((m) => m[1]))].sort();
  const get = (tree: object, key: string) =>
    key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], tree) as string;
  const differing = [...zhKeys].filter((k) => {
    if (!enKeys.has(k)) return false;
    const zh = placeholders(get(zhCN, k));
    const english = get(en, k);
    // English plural forms name the item in the singular and count in the plural; Chinese
    // has one form, so it may use fewer of them, but never one English does not supply.
    if (english.includes('||||')) return zh.some((p) => !placeholders(english).includes(p));
    return JSON.stringify(zh) !== JSON.stringify(placeholders(english));
  });
  expect(differing).toEqual([]);
});

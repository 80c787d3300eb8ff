import { StringDecoder } from 'node:string_decoder';
import unzipper from 'unzipper';

/**
 * The merged cells of a worksheet, which exceljs's streaming reader skips (they sit after the
 * rows in the sheet's XML). A department list's header is often merged (a title across the
 * table, a group header over its sub-headers), so an upload held in memory is looked at once
 * more for them.
 */
export interface MergedRange {
  /** 1-based, inclusive: the master cell is (top, left). */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => XML_ENTITIES[name] ?? '');

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g))
    out[m[1] ?? ''] = unescapeXml(m[2] ?? '');
  return out;
}

/** `B3` → [3, 2]. */
function cellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** `A1:C2` → its range, or null (a single cell is no merge). */
export function mergedRangeOf(ref: string): MergedRange | null {
  const [a, b] = ref.split(':');
  const from = a ? cellRef(a) : null;
  const to = b ? cellRef(b) : null;
  if (!from || !to) return null;
  return {
    top: Math.min(from[0], to[0]),
    left: Math.min(from[1], to[1]),
    bottom: Math.max(from[0], to[0]),
    right: Math.max(from[1], to[1]),
  };
}

/** The path in the zip of the worksheet named so (or of the first one, without a name). */
async function sheetPathOf(
  files: Map<string, unzipper.File>,
  sheetName: string | undefined,
): Promise<string | null> {
  const workbook = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return null;
  const sheets = [
    ...(await workbook.buffer()).toString('utf8').matchAll(/<(?:\w+:)?sheet\s[^>]*>/g),
  ]
    .map((m) => attributesOf(m[0]))
    .map((a) => ({ name: a.name, rel: a['r:id'] ?? a.id }));
  const sheet = sheets.find((s) => sheetName === undefined || s.name === sheetName);
  if (!sheet) return null;
  const target = [...(await rels.buffer()).toString('utf8').matchAll(/<Relationship\s[^>]*>/g)]
    .map((m) => attributesOf(m[0]))
    .find((a) => a.Id === sheet.rel)?.Target;
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * The merged ranges of a workbook's worksheet (by its name, else the first) that start within
 * its first `maxRow` rows. A workbook that cannot be read has none: the rows' own reader reports
 * what is wrong with it.
 */
export async function worksheetMerges(
  xlsx: Buffer,
  sheetName: string | undefined,
  maxRow: number,
): Promise<MergedRange[]> {
  let directory: Awaited<ReturnType<typeof unzipper.Open.buffer>>;
  try {
    directory = await unzipper.Open.buffer(xlsx);
  } catch {
    return [];
  }
  const files = new Map(directory.files.map((f) => [f.path.replace(/^\//, ''), f]));
  const path = await sheetPathOf(files, sheetName);
  const entry = path ? files.get(path) : undefined;
  if (!entry) return [];
  const merges: MergedRange[] = [];
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const take = (text: string) => {
    const all = carry + text;
    let last = 0;
    for (const m of all.matchAll(/<(?:\w+:)?mergeCell\s+ref="([^"]+)"/g)) {
      const range = mergedRangeOf(m[1] ?? '');
      if (range && range.top <= maxRow) merges.push(range);
      last = (m.index ?? 0) + m[0].length;
    }
    // A tag cut between two chunks is found with the next one.
    carry = all.slice(Math.max(last, all.length - 200));
  };
  for await (const chunk of entry.stream() as AsyncIterable<Buffer>) take(decoder.write(chunk));
  take(decoder.end());
  return merges;
}

/**
 * The header row of a department list, read in the browser before the upload so the user can
 * map the ID-number column (列映射). The service reads the file again by itself; this only
 * shows which columns the file has. CSV is decoded as UTF-8 (with or without BOM) or else
 * GBK; XLSX is read from its zip: the first worksheet's first non-empty row.
 */
export interface HeaderCell {
  /** Excel column letter (`C`), which the service accepts as `idColumn`. */
  letter: string;
  text: string;
}

const letterOf = (index: number): string => {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const indexOfLetters = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function csvHeaders(bytes: Uint8Array): HeaderCell[] {
  // A cut in the middle of a multi-byte character fails UTF-8 decoding: cut at the last newline.
  const end = bytes.lastIndexOf(0x0a);
  const text = decodeText(end > 0 && bytes.length >= 65536 ? bytes.subarray(0, end) : bytes);
  const line = text.split(/\r?\n/).find((l) => l.replace(/[,\s]/g, '') !== '') ?? '';
  return cellsOf(csvFields(line.replace(/^\uFEFF/, '')));
}

const cellsOf = (texts: string[]): HeaderCell[] =>
  texts.map((text, i) => ({ letter: letterOf(i + 1), text })).filter((c) => c.text !== '');

/** The files of a zip archive, by name, read lazily. */
function zipEntries(buf: ArrayBuffer): Map<string, () => Promise<Uint8Array>> {
  const view = new DataView(buf);
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries = new Map<string, () => Promise<Uint8Array>>();
  const names = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = names.decode(new Uint8Array(buf, p + 46, nameLength));
    entries.set(name, async () => {
      const start =
        local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = new Uint8Array(buf, start, size);
      if (method === 0) return data;
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

const xml = (bytes: Uint8Array) =>
  new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
const byTag = (node: Document | Element, tag: string) => [...node.getElementsByTagNameNS('*', tag)];

async function xlsxHeaders(buf: ArrayBuffer): Promise<HeaderCell[]> {
  const zip = zipEntries(buf);
  const read = async (name: string) => {
    const entry = zip.get(name);
    return entry ? xml(await entry()) : null;
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  const sheetRel = workbook ? byTag(workbook, 'sheet')[0] : undefined;
  const relId =
    sheetRel?.getAttributeNS(
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
      'id',
    ) ?? sheetRel?.getAttribute('r:id');
  const target = rels
    ? byTag(rels, 'Relationship')
        .find((r) => r.getAttribute('Id') === relId)
        ?.getAttribute('Target')
    : undefined;
  const sheetPath = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target}`
    : 'xl/worksheets/sheet1.xml';
  const sheet = await read(sheetPath);
  if (!sheet) throw new Error('no worksheet');
  const sharedDoc = await read('xl/sharedStrings.xml');
  const shared = sharedDoc
    ? byTag(sharedDoc, 'si').map((si) =>
        byTag(si, 't')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
    : [];
  for (const row of byTag(sheet, 'row')) {
    const texts: string[] = [];
    for (const c of byTag(row, 'c')) {
      const ref = c.getAttribute('r') ?? '';
      const col = indexOfLetters(/^[A-Z]+/i.exec(ref)?.[0] ?? letterOf(texts.length + 1));
      const type = c.getAttribute('t');
      const v = byTag(c, 'v')[0]?.textContent ?? '';
      const text =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? byTag(c, 't')
                .map((t) => t.textContent ?? '')
                .join('')
            : v;
      texts[col - 1] = text.trim();
    }
    const filled = Array.from(texts, (t) => t ?? '');
    if (filled.some((t) => t !== '')) return cellsOf(filled);
  }
  return [];
}

/** The file's header cells, or null when the browser cannot read them (the service still can). */
export async function readHeaderRow(file: File): Promise<HeaderCell[] | null> {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (isZip) return await xlsxHeaders(await file.arrayBuffer());
    return csvHeaders(new Uint8Array(await file.slice(0, 65536).arrayBuffer()));
  } catch {
    return null;
  }
}

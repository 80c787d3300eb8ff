import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs 4.4's streaming workbook reader, with two faults of it mended. Both reach into its
 * internals; a strict check fails loudly should a new exceljs rename them.
 */

/** The parts of exceljs's streaming reader that take the XML of a zip entry. */
interface ReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: string,
  ): Generator<unknown> | AsyncGenerator<unknown>;
  parse(...args: unknown[]): AsyncGenerator<unknown>;
}

function internalsOf(reader: ExcelJS.stream.xlsx.WorkbookReader): ReaderInternals {
  const r = reader as unknown as ReaderInternals;
  for (const name of [
    '_parseWorkbook',
    '_parseSharedStrings',
    '_parseStyles',
    '_parseWorksheet',
    'parse',
  ] as const) {
    if (typeof r[name] !== 'function')
      throw new Error(`exceljs WorkbookReader internals changed (${name}): review xlsx-reader.ts`);
  }
  return r;
}

/** Buffers as text, a character split between two buffers joined again. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * exceljs decodes every decompressed chunk (16 KB) as UTF-8 on its own, so a Chinese character
 * that straddles two chunks turns into U+FFFD — a name or a label silently garbled every few
 * thousand rows (exceljs issues #2063, #2084). The XML is handed to it already decoded instead.
 */
function decodingWholeCharacters(r: ReaderInternals): void {
  const parseWorkbook = r._parseWorkbook.bind(r);
  const parseSharedStrings = r._parseSharedStrings.bind(r);
  const parseWorksheet = r._parseWorksheet.bind(r);
  r._parseWorkbook = (entry) => parseWorkbook(entry.setEncoding('utf8'));
  r._parseSharedStrings = (entry) => parseSharedStrings(entry.setEncoding('utf8'));
  r._parseWorksheet = (iterator, sheetNo) => parseWorksheet(utf8Text(iterator), sheetNo);
}

/**
 * exceljs reads a worksheet as soon as it meets it in the zip once the shared strings and the
 * relationships are read, whether or not the styles and the workbook's sheet list are. A
 * workbook whose parts are stored in another order (WPS, LibreOffice, a tool that re-zips it)
 * then has its date cells read as plain numbers (a 出生日期 of 24593) and its sheets named
 * `Sheet2` instead of their names. Such a worksheet is held in a temporary file and read once
 * the whole zip has been, in the order of its number; a workbook in Excel's order is read as
 * it streams, as before.
 */
function sheetsAfterStylesAndNames(r: ReaderInternals): void {
  const parseWorkbook = r._parseWorkbook.bind(r);
  const parseStyles = r._parseStyles.bind(r);
  const parseWorksheet = r._parseWorksheet.bind(r);
  const parse = r.parse.bind(r);
  let stylesRead = false;
  let namesRead = false;
  let dir: string | undefined;
  const held: { sheetNo: string; file: string }[] = [];
  r._parseWorkbook = async (entry) => {
    await parseWorkbook(entry);
    namesRead = true;
  };
  r._parseStyles = async (entry) => {
    await parseStyles(entry);
    stylesRead = true;
  };
  r._parseWorksheet = async function* (iterator, sheetNo) {
    if (stylesRead && namesRead && held.length === 0) {
      yield* parseWorksheet(iterator, sheetNo);
      return;
    }
    dir ??= await mkdtemp(path.join(tmpdir(), 'fupin-xlsx-'));
    const file = path.join(dir, `sheet${sheetNo}.xml`);
    await pipeline(Readable.from(iterator), createWriteStream(file));
    held.push({ sheetNo, file });
  };
  r.parse = async function* (...args) {
    try {
      yield* parse(...args);
      held.sort((a, b) => Number(a.sheetNo) - Number(b.sheetNo));
      for (const { sheetNo, file } of held.splice(0))
        yield* parseWorksheet(createReadStream(file), sheetNo);
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  };
}

/** The streaming reader every upload's XLSX is read with: worksheets emitted, nothing kept. */
export function workbookReader(stream: Readable): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const r = internalsOf(reader);
  decodingWholeCharacters(r);
  sheetsAfterStylesAndNames(r);
  return reader;
}

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AppError,
  allOf,
  assertTableUpload,
  badRequest,
  bi,
  type ByteSealer,
  type Cell,
  cellText,
  type CsvEncoding,
  countyWide,
  formatOf,
  type ListQuery,
  notFound,
  type PersonalDataCipher,
  type Principal,
  readRows,
  redactString,
  type ScopedRepository,
  UploadEnds,
} from '@fupin/kit';
import {
  ID_NORMALISE_WARNINGS,
  isAreaCode,
  isWithin,
  maskIdNumber,
  normaliseIdNumber,
  parseIdNumber,
} from '@fupin/reference';
import { factColumnOf, gradeOf, idColumnOf, type ColumnChoice } from './list-columns';
import { SegmentReader, SegmentWriter, type ListRow } from './list-rows';
import type { ListType } from './list-types';
import type { DepartmentList, ListSegmentModel, ListSeries, RowProblem } from './list.model';

/** Rows (and warnings) kept in the report; the counts by code are always complete. */
export const REPORT_LIMIT = 1000;
/** Cells of a row kept as evidence, and their length. */
const EVIDENCE_COLUMNS = 12;
const EVIDENCE_CHARS = 64;
/** Bytes looked at to tell the CSV's encoding: far more than a header row. */
const PEEK_BYTES = 64 * 1024;
/** An XLSX is read from memory (its directory sits at the end); far smaller than CSV exports. */
const MAX_XLSX_BYTES = 256 * 1024 * 1024;
/** Well-formed but failing GB 11643 (checksum, date, area): hashed to find the same number in the registry. */
const WELL_FORMED_ID = /^\d{17}[\dX]$/;

/** A cell kept as evidence: numbers that look like personal data masked, the length bounded. */
function evidenceOf(text: string): string {
  // Most cells hold no long number: the masking patterns run only where one could match.
  const masked = /\d{11}|bearer/i.test(text) ? redactString(text) : text;
  return masked.length > EVIDENCE_CHARS ? masked.slice(0, EVIDENCE_CHARS) : masked;
}

export interface UploadMeta {
  type: ListType;
  date: string;
  area?: string | undefined;
  idColumn?: string | undefined;
  fileName: string;
}

export type ListView = Omit<DepartmentList, '_id'> & { id: string };
export type ListSummary = Omit<ListView, 'rejected' | 'warnings'>;

const LIST = bi('部门名单', 'Department list');
/** A run reads the lists it was started with, whichever areas they cover. */
const RUN = countyWide('a matching run reads the lists it was started with');

function viewOf(l: DepartmentList): ListView {
  const { _id, ...rest } = l;
  return { id: _id, ...rest };
}

/**
 * UTF-8 (with or without BOM) or GBK, told from the first bytes: a department's CSV has its
 * Chinese header in the first row, so the first 64 KB decide. (The whole file cannot be read
 * twice: it is hashed as it arrives and never stored.)
 */
export function csvEncodingOfHead(head: Buffer, complete: boolean): CsvEncoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The upload as chunks, refused once it passes `maxBytes`. */
async function* limited(body: AsyncIterable<Buffer | string>, maxBytes: number) {
  let bytes = 0;
  for await (const piece of body) {
    const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += buf.length;
    if (bytes > maxBytes) {
      throw new AppError(
        413,
        'MATCHING_LIST_TOO_LARGE',
        bi(
          `名单文件超过 ${Math.round(maxBytes / 1048576)} MB，请拆分后分批上传`,
          `The list exceeds ${Math.round(maxBytes / 1048576)} MB; split it into several uploads`,
        ),
      );
    }
    yield buf;
  }
}

interface Report {
  rejected: RowProblem[];
  warnings: RowProblem[];
  rejectedByCode: Record<string, number>;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  rowsWithInvalidId: number;
  warningsCount: number;
  truncated: boolean;
}

/**
 * 部门名单 — uploads of department lists: read as they arrive (never stored as files), every
 * ID number normalised, checked and replaced by its keyed hash, the rows packed into sealed
 * segments, and a row-level report of what was refused. A list becomes the current version
 * of its series (type + area) only when it is complete.
 */
export class ListService {
  constructor(
    private readonly deps: {
      /** Department lists, each in its area's scope. */
      lists: ScopedRepository<DepartmentList>;
      /** A series (type + area) and its current version, in the area's scope. */
      series: ScopedRepository<ListSeries>;
      /** Sealed rows of a list, reached only through a list the caller may see. */
      segments: ListSegmentModel;
      cipher: PersonalDataCipher;
      sealer: ByteSealer;
      now: () => Date;
      maxBytes: number;
    },
  ) {}

  async upload(
    p: Principal,
    body: AsyncIterable<Buffer | string>,
    meta: UploadMeta,
  ): Promise<ListView> {
    const areaCode = meta.area ?? p.areaCode;
    if (!isAreaCode(areaCode))
      throw badRequest(
        'MATCHING_LIST_AREA_INVALID',
        bi('区划代码无效', 'The area code is invalid'),
        [
          {
            field: 'area',
            code: 'invalid',
            message: bi('应为12位区划代码', 'a 12-digit area code'),
          },
        ],
      );
    this.deps.lists.assertWritable(p, areaCode);
    const chunks = limited(body, this.deps.maxBytes)[Symbol.asyncIterator]();
    const headParts: Buffer[] = [];
    let headBytes = 0;
    let ended = false;
    while (headBytes < PEEK_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      headParts.push(next.value);
      headBytes += next.value.length;
    }
    const head = Buffer.concat(headParts, headBytes);
    if (head.length === 0)
      throw badRequest(
        'MATCHING_LIST_EMPTY',
        bi(
          '请在请求体中上传 .xlsx 或 .csv 名单文件',
          'Send the .xlsx or .csv list as the request body',
        ),
        [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
      );
    const ends = new UploadEnds();
    ends.push(head);
    let source: Readable;
    let encoding: CsvEncoding | null = null;
    const format = formatOf(head);
    if (format === 'xlsx') {
      const parts: Buffer[] = [head];
      let size = head.length;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        size += next.value.length;
        if (size > MAX_XLSX_BYTES)
          throw new AppError(
            413,
            'MATCHING_LIST_TOO_LARGE',
            bi(
              'Excel 名单超过 256 MB，请另存为 CSV 后上传',
              'The Excel list exceeds 256 MB; save it as CSV and upload that',
            ),
          );
        parts.push(next.value);
        ends.push(next.value);
      }
      await assertTableUpload(ends);
      source = Readable.from([Buffer.concat(parts, size)]);
    } else {
      await assertTableUpload(ends);
      encoding = csvEncodingOfHead(head, ended);
      source = Readable.from(
        (async function* () {
          yield head;
          for (let next = await chunks.next(); !next.done; next = await chunks.next())
            yield next.value;
        })(),
      );
    }

    const id = randomUUID();
    const now = this.deps.now();
    const list: DepartmentList = {
      _id: id,
      type: meta.type,
      areaCode,
      date: meta.date,
      fileName: meta.fileName,
      format,
      encoding,
      status: 'receiving',
      version: null,
      seriesId: `${meta.type}:${areaCode}`,
      headers: [],
      idColumn: null,
      factColumn: null,
      evidenceHeaders: [],
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsWithInvalidId: 0,
      warningsCount: 0,
      rejectedByCode: {},
      rejected: [],
      warnings: [],
      reportTruncated: false,
      segments: 0,
      bytes: 0,
      uploadedBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      error: null,
      createdAt: now,
      readyAt: null,
    };
    await this.deps.lists.create(p, list);
    try {
      const done = await this.store(list, source, meta.idColumn);
      return viewOf(await this.complete(p, done));
    } catch (err) {
      await this.deps.segments.deleteMany({ listId: id });
      const error =
        err instanceof AppError
          ? { code: err.code, message: err.messages }
          : {
              code: 'MATCHING_LIST_FAILED',
              message: bi('名单上传因系统故障中止', 'The upload stopped on a system fault'),
            };
      await this.deps.lists.updateOne(p, { _id: id }, { $set: { status: 'failed', error } });
      throw err;
    }
  }

  /** Reads every row, hashing and packing it; returns the list with its report and columns. */
  private async store(
    list: DepartmentList,
    source: Readable,
    chosenIdColumn: string | undefined,
  ): Promise<DepartmentList> {
    const writer = new SegmentWriter();
    const report: Report = {
      rejected: [],
      warnings: [],
      rejectedByCode: {},
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rowsWithInvalidId: 0,
      warningsCount: 0,
      truncated: false,
    };
    let segments = 0;
    let bytes = 0;
    const flush = async () => {
      if (writer.rows === 0) return;
      const { data, rows } = writer.take();
      const sealed = this.deps.sealer.seal(data);
      await this.deps.segments.create({
        _id: `${list._id}:${segments}`,
        listId: list._id,
        n: segments,
        rows,
        data: sealed,
      });
      segments++;
      bytes += sealed.length;
    };
    let sheet: string | null = null;
    let columns: {
      headers: string[];
      id: ColumnChoice;
      fact: ReturnType<typeof factColumnOf>;
      evidence: number[];
    } | null = null;
    for await (const r of readRows(() => source, list.format, list.encoding)) {
      sheet ??= r.sheet;
      // Only the first worksheet is the list; notes on other sheets are not rows.
      if (r.sheet !== sheet) break;
      if (!columns) {
        const headers = r.cells.map((c, i) => (i === 0 ? '' : cellText(c)));
        if (headers.every((h) => h === '')) continue;
        const id = idColumnOf(headers, chosenIdColumn);
        const fact = factColumnOf(list.type, headers);
        const evidence = headers
          .map((h, i) => (i > 0 && h !== '' && i !== id.index ? i : -1))
          .filter((i) => i > 0)
          .slice(0, EVIDENCE_COLUMNS);
        columns = { headers, id, fact, evidence };
        continue;
      }
      const row = this.rowOf(r.row, r.cells, columns, list, report);
      if (row) {
        writer.push(row);
        if (writer.full) await flush();
      }
    }
    await flush();
    if (!columns)
      throw badRequest(
        'MATCHING_LIST_EMPTY',
        bi('名单没有表头和数据', 'The list has no header and no rows'),
        [{ field: 'file', code: 'empty', message: bi('没有内容', 'no content') }],
      );
    return {
      ...list,
      headers: columns.headers.slice(1),
      idColumn: columns.id.header,
      factColumn: columns.fact?.header ?? null,
      evidenceHeaders: columns.evidence.map((i) => columns.headers[i] ?? ''),
      rowsRead: report.rowsRead,
      rowsAccepted: report.rowsAccepted,
      rowsRejected: report.rowsRejected,
      rowsWithInvalidId: report.rowsWithInvalidId,
      warningsCount: report.warningsCount,
      rejectedByCode: report.rejectedByCode,
      rejected: report.rejected,
      warnings: report.warnings,
      reportTruncated: report.truncated,
      segments,
      bytes,
    };
  }

  private rowOf(
    rowNo: number,
    cells: Cell[],
    columns: {
      headers: string[];
      id: ColumnChoice;
      fact: ReturnType<typeof factColumnOf>;
      evidence: number[];
    },
    list: DepartmentList,
    report: Report,
  ): ListRow | null {
    let empty = true;
    for (let i = 1; i < cells.length; i++) {
      if (cellText(cells[i]) !== '') {
        empty = false;
        break;
      }
    }
    if (empty) return null;
    report.rowsRead++;
    const reject = (
      column: string,
      code: string,
      message: { zh: string; en: string },
      value: string,
    ) => {
      report.rowsRejected++;
      report.rejectedByCode[code] = (report.rejectedByCode[code] ?? 0) + 1;
      if (report.rejected.length < REPORT_LIMIT)
        report.rejected.push({
          row: rowNo,
          column,
          code,
          message: bi(message.zh, message.en),
          value,
        });
      else report.truncated = true;
    };
    const raw = cellText(cells[columns.id.index]);
    const { value, warnings } = normaliseIdNumber(raw);
    const masked = maskIdNumber(value);
    for (const w of warnings) {
      report.warningsCount++;
      const reason = ID_NORMALISE_WARNINGS[w];
      if (report.warnings.length < REPORT_LIMIT)
        report.warnings.push({
          row: rowNo,
          column: columns.id.header,
          code: w,
          message: bi(reason.zh, reason.en),
          value: masked,
        });
      else report.truncated = true;
    }
    const cell = cells[columns.id.index];
    // An ID number typed into Excel as a number has lost its last digits: parseIdNumber
    // refuses non-text with the reason (format the column as text).
    const parsed = parseIdNumber(typeof cell === 'number' ? (cell as unknown as string) : value);
    let fact = '';
    if (columns.fact) {
      const text = cellText(cells[columns.fact.index]);
      if (columns.fact.fact.name === 'grade') {
        const grade = gradeOf(text);
        if (!grade) {
          reject(
            columns.fact.header,
            'MATCHING_GRADE_MISSING',
            { zh: '鉴定等级应为 A、B、C 或 D', en: 'The appraisal grade must be A, B, C or D' },
            evidenceOf(text),
          );
          return null;
        }
        fact = grade;
      } else if (isAreaCode(text) && isWithin(text, list.areaCode)) fact = text;
    }
    if (!parsed.ok) {
      reject(columns.id.header, parsed.code, parsed.reason, masked);
      if (!WELL_FORMED_ID.test(value)) return null;
      report.rowsWithInvalidId++;
    } else report.rowsAccepted++;
    return {
      hash: Buffer.from(this.deps.cipher.hash(parsed.ok ? parsed.value : value), 'hex'),
      row: rowNo,
      invalid: !parsed.ok,
      sex: parsed.ok ? parsed.sex : null,
      birthDate: parsed.ok ? parsed.birthDate : null,
      masked,
      fact,
      values: columns.evidence.map((i) => evidenceOf(cellText(cells[i]))),
    };
  }

  /** Gives the list its version and makes it current in its series, unless a newer one is. */
  private async complete(p: Principal, list: DepartmentList): Promise<DepartmentList> {
    if (list.rowsAccepted === 0)
      throw new AppError(
        422,
        'MATCHING_LIST_NO_VALID_ROWS',
        bi(
          '名单中没有一行有效的身份证号，未保存',
          'The list has no row with a valid ID number; nothing was stored',
        ),
        {
          errors: list.rejected.slice(0, 20).map((r) => ({
            field: `row ${r.row}.${r.column}`,
            code: r.code,
            message: r.message,
          })),
        },
      );
    const series = await this.deps.series.findOneAndUpdate(
      p,
      { _id: list.seriesId },
      {
        $inc: { lastVersion: 1 },
        $setOnInsert: {
          type: list.type,
          areaCode: list.areaCode,
          currentListId: null,
          currentVersion: 0,
        },
      },
      { upsert: true },
    );
    // An upsert always answers the series.
    const version = series?.lastVersion ?? 0;
    const ready: DepartmentList = { ...list, status: 'ready', version, readyAt: this.deps.now() };
    const { _id, ...fields } = ready;
    await this.deps.lists.replaceOne(p, { _id }, fields);
    await this.deps.series.updateOne(
      p,
      { _id: list.seriesId, currentVersion: { $lt: version } },
      { $set: { currentListId: list._id, currentVersion: version } },
    );
    return ready;
  }

  /** A list in the caller's scope, or one they uploaded (their area may have changed since). */
  private async visible(p: Principal, id: string): Promise<DepartmentList> {
    const l =
      (await this.deps.lists.findOne(p, { _id: id })) ??
      (await this.deps.lists.findOne(countyWide('the uploader sees the list they uploaded'), {
        _id: id,
        'uploadedBy.id': p.userId,
      }));
    if (!l) throw notFound(LIST, 'MATCHING_LIST_NOT_FOUND');
    return l;
  }

  async get(p: Principal, id: string): Promise<ListView> {
    return viewOf(await this.visible(p, id));
  }

  /** A complete list the caller may see, for a run. */
  async ready(p: Principal, id: string): Promise<DepartmentList> {
    const l = await this.visible(p, id);
    if (l.status !== 'ready')
      throw badRequest(
        'MATCHING_LIST_NOT_READY',
        bi('该名单未上传完成，不能比对', 'The list is not complete and cannot be matched'),
        [{ field: 'listId', code: 'not_ready', message: bi('名单未完成', 'list not complete') }],
      );
    return l;
  }

  /** The current version of every series within the caller's area. */
  async current(p: Principal): Promise<DepartmentList[]> {
    const series = await this.deps.series.find(p, { currentListId: { $ne: null } });
    const ids = series.map((s) => s.currentListId).filter((x): x is string => x !== null);
    if (ids.length === 0) return [];
    return this.deps.lists.find(
      p,
      { _id: { $in: ids }, status: 'ready' },
      { sort: { type: 1, areaCode: 1 } },
    );
  }

  async list(
    p: Principal,
    q: ListQuery<{ type?: ListType; status?: string; areaCode?: string }>,
  ): Promise<{ items: ListView[]; total: number }> {
    const filter = allOf(
      q.filter.type ? { type: q.filter.type } : undefined,
      q.filter.status ? { status: q.filter.status } : undefined,
      q.filter.areaCode ? { areaCode: q.filter.areaCode } : undefined,
    );
    const { items, total } = await this.deps.lists.page(p, filter, q, {
      rejected: 0,
      warnings: 0,
    });
    return { items: items.map(viewOf), total };
  }

  async byIds(ids: string[]): Promise<DepartmentList[]> {
    return this.deps.lists.find(
      RUN,
      { _id: { $in: ids } },
      { projection: { rejected: 0, warnings: 0 } },
    );
  }

  /** A list's rows, segment by segment, for a run. */
  async *rows(listId: string, segments: number): AsyncGenerator<SegmentReader> {
    for (let n = 0; n < segments; n++) {
      const s = await this.deps.segments.findById(`${listId}:${n}`).lean();
      if (!s) throw new Error(`list ${listId}: segment ${n} is missing`);
      const data = Buffer.isBuffer(s.data)
        ? s.data
        : Buffer.from((s.data as unknown as { buffer: Uint8Array }).buffer);
      yield new SegmentReader(this.deps.sealer.open(data));
    }
  }
}

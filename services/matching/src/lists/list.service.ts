import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AppError,
  allOf,
  badRequest,
  bi,
  type ByteSealer,
  conflict,
  countyWide,
  type ListQuery,
  notFound,
  type PersonalDataCipher,
  type Principal,
  readRows,
  type ScopedRepository,
} from '@fupin/kit';
import { isAreaCode } from '@fupin/reference';
import { assertMayUpload, mayUseListType, ownListTypeFilter } from './list-departments';
import { SegmentReader, SegmentWriter } from './list-rows';
import type { ListType } from './list-types';
import {
  type DepartmentList,
  hashKeyIdOf,
  type ListSegmentModel,
  type ListSeries,
} from './list.model';
import { type HeadOptions, HeadRows, type ListPreview, previewOf } from './list-head-rows';
import type { SheetRow } from './list-header';
import { emptyReport, type ListColumns, rowOf } from './list-row';
import { openUpload } from './list-upload';
import { rowsDeleteOn, rowsGone } from './list-retention';

export { REPORT_LIMIT } from './list-row';
export { csvEncodingOfHead } from './list-upload';

export interface UploadMeta {
  type: ListType;
  date: string;
  area?: string | undefined;
  idColumn?: string | undefined;
  /** The header row the user picked (1-based, as in Excel), else it is found. */
  headerRow?: number | undefined;
  fileName: string;
}

export type ListView = Omit<DepartmentList, '_id' | 'rowsDeletingSince'> & {
  id: string;
  /** 保留期限: the day the rows not behind an open finding are deleted (`YYYY-MM-DD`). */
  rowsDeleteOn: string | null;
};
export type ListSummary = Omit<ListView, 'rejected' | 'warnings'>;

const LIST = bi('部门名单', 'Department list');
/** A run reads the lists it was started with, whichever areas they cover. */
const RUN = countyWide('a matching run reads the lists it was started with');

/** Lists kept before retention existed are read as lists whose rows are all kept. */
function viewOf(l: DepartmentList, retentionDays: number): ListView {
  const { _id, rowsDeletingSince: _deleting, ...rest } = l;
  return {
    id: _id,
    ...rest,
    rowsDeleteOn: rowsDeleteOn(l, retentionDays),
    rowsDeletedAt: l.rowsDeletedAt ?? null,
    rowsKept: l.rowsKept ?? null,
    rowsDeleted: l.rowsDeleted ?? null,
    hashKeyId: hashKeyIdOf(l),
  };
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
      /** 保留期限 in days (LIST_RETENTION_DAYS). */
      retentionDays?: number;
    },
  ) {}

  private view(l: DepartmentList): ListView {
    return viewOf(l, this.deps.retentionDays ?? 90);
  }

  async upload(
    p: Principal,
    body: AsyncIterable<Buffer | string>,
    meta: UploadMeta,
  ): Promise<ListView> {
    assertMayUpload(p, meta.type);
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
    const { source, format, encoding, xlsx } = await openUpload(body, this.deps.maxBytes);

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
      hashKeyId: this.deps.cipher.hashKeyIds[0]!,
    };
    await this.deps.lists.create(p, list);
    try {
      const done = await this.store(list, source, xlsx, meta);
      return this.view(await this.complete(p, done));
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
    xlsx: Buffer | null,
    meta: Pick<UploadMeta, 'idColumn' | 'headerRow'>,
  ): Promise<DepartmentList> {
    const writer = new SegmentWriter();
    const report = emptyReport();
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
    const take = async (r: SheetRow) => {
      const row = rowOf((v) => this.deps.cipher.hash(v), r.row, r.cells, columns!, list, report);
      if (row) {
        writer.push(row);
        if (writer.full) await flush();
      }
    };
    let columns: (ListColumns & { lastRow: number }) | null = null;
    const head = new HeadRows(list.type, xlsx, meta);
    for await (const r of readRows(() => source, list.format, list.encoding)) {
      if (!head.push(r)) break;
      if (columns) await take(r);
      else if (head.full) {
        columns = await head.columns();
        for (const b of head.after(columns.lastRow)) await take(b);
      }
    }
    if (!columns && head.rows.length > 0) {
      columns = await head.columns();
      for (const b of head.after(columns.lastRow)) await take(b);
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

  /**
   * What an upload would read, before it is committed: the first rows of the file, the header
   * found (or picked) and the ID column. Nothing is stored.
   */
  async preview(
    p: Principal,
    body: AsyncIterable<Buffer | string>,
    options: HeadOptions,
  ): Promise<ListPreview> {
    this.deps.lists.assertWritable(p, p.areaCode);
    const { source, format, encoding, xlsx } = await openUpload(body, this.deps.maxBytes);
    // The type only decides the fact column, which a preview does not read.
    const head = new HeadRows('vehicles', xlsx, options);
    for await (const r of readRows(() => source, format, encoding))
      if (!head.push(r) || head.full) break;
    return previewOf(head, options);
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
    // A department sees only its own list types: another department's list is not found.
    if (!l || !mayUseListType(p, l.type)) throw notFound(LIST, 'MATCHING_LIST_NOT_FOUND');
    return l;
  }

  async get(p: Principal, id: string): Promise<ListView> {
    return this.view(await this.visible(p, id));
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
    // Its rows are gone: a run on it would find nobody on it (false 'missing from the list').
    if (rowsGone(l))
      throw badRequest(
        'MATCHING_LIST_ROWS_DELETED',
        bi(
          '该名单已过保留期限，明细已删除，不能作为比对依据；请上传新版本',
          'The list is past its retention period and its rows were deleted; it cannot be matched — upload a new version',
        ),
        [
          {
            field: 'listId',
            code: 'rows_deleted',
            message: bi('名单明细已删除', 'list rows deleted'),
          },
        ],
      );
    this.assertHashKeyHeld(l);
    return l;
  }

  /**
   * A run needs the HMAC key the list's rows were hashed with: once the service no longer
   * holds it (dropped after a rotation), the registry's people carry other hashes and every
   * row would look unknown (false 'not on the list', 'not registered' findings).
   */
  assertHashKeyHeld(l: DepartmentList): void {
    const keyId = hashKeyIdOf(l);
    if (this.deps.cipher.hashKeyIds.includes(keyId)) return;
    throw conflict(
      'MATCHING_LIST_HASH_KEY_RETIRED',
      bi(
        `名单“${l.fileName}”的身份证号比对码是用已停用的密钥（${keyId}）算出的，本服务已不再持有该密钥，不能再比对；请重新上传该名单`,
        `The list "${l.fileName}" was hashed with a retired key (${keyId}) and can no longer be matched; upload the list again`,
      ),
      { listId: l._id, hashKeyId: keyId },
    );
  }

  /** The current version of every series within the caller's area. */
  async current(p: Principal): Promise<DepartmentList[]> {
    const series = await this.deps.series.find(
      p,
      allOf({ currentListId: { $ne: null } }, ownListTypeFilter(p, 'type')),
    );
    const ids = series.map((s) => s.currentListId).filter((x): x is string => x !== null);
    if (ids.length === 0) return [];
    return this.deps.lists.find(
      p,
      // A list whose rows are deleted (or being deleted) is no list to be missing from.
      { _id: { $in: ids }, status: 'ready', rowsDeletingSince: null, rowsDeletedAt: null },
      { sort: { type: 1, areaCode: 1 } },
    );
  }

  async list(
    p: Principal,
    q: ListQuery<{ type?: ListType; status?: string; areaCode?: string }>,
  ): Promise<{ items: ListView[]; total: number }> {
    const filter = allOf(
      ownListTypeFilter(p, 'type'),
      q.filter.type ? { type: q.filter.type } : undefined,
      q.filter.status ? { status: q.filter.status } : undefined,
      q.filter.areaCode ? { areaCode: q.filter.areaCode } : undefined,
    );
    const { items, total } = await this.deps.lists.page(p, filter, q, {
      rejected: 0,
      warnings: 0,
    });
    return { items: items.map((l) => this.view(l)), total };
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

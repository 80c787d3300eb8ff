import { createHash, randomUUID } from 'node:crypto';
import { isAreaCode } from '@fupin/reference';
import type { SchemaDefinition } from 'mongoose';
import { AppError, badRequest, bi, notFound, unprocessable } from './errors';
import type { Principal } from './http/auth';
import { countyWide, type ScopedRepository } from './scoped-repository';

/**
 * A file uploaded first and then named by id in a record (a voucher, an inspection photo, a
 * piece of rectification evidence): one bounded document each (GridFS is not on every
 * MongoDB-protocol server we run on), kept with its SHA-256, seen in the area it was filed under
 * and in the areas of the records using it (`linkedAreas`).
 */
export interface AttachedFile {
  _id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  areaCode: string;
  linkedAreas: string[];
  uploadedBy: { id: string; name: string };
  uploadedAt: Date;
  data: Buffer;
}

/** The schema fields of an attached file (the bytes read only when asked: `+data`). */
export const attachedFileFields: SchemaDefinition = {
  _id: String,
  fileName: { type: String, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true },
  sha256: { type: String, required: true },
  areaCode: { type: String, required: true },
  linkedAreas: { type: [String], default: [] },
  uploadedBy: { id: String, name: String },
  uploadedAt: { type: Date, required: true },
  data: { type: Buffer, required: true, select: false },
};

/** What a record keeps of a file it names. */
export interface AttachedFileRef {
  fileId: string;
  fileName: string;
  sha256: string;
  size: number;
}

export type AttachedFileView<F extends AttachedFile> = Omit<F, '_id' | 'data'> & { id: string };

const FILE = bi('文件', 'File');
/** A stored record's area may read the files it references, whoever uploaded them. */
const LINK = countyWide('the files a stored record references are shown to its area');

/** The type a file's own first bytes say it is; the declared one only for other files. */
export function sniffedContentType(data: Buffer, declared: string | undefined): string {
  if (data.subarray(0, 4).toString('latin1') === '%PDF') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.subarray(1, 4).toString('latin1') === 'PNG') return 'image/png';
  if (data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (data.subarray(0, 2).toString('latin1') === 'PK')
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (declared && /^[\w.+-]+\/[\w.+-]+$/.test(declared) && !/json/.test(declared)) return declared;
  return 'application/octet-stream';
}

/** A stored Buffer comes back from a lean read as BSON Binary. */
export function bufferOfStored(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const b = data as { buffer: Uint8Array; position?: number };
  return Buffer.from(b.buffer.buffer, b.buffer.byteOffset, b.position ?? b.buffer.byteLength);
}

function viewOf<F extends AttachedFile>(f: F): AttachedFileView<F> {
  const { _id, data: _d, ...rest } = f;
  return { id: _id, ...rest } as AttachedFileView<F>;
}

/**
 * 上传 — a service's attached files: stored within the caller's scope and size limit, read in
 * scope, checked when a record names them, and linked to the record's area once it is stored.
 * Errors carry the service's prefix (`FUNDS_FILE_EMPTY`, `ASSESSMENT_FILE_UNKNOWN` …).
 */
export class AttachedFiles<F extends AttachedFile = AttachedFile> {
  constructor(
    private readonly deps: {
      files: ScopedRepository<F>;
      now: () => Date;
      maxBytes: number;
      /** The service's error-code prefix. */
      codePrefix: string;
    },
  ) {}

  private code(what: string) {
    return `${this.deps.codePrefix}_FILE_${what}`;
  }

  async store(
    p: Principal,
    data: Buffer,
    meta: { fileName: string; areaCode?: string | undefined; contentType?: string | undefined },
    /** The service's own fields of the document (a voucher's purpose …). */
    extra: Omit<F, keyof AttachedFile>,
  ): Promise<AttachedFileView<F>> {
    if (data.length === 0)
      throw badRequest(
        this.code('EMPTY'),
        bi('请在请求体中上传文件', 'Send the file as the request body'),
        [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
      );
    const mb = Math.floor(this.deps.maxBytes / 1048576);
    if (data.length > this.deps.maxBytes)
      throw new AppError(
        413,
        this.code('TOO_LARGE'),
        bi(`文件不能超过 ${mb} MB`, `A file may not exceed ${mb} MB`),
      );
    const areaCode = meta.areaCode ?? p.areaCode;
    if (!isAreaCode(areaCode))
      throw badRequest('VALIDATION_FAILED', bi('区划代码无效', 'Invalid area code'), [
        { field: 'areaCode', code: 'invalid', message: bi('须为12位区划代码', '12 digits') },
      ]);
    this.deps.files.assertWritable(p, areaCode);
    const doc = {
      ...extra,
      _id: randomUUID(),
      fileName: meta.fileName,
      contentType: sniffedContentType(data, meta.contentType),
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      areaCode,
      linkedAreas: [],
      uploadedBy: { id: p.userId, name: p.username },
      uploadedAt: this.deps.now(),
      data,
    } as unknown as F;
    await this.deps.files.create(p, doc);
    return viewOf(doc);
  }

  async meta(p: Principal, id: string): Promise<AttachedFileView<F>> {
    const f = await this.deps.files.findOne(p, { _id: id });
    if (!f) throw notFound(FILE, this.code('NOT_FOUND'));
    return viewOf(f);
  }

  async content(p: Principal, id: string): Promise<{ view: AttachedFileView<F>; data: Buffer }> {
    const f = await this.deps.files.findOne(p, { _id: id }, { projection: '+data' });
    if (!f) throw notFound(FILE, this.code('NOT_FOUND'));
    return { view: viewOf(f), data: bufferOfStored(f.data) };
  }

  /**
   * The files a record is about to name, each existing within the caller's scope (else 422,
   * `field.i` for each missing one). Nothing is written: `link` follows once the record is.
   */
  async resolve(p: Principal, ids: string[], field: string): Promise<AttachedFileRef[]> {
    if (ids.length === 0) return [];
    const found = await this.deps.files.find(p, { _id: { $in: ids } });
    const byId = new Map(found.map((f) => [f._id, f]));
    const missing = ids
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !byId.has(id))
      .map(({ i }) => ({
        field: `${field}.${i}`,
        code: 'unknown_file',
        message: bi('文件不存在或不在您的管辖范围内', 'no such file within your scope'),
      }));
    if (missing.length)
      throw unprocessable(
        this.code('UNKNOWN'),
        bi('引用的文件不存在，请先上传', 'A referenced file does not exist; upload it first'),
        missing,
      );
    return ids.map((id) => {
      const f = byId.get(id)!;
      return { fileId: f._id, fileName: f.fileName, sha256: f.sha256, size: f.size };
    });
  }

  /** Lets the users of the record's area read the files it names. */
  async link(ids: string[], areaCode: string): Promise<void> {
    if (ids.length === 0) return;
    await this.deps.files.updateMany(
      LINK,
      { _id: { $in: ids } } as never,
      { $addToSet: { linkedAreas: areaCode } } as never,
    );
  }
}

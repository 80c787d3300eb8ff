import { createHash, randomUUID } from 'node:crypto';
import {
  AppError,
  badRequest,
  bi,
  countyWide,
  notFound,
  type Principal,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import { isAreaCode } from '@fupin/reference';
import type { FilePurpose, StoredFile } from './file.model';

export type FileView = Omit<StoredFile, '_id' | 'data'> & { id: string };

/** What an aggregate keeps of an attached file. */
export interface FileRef {
  fileId: string;
  fileName: string;
  sha256: string;
  size: number;
}

const FILE = bi('文件', 'File');
/** A stored record's area may read the files it references, whoever uploaded them. */
const LINK = countyWide('the files a stored record references are shown to its area');

function contentTypeOf(data: Buffer, declared: string | undefined): string {
  if (data.subarray(0, 4).toString('latin1') === '%PDF') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.subarray(1, 4).toString('latin1') === 'PNG') return 'image/png';
  if (data.subarray(0, 2).toString('latin1') === 'PK') {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  if (declared && /^[\w.+-]+\/[\w.+-]+$/.test(declared) && !/json/.test(declared)) return declared;
  return 'application/octet-stream';
}

/** 上传 — vouchers and project documents: stored with their SHA-256, read within the scope. */
export class FileService {
  constructor(
    private readonly deps: {
      /** Files, visible in the uploader's area and in the areas of the records using them. */
      files: ScopedRepository<StoredFile>;
      now: () => Date;
      maxBytes: number;
    },
  ) {}

  async store(
    p: Principal,
    data: Buffer,
    meta: { fileName: string; purpose: FilePurpose; areaCode?: string; contentType?: string },
  ): Promise<FileView> {
    if (data.length === 0) {
      throw badRequest(
        'FUNDS_FILE_EMPTY',
        bi('请在请求体中上传文件', 'Send the file as the request body'),
        [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
      );
    }
    if (data.length > this.deps.maxBytes) {
      throw new AppError(
        413,
        'FUNDS_FILE_TOO_LARGE',
        bi(
          `文件不能超过 ${Math.floor(this.deps.maxBytes / 1048576)} MB`,
          `A file may not exceed ${Math.floor(this.deps.maxBytes / 1048576)} MB`,
        ),
      );
    }
    const areaCode = meta.areaCode ?? p.areaCode;
    if (!isAreaCode(areaCode)) {
      throw badRequest('VALIDATION_FAILED', bi('区划代码无效', 'Invalid area code'), [
        { field: 'areaCode', code: 'invalid', message: bi('须为12位区划代码', '12 digits') },
      ]);
    }
    this.deps.files.assertWritable(p, areaCode);
    const doc: StoredFile = {
      _id: randomUUID(),
      fileName: meta.fileName,
      contentType: contentTypeOf(data, meta.contentType),
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      purpose: meta.purpose,
      areaCode,
      linkedAreas: [],
      uploadedBy: { id: p.userId, name: p.username },
      uploadedAt: this.deps.now(),
      data,
    };
    await this.deps.files.create(p, doc);
    return viewOf(doc);
  }

  async meta(p: Principal, id: string): Promise<FileView> {
    const f = await this.deps.files.findOne(p, { _id: id });
    if (!f) throw notFound(FILE, 'FUNDS_FILE_NOT_FOUND');
    return viewOf(f);
  }

  async content(p: Principal, id: string): Promise<{ view: FileView; data: Buffer }> {
    const f = await this.deps.files.findOne(p, { _id: id }, { projection: '+data' });
    if (!f) throw notFound(FILE, 'FUNDS_FILE_NOT_FOUND');
    return { view: viewOf(f), data: bufferOf(f.data) };
  }

  /**
   * The files a record is about to reference, checked (each exists and the caller may see
   * it); `field` names the request field in errors. Nothing is written here: `link` is
   * called once the record is stored.
   */
  async resolve(p: Principal, ids: string[], field: string): Promise<FileRef[]> {
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
    if (missing.length) {
      throw unprocessable(
        'FUNDS_FILE_UNKNOWN',
        bi('引用的文件不存在，请先上传', 'A referenced file does not exist; upload it first'),
        missing,
      );
    }
    return ids.map((id) => {
      const f = byId.get(id)!;
      return { fileId: f._id, fileName: f.fileName, sha256: f.sha256, size: f.size };
    });
  }

  /** Lets the users of the record's area read the files it references. */
  async link(ids: string[], areaCode: string): Promise<void> {
    if (ids.length === 0) return;
    await this.deps.files.updateMany(
      LINK,
      { _id: { $in: ids } },
      { $addToSet: { linkedAreas: areaCode } },
    );
  }
}

function viewOf(f: StoredFile): FileView {
  const { _id, data: _d, ...rest } = f;
  return { id: _id, ...rest };
}

/** A stored Buffer comes back from a lean read as BSON Binary. */
function bufferOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const b = data as { buffer: Uint8Array; position?: number };
  return Buffer.from(b.buffer.buffer, b.buffer.byteOffset, b.position ?? b.buffer.byteLength);
}

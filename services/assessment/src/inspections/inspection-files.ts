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
import type { FileRef, HistoryEntry, InspectionFile } from './inspection.model';

/** At most this many bytes a file: far below MongoDB's 16 MB document. */
export const INSPECTION_FILE_MAX_BYTES = 10 * 1024 * 1024;

const FILE = bi('文件', 'File');
/** A stored record's area may read the files it references, whoever uploaded them. */
const LINK = countyWide('the files a stored record references are shown to its area');

/** The type a file's own first bytes say it is; the declared one only for other files. */
function contentTypeOf(data: Buffer, declared: string | undefined): string {
  if (data.subarray(0, 4).toString('latin1') === '%PDF') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.subarray(1, 4).toString('latin1') === 'PNG') return 'image/png';
  if (data.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (declared && /^[\w.+-]+\/[\w.+-]+$/.test(declared) && !/json/.test(declared)) return declared;
  return 'application/octet-stream';
}

export type InspectionFileView = Omit<InspectionFile, '_id' | 'data'> & { id: string };

const viewOf = ({ _id, data: _d, ...rest }: InspectionFile): InspectionFileView => ({
  id: _id,
  ...rest,
});

/** A stored Buffer comes back from a lean read as BSON Binary. */
function bufferOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const b = data as { buffer: Uint8Array; position?: number };
  return Buffer.from(b.buffer.buffer, b.buffer.byteOffset, b.position ?? b.buffer.byteLength);
}

/** 督查照片与整改材料 — uploaded first, then named by id in an inspection or a submission. */
export class InspectionFiles {
  constructor(
    private readonly deps: { files: ScopedRepository<InspectionFile>; now: () => Date },
  ) {}

  async store(
    p: Principal,
    data: Buffer,
    meta: { fileName: string; areaCode?: string | undefined; contentType?: string | undefined },
  ): Promise<InspectionFileView> {
    if (data.length === 0) {
      throw badRequest(
        'ASSESSMENT_FILE_EMPTY',
        bi('请在请求体中上传文件', 'Send the file as the request body'),
        [{ field: 'file', code: 'required', message: bi('文件为空', 'the file is empty') }],
      );
    }
    if (data.length > INSPECTION_FILE_MAX_BYTES) {
      throw new AppError(
        413,
        'ASSESSMENT_FILE_TOO_LARGE',
        bi('文件不能超过 10 MB', 'A file may not exceed 10 MB'),
      );
    }
    const areaCode = meta.areaCode ?? p.areaCode;
    this.deps.files.assertWritable(p, areaCode);
    const doc: InspectionFile = {
      _id: randomUUID(),
      fileName: meta.fileName,
      contentType: contentTypeOf(data, meta.contentType),
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      areaCode,
      linkedAreas: [],
      uploadedBy: { id: p.userId, name: p.username },
      uploadedAt: this.deps.now(),
      data,
    };
    await this.deps.files.create(p, doc);
    return viewOf(doc);
  }

  async content(p: Principal, id: string): Promise<{ view: InspectionFileView; data: Buffer }> {
    const f = await this.deps.files.findOne(p, { _id: id }, { projection: '+data' });
    if (!f) throw notFound(FILE, 'ASSESSMENT_FILE_NOT_FOUND');
    return { view: viewOf(f), data: bufferOf(f.data) };
  }

  /** The files a record is about to name, each existing within the caller's scope (else 422). */
  async resolve(p: Principal, ids: string[], field: string): Promise<FileRef[]> {
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
    if (missing.length) {
      throw unprocessable(
        'ASSESSMENT_FILE_UNKNOWN',
        bi('引用的文件不存在，请先上传', 'A referenced file does not exist; upload it first'),
        missing,
      );
    }
    return ids.map((id) => {
      const f = byId.get(id)!;
      return { fileId: f._id, fileName: f.fileName, sha256: f.sha256, size: f.size };
    });
  }

  /** Lets the users of the record's area read the files it names. */
  async link(refs: FileRef[], areaCode: string): Promise<void> {
    if (refs.length === 0) return;
    await this.deps.files.updateMany(
      LINK,
      { _id: { $in: refs.map((r) => r.fileId) } },
      { $addToSet: { linkedAreas: areaCode } },
    );
  }
}

/** One line of a record's history. */
export function historyEntry(
  p: Principal,
  at: Date,
  action: string,
  opts: { from?: string | null; to?: string | null; note?: string | null } = {},
): HistoryEntry {
  return {
    at,
    actorId: p.userId,
    actorName: p.username,
    action,
    from: opts.from ?? null,
    to: opts.to ?? null,
    note: opts.note ?? null,
  };
}

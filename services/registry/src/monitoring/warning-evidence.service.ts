import { randomUUID } from 'node:crypto';
import {
  AppError,
  bi,
  type ByteSealer,
  conflict,
  notFound,
  type Principal,
  READ_IN_SCOPE,
  type ScopedRepository,
  unprocessable,
} from '@fupin/kit';
import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  FILE_REF,
  MAX_EVIDENCE_FILES,
  type WarningEvidenceFile,
} from './warning-evidence.model';
import type { MonitoringWarning } from './warning.model';

const WARNING = bi('防返贫预警', 'Monitoring warning');

export interface EvidenceFileView {
  id: string;
  name: string;
  contentType: string;
  bytes: number;
}

function bytesOf(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const bin = data as { buffer: Uint8Array; position: number };
  return Buffer.from(bin.buffer.buffer, bin.buffer.byteOffset, bin.position);
}

/**
 * 预警佐证材料 — photos and documents uploaded for an open warning in the caller's scope (JPEG, PNG
 * or PDF whose bytes match the type, within the size limit), kept sealed, read back by whoever
 * reads the warning, and named by its decision as `file:<id>`.
 */
export class WarningEvidenceService {
  readonly maxBytes = EVIDENCE_MAX_BYTES;

  constructor(
    private readonly deps: {
      warnings: ScopedRepository<MonitoringWarning>;
      files: ScopedRepository<WarningEvidenceFile>;
      sealer: ByteSealer;
      now: () => Date;
    },
  ) {}

  /** The open warning a file may be uploaded for (in the caller's writable scope). */
  async openWarning(p: Principal, id: string): Promise<MonitoringWarning> {
    const w = await this.deps.warnings.getForChange(p, id, {
      what: WARNING,
      code: 'REGISTRY_WARNING_NOT_FOUND',
    });
    if (w.status !== 'open')
      throw conflict(
        'REGISTRY_WARNING_DECIDED',
        bi(
          '该预警已核实，不能再上传佐证材料',
          'The warning was already verified; no more evidence can be uploaded',
        ),
        { currentStatus: w.status },
      );
    return w;
  }

  async upload(
    p: Principal,
    w: MonitoringWarning,
    file: { contentType: string; data: Buffer; name: string },
  ): Promise<EvidenceFileView> {
    const type = file.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const matches = EVIDENCE_TYPES[type];
    if (!matches || !matches(file.data))
      throw new AppError(
        415,
        'REGISTRY_EVIDENCE_TYPE',
        bi(
          '佐证材料须为 JPEG、PNG 图片或 PDF 文件，且内容与类型一致',
          'Evidence must be a JPEG or PNG image or a PDF document whose content matches its type',
        ),
        { extra: { allowed: Object.keys(EVIDENCE_TYPES) } },
      );
    if (file.data.length > EVIDENCE_MAX_BYTES)
      throw new AppError(
        413,
        'REGISTRY_EVIDENCE_TOO_LARGE',
        bi('佐证材料过大', 'The evidence file is too large'),
      );
    const kept = await this.deps.files.count(p, { warningId: w._id });
    if (kept >= MAX_EVIDENCE_FILES)
      throw conflict(
        'REGISTRY_EVIDENCE_LIMIT',
        bi(
          `每条预警最多上传 ${MAX_EVIDENCE_FILES} 份佐证材料`,
          `A warning keeps at most ${MAX_EVIDENCE_FILES} evidence files`,
        ),
      );
    const stored: WarningEvidenceFile = {
      _id: randomUUID(),
      warningId: w._id,
      areaCode: w.areaCode,
      name: file.name,
      contentType: type,
      bytes: file.data.length,
      data: this.deps.sealer.seal(file.data),
      uploadedBy: { id: p.userId, name: p.username },
      uploadedAt: this.deps.now(),
    };
    await this.deps.files.create(p, stored);
    return { id: stored._id, name: stored.name, contentType: type, bytes: stored.bytes };
  }

  /** A file of a warning the caller reads, its bytes opened. */
  async read(
    p: Principal,
    warningId: string,
    fileId: string,
  ): Promise<EvidenceFileView & { data: Buffer }> {
    await this.deps.warnings.get(p, warningId, {
      what: WARNING,
      code: 'REGISTRY_WARNING_NOT_FOUND',
    });
    const f = await this.deps.files.findOne(p, { _id: fileId, warningId });
    if (!f) throw notFound(bi('佐证材料', 'Evidence file'), 'REGISTRY_EVIDENCE_NOT_FOUND');
    const data = this.deps.sealer.open(bytesOf(f.data));
    return { id: f._id, name: f.name, contentType: f.contentType, bytes: f.bytes, data };
  }

  /**
   * Refuses a decision whose evidence names (`file:<id>`) a file not uploaded for this warning
   * (422, field evidence). Other entries are references the township typed.
   */
  async checkReferences(w: MonitoringWarning, evidence: string[]): Promise<void> {
    const ids = evidence.map((e) => FILE_REF.exec(e)?.[1]).filter((id): id is string => !!id);
    if (!ids.length) return;
    const found = await this.deps.files.find(
      READ_IN_SCOPE,
      { _id: { $in: ids }, warningId: w._id },
      { projection: { _id: 1 } },
    );
    const known = new Set(found.map((f) => f._id));
    const unknown = ids.filter((id) => !known.has(id));
    if (!unknown.length) return;
    throw unprocessable(
      'REGISTRY_WARNING_EVIDENCE_UNKNOWN',
      bi('佐证材料有误，请检查标出的字段', 'The evidence is invalid; see the listed field'),
      [
        {
          field: 'evidence',
          code: 'unknown_file',
          message: bi(
            `以下文件不是为该预警上传的佐证材料：${unknown.join('、')}`,
            `These files were not uploaded for this warning: ${unknown.join(', ')}`,
          ),
        },
      ],
    );
  }
}

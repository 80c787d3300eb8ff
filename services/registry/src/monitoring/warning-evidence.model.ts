import { type Connection, type Model, Schema } from 'mongoose';

/**
 * 佐证材料 — a photo or document a township uploads while verifying a 防返贫 warning, named in the
 * decision's evidence as `file:<id>`. One bounded document each (GridFS is not on every
 * MongoDB-protocol server we run on; the size limit keeps a file far below the 16 MB document
 * limit), its bytes sealed at rest (AES-256-GCM with PII_ENCRYPTION_KEY). Scoped by the warning's
 * village.
 */
export interface WarningEvidenceFile {
  _id: string;
  warningId: string;
  areaCode: string;
  name: string;
  contentType: string;
  /** The plain file's size. */
  bytes: number;
  /** The sealed bytes. */
  data: Buffer;
  uploadedBy: { id: string; name: string };
  uploadedAt: Date;
}

const schema = new Schema<WarningEvidenceFile>(
  {
    _id: String,
    warningId: { type: String, required: true },
    areaCode: { type: String, required: true },
    name: { type: String, required: true },
    contentType: { type: String, required: true },
    bytes: { type: Number, required: true },
    data: { type: Buffer, required: true },
    uploadedBy: { type: Schema.Types.Mixed, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { collection: 'monitoring_warning_evidence', versionKey: false },
);
schema.index({ warningId: 1, areaCode: 1 });

export type WarningEvidenceModel = Model<WarningEvidenceFile>;

export function warningEvidenceModel(conn: Connection): WarningEvidenceModel {
  return (
    (conn.models.MonitoringWarningEvidence as WarningEvidenceModel | undefined) ??
    conn.model<WarningEvidenceFile>('MonitoringWarningEvidence', schema)
  );
}

/** The files kept: the declared type must match the file's own first bytes. */
export const EVIDENCE_TYPES: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) =>
    b.length > 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'application/pdf': (b) => b.length > 5 && b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** At most this many bytes a file (sealed, it stays far below MongoDB's 16 MB document). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** At most this many files a warning (a decision names at most 20 pieces of evidence). */
export const MAX_EVIDENCE_FILES = 20;
/** How a decision's evidence names an uploaded file. */
export const FILE_REF = /^file:(.+)$/;

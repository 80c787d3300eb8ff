import { type AttachedFile, attachedFileFields } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';

export const FILE_PURPOSES = ['voucher', 'document', 'photo', 'other'] as const;
/** voucher 报账凭证 (invoice, receipt, payroll), document 项目文件, photo 公示照片. */
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * An uploaded file (the kit's attached file), with what it is for. The SHA-256 of its bytes is
 * what tells a voucher used twice.
 */
export interface StoredFile extends AttachedFile {
  purpose: FilePurpose;
}

const fileSchema = new Schema<StoredFile>(
  { ...attachedFileFields, purpose: { type: String, required: true, enum: FILE_PURPOSES } },
  { collection: 'files', versionKey: false },
);
fileSchema.index({ sha256: 1 });
fileSchema.index({ areaCode: 1, uploadedAt: -1 });

export function fileModel(conn: Connection) {
  return conn.models.StoredFile
    ? conn.model<StoredFile>('StoredFile')
    : conn.model<StoredFile>('StoredFile', fileSchema);
}
export type FileModel = ReturnType<typeof fileModel>;

import { type Connection, Schema } from 'mongoose';

export const FILE_PURPOSES = ['voucher', 'document', 'photo', 'other'] as const;
/** voucher 报账凭证 (invoice, receipt, payroll), document 项目文件, photo 公示照片. */
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/**
 * An uploaded file, kept whole in one document (uploads are limited well below the 16 MB
 * document limit). The SHA-256 of its bytes is what tells a voucher used twice.
 */
export interface StoredFile {
  _id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  purpose: FilePurpose;
  /** The area the uploader filed it under (within the uploader's scope). */
  areaCode: string;
  /** Areas of the records it is attached to: their users may read it too. */
  linkedAreas: string[];
  uploadedBy: { id: string; name: string };
  uploadedAt: Date;
  data: Buffer;
}

const fileSchema = new Schema<StoredFile>(
  {
    _id: String,
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    purpose: { type: String, required: true, enum: FILE_PURPOSES },
    areaCode: { type: String, required: true },
    linkedAreas: { type: [String], default: [] },
    uploadedBy: { id: String, name: String },
    uploadedAt: { type: Date, required: true },
    data: { type: Buffer, required: true, select: false },
  },
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

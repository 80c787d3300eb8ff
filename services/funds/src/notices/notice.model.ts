import type { PdfColumn } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';

export const NOTICE_KINDS = ['project', 'payment_list'] as const;
/** project 项目公示; payment_list 资金发放名单公示. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Where and when a notice was put up (张贴公示). */
export interface Posting {
  id: string;
  place: string;
  postedOn: string;
  takenDownOn: string | null;
  photoFileId: string | null;
  by: string;
  at: Date;
}

/**
 * 公示公告 — a notice as generated: its content is kept, so the printed PDF and the XLSX are
 * the same every time they are downloaded, whatever changed in the project since.
 */
export interface Notice {
  _id: string;
  kind: NoticeKind;
  projectId: string;
  projectCode: string;
  disbursementId: string | null;
  areaCode: string;
  title: string;
  issuer: string;
  periodDays: number;
  startsOn: string;
  endsOn: string;
  supervisionPhone: string | null;
  content: { intro: string[]; columns: PdfColumn[]; rows: string[][]; footer: string[] };
  createdBy: { id: string; name: string };
  createdAt: Date;
  postings: Posting[];
}

const noticeSchema = new Schema<Notice>(
  {
    _id: String,
    kind: { type: String, required: true, enum: NOTICE_KINDS },
    projectId: { type: String, required: true },
    projectCode: { type: String, required: true },
    disbursementId: { type: String, default: null },
    areaCode: { type: String, required: true },
    title: { type: String, required: true },
    issuer: { type: String, required: true },
    periodDays: { type: Number, required: true },
    startsOn: { type: String, required: true },
    endsOn: { type: String, required: true },
    supervisionPhone: { type: String, default: null },
    content: { type: Schema.Types.Mixed, required: true },
    createdBy: { id: String, name: String },
    createdAt: { type: Date, required: true },
    postings: { type: Schema.Types.Mixed, default: () => [] },
  },
  { collection: 'notices', versionKey: false, minimize: false },
);
noticeSchema.index({ areaCode: 1, createdAt: -1 });
// A project's notices within the caller's area.
noticeSchema.index({ projectId: 1, areaCode: 1 });

export function noticeModel(conn: Connection) {
  return conn.models.Notice
    ? conn.model<Notice>('Notice')
    : conn.model<Notice>('Notice', noticeSchema);
}
export type NoticeModel = ReturnType<typeof noticeModel>;

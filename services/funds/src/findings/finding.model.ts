import type { Bilingual } from '@fupin/kit';
import { type Connection, Schema } from 'mongoose';
import { type HistoryEntry, historyFields } from '../shared/principal';

export const FINDING_KINDS = [
  'beneficiary_not_registered',
  'over_allocation_attempt',
  'voucher_reused',
  'unapproved_transfer',
] as const;
/**
 * Misuse signals (挤占、挪用、截留、贪污的线索): a payment to someone outside the registry, a
 * payment above the allocation attempted, a voucher used for a second payment, money of one
 * project paid to another project's contractor without an approved transfer.
 */
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** 问题线索 — one misuse signal with its evidence, open until someone else resolves it. */
export interface Finding {
  _id: string;
  /** What makes two detections the same finding (detected again → stored once). */
  key: string;
  kind: FindingKind;
  status: FindingStatus;
  areaCode: string;
  townshipCode: string;
  projectId: string;
  projectCode: string;
  disbursementId: string | null;
  amountFen: number;
  summary: Bilingual;
  evidence: Record<string, unknown>;
  /** The user whose action raised the signal: they may not resolve it themselves. */
  subjectUserId: string | null;
  detectedAt: Date;
  resolution: { outcome: 'confirmed' | 'dismissed'; note: string; by: string; at: Date } | null;
  history: HistoryEntry[];
}

const findingSchema = new Schema<Finding>(
  {
    _id: String,
    key: { type: String, required: true },
    kind: { type: String, required: true, enum: FINDING_KINDS },
    status: { type: String, required: true, enum: FINDING_STATUSES },
    areaCode: { type: String, required: true },
    townshipCode: { type: String, required: true },
    projectId: { type: String, required: true },
    projectCode: { type: String, required: true },
    disbursementId: { type: String, default: null },
    amountFen: { type: Number, required: true },
    summary: { type: Schema.Types.Mixed, required: true },
    evidence: { type: Schema.Types.Mixed, required: true },
    subjectUserId: { type: String, default: null },
    detectedAt: { type: Date, required: true },
    resolution: { type: Schema.Types.Mixed, default: null },
    history: { type: [historyFields], default: [] },
  },
  { collection: 'findings', versionKey: false, minimize: false },
);
findingSchema.index({ key: 1 }, { unique: true });
findingSchema.index({ areaCode: 1, status: 1, detectedAt: -1 });
findingSchema.index({ disbursementId: 1, status: 1 });
// The list's filters, each followed by the scope range.
findingSchema.index({ status: 1, areaCode: 1 });
findingSchema.index({ projectId: 1, areaCode: 1 });

export function findingModel(conn: Connection) {
  return conn.models.Finding
    ? conn.model<Finding>('Finding')
    : conn.model<Finding>('Finding', findingSchema);
}
export type FindingModel = ReturnType<typeof findingModel>;

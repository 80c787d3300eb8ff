import { type Connection, Schema } from 'mongoose';

/**
 * One entry of the county's audit log, as reported on `audit.v1` by any service (the
 * gateway included). Append-only: the model refuses every update and delete.
 */
export interface AuditRecord {
  /** The event id: a redelivered event finds its entry already there. */
  _id: string;
  at: Date;
  receivedAt: Date;
  service: string;
  action: string;
  actorId: string;
  actorName: string | null;
  actorArea: string;
  subjectType: string;
  subjectIds: string[];
  fields: string[];
  reason: string | null;
  requestId: string | null;
  count: number;
  /** What a decision changed (guarantee overrides, reference data), as reported; else null. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const auditRecordSchema = new Schema<AuditRecord>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    receivedAt: { type: Date, required: true },
    service: { type: String, required: true },
    action: { type: String, required: true },
    actorId: { type: String, required: true },
    actorName: { type: String, default: null },
    actorArea: { type: String, required: true },
    subjectType: { type: String, required: true },
    subjectIds: { type: [String], default: [] },
    fields: { type: [String], default: [] },
    reason: { type: String, default: null },
    requestId: { type: String, default: null },
    count: { type: Number, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'audit_store', versionKey: false },
);
auditRecordSchema.index({ at: -1 });
auditRecordSchema.index({ actorId: 1, at: -1 });
auditRecordSchema.index({ action: 1, at: -1 });
auditRecordSchema.index({ subjectIds: 1 });
// The list within the caller's area, newest first.
auditRecordSchema.index({ actorArea: 1, at: -1 });
// The list's filters, each followed by the scope range (one index walks both).
auditRecordSchema.index({ action: 1, actorArea: 1 });
auditRecordSchema.index({ actorId: 1, actorArea: 1 });
auditRecordSchema.index({ service: 1, actorArea: 1 });
auditRecordSchema.index({ subjectIds: 1, actorArea: 1 });

const refuse = () => {
  throw new Error('the audit store is append-only');
};
for (const op of [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const) {
  auditRecordSchema.pre(op, refuse);
}

export function auditRecordModel(conn: Connection) {
  return conn.models.AuditRecord
    ? conn.model<AuditRecord>('AuditRecord')
    : conn.model<AuditRecord>('AuditRecord', auditRecordSchema);
}
export type AuditRecordModel = ReturnType<typeof auditRecordModel>;

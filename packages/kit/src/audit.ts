import { AuditRecorded, createEvent } from '@fupin/contracts';
import { type Connection, Schema } from 'mongoose';
import { badRequest, bi } from './errors';
import type { Principal } from './http/auth';
import { type OutboxFields, outboxPlugin, withOutbox } from './kafka/outbox';

export type AuditAction =
  | 'unmask'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'account_locked'
  | 'permission_change'
  /** 人工认定: a guarantee typed over what the facts derive (or such a statement cleared). */
  | 'guarantee_override'
  | 'guarantee_override_cleared'
  /** Reference data an auditor asks about: the village exit conditions, the poverty line. */
  | 'exit_conditions_change'
  | 'poverty_line_change'
  /** 防返贫监测: the monitoring line or the medical threshold of a year. */
  | 'monitoring_settings_change'
  /** 保留期限: a department list's rows deleted by the retention job (those behind an open finding kept). */
  | 'list_rows_deleted'
  /** 到户资金确认: what a household said of its payments at a helper's visit. */
  | 'receipt_confirmation';

/** A decision's values before and after: plain codes and figures, never personal data in clear. */
export type AuditValues = Record<string, string | number | boolean | null>;

/** One auditable access, kept append-only in the service's database and reported on `audit.v1`. */
export interface AuditEntry extends OutboxFields {
  _id: string;
  at: Date;
  service: string;
  action: AuditAction;
  actorId: string;
  actorName: string;
  actorArea: string;
  subjectType: string;
  subjectIds: string[];
  fields: string[];
  reason: string | null;
  requestId: string | null;
  count: number;
  /** What a decision changed (overrides, reference data); null for accesses and sign-ins. */
  before: AuditValues | null;
  after: AuditValues | null;
}

const auditSchema = new Schema<AuditEntry>(
  {
    _id: String,
    at: { type: Date, required: true },
    service: { type: String, required: true },
    action: { type: String, required: true },
    actorId: { type: String, required: true },
    actorName: { type: String, required: true },
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
  { collection: 'audit_log', versionKey: false },
);
auditSchema.plugin(outboxPlugin);
auditSchema.index({ at: -1 });
auditSchema.index({ actorId: 1, at: -1 });
auditSchema.index({ subjectIds: 1 });

export function auditModel(conn: Connection) {
  return conn.models.AuditEntry
    ? conn.model<AuditEntry>('AuditEntry')
    : conn.model<AuditEntry>('AuditEntry', auditSchema);
}

/** A reason is required to see personal data in clear (it goes to the audit log). */
export function requireReason(reason: unknown): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (r.length < 2 || r.length > 200) {
    throw badRequest(
      'AUDIT_REASON_REQUIRED',
      bi(
        '查看或导出明文个人信息须填写事由（2–200字）',
        'Give a reason (2–200 characters) to see or export personal data in clear',
      ),
      [{ field: 'reason', code: 'required', message: bi('请填写事由', 'a reason is required') }],
    );
  }
  return r;
}

/** Writes audit entries (stored first, then published by the service's outbox relay). */
export class AuditLog {
  constructor(
    private readonly conn: Connection,
    private readonly service: string,
    private readonly stored: () => void = () => undefined,
  ) {}

  get model() {
    return auditModel(this.conn);
  }

  async record(
    p: Principal,
    entry: {
      action: AuditAction;
      subjectType: string;
      subjectIds: string[];
      fields: string[];
      reason: string | null;
      requestId?: string | null;
      before?: AuditValues | null;
      after?: AuditValues | null;
    },
  ): Promise<void> {
    const id = crypto.randomUUID();
    const doc = {
      _id: id,
      at: new Date(),
      service: this.service,
      action: entry.action,
      actorId: p.userId,
      actorName: p.username,
      actorArea: p.areaCode,
      subjectType: entry.subjectType,
      subjectIds: entry.subjectIds,
      fields: entry.fields,
      reason: entry.reason,
      requestId: entry.requestId ?? null,
      count: entry.subjectIds.length,
      before: entry.before ?? null,
      after: entry.after ?? null,
    };
    const event = createEvent(AuditRecorded, {
      id,
      aggregateId: id,
      areaCode: p.areaCode,
      actor: { kind: 'user', id: p.userId, name: p.username },
      payload: {
        service: this.service,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectIds: entry.subjectIds,
        fields: entry.fields,
        reason: entry.reason,
        requestId: entry.requestId ?? null,
        count: entry.subjectIds.length,
        before: entry.before ?? null,
        after: entry.after ?? null,
      },
    });
    await this.model.create(withOutbox(doc, [event]));
    this.stored();
  }
}

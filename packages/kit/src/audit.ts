import {
  AuditAnchored,
  AuditRecorded,
  createEvent,
  type Envelope,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { shanghaiDateOf } from '@fupin/reference';
import { type Connection, Schema } from 'mongoose';
import {
  type ChainAnchor,
  type ChainedEntry,
  type ChainReport,
  type ChainSource,
  linkEntries,
  verifyChain,
} from './audit-chain';
import { badRequest, bi } from './errors';
import { isDuplicateKey } from './mongo';

export * from './audit-chain';
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
  | 'receipt_confirmation'
  /** 密钥轮换: an administrator started the reseal of old-key values (and keyed hashes). */
  | 'key_reseal';

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
  /** 审计链: the entry's place in the chain, the hash before it and its own (see audit-chain). */
  seq?: number;
  prevHash?: string;
  hash?: string;
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
    seq: { type: Number },
    prevHash: { type: String },
    hash: { type: String },
  },
  { collection: 'audit_log', versionKey: false },
);
auditSchema.plugin(outboxPlugin);
auditSchema.index({ at: -1 });
auditSchema.index({ actorId: 1, at: -1 });
auditSchema.index({ subjectIds: 1 });
// One entry per place in the chain: a second replica writing the same seq fails and retries.
// Entries from before the chain have no seq and stay out of the index.
auditSchema.index(
  { seq: 1 },
  { unique: true, partialFilterExpression: { seq: { $exists: true } }, name: 'audit_chain_seq' },
);

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
    readonly service: string,
    private readonly stored: () => void = () => undefined,
    /** The clock (tests cross midnight in Asia/Shanghai to see a day anchored). */
    private readonly now: () => Date = () => new Date(),
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
      at: this.now(),
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
    await this.appendChained(doc, event, p.areaCode);
    this.stored();
  }

  /**
   * Stores an entry at the chain's end: reads the last entry, links after it and inserts; a
   * writer that took the same seq meanwhile makes the insert fail on the seq index, and it
   * links again after the new end.
   */
  private async appendChained(
    doc: AuditEntry,
    recorded: Envelope,
    areaCode: string,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const last = await this.model
        .findOne({ seq: { $exists: true } }, { seq: 1, hash: 1, at: 1 })
        .sort({ seq: -1 })
        .lean();
      const [linked] = linkEntries(last ? { seq: last.seq!, hash: last.hash! } : null, [doc]);
      const anchor = last ? this.anchorOf(last, doc.at, areaCode) : null;
      try {
        await this.model.create(withOutbox(linked!, anchor ? [recorded, anchor] : [recorded]));
        return;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 50 || !isSeqClash(err)) throw err;
      }
    }
  }

  /**
   * The anchor of the day the last entry closes, when this entry is the first of a later day
   * (Asia/Shanghai): published with this entry, in the same write.
   */
  private anchorOf(last: Pick<AuditEntry, 'seq' | 'hash' | 'at'>, at: Date, areaCode: string) {
    const day = shanghaiDateOf(last.at);
    if (day === shanghaiDateOf(at)) return null;
    return createEvent(AuditAnchored, {
      aggregateId: `${this.service}:${day}`,
      areaCode,
      actor: SYSTEM_ACTOR,
      payload: { service: this.service, day, seq: last.seq!, hash: last.hash! },
    });
  }

  /** Walks this service's chain (see verifyChain), against the anchors published so far. */
  async verify(anchors: ChainAnchor[] = []): Promise<ChainReport> {
    return verifyChain(chainSourceOf(this.model), { anchors });
  }
}

function isSeqClash(err: unknown): boolean {
  const e = err as { keyPattern?: Record<string, unknown>; message?: string };
  return Boolean(e.keyPattern?.seq) || /audit_chain_seq/.test(e.message ?? '');
}

/** The audit log read for verifyChain: by seq through its unique index, legacy ones by `at`. */
export function chainSourceOf(model: ReturnType<typeof auditModel>): ChainSource {
  return {
    chainedAfter: async (afterSeq, limit) =>
      (await model
        .find({ seq: { $gt: afterSeq } })
        .sort({ seq: 1 })
        .limit(limit)
        .lean()) as unknown as ChainedEntry[],
    unchainedBefore: (at) =>
      model.countDocuments({ seq: { $exists: false }, ...(at ? { at: { $lt: at } } : {}) }),
    unchainedSince: async (at, limit) =>
      model
        .find({ at: { $gte: at }, seq: { $exists: false } }, { _id: 1, at: 1 })
        .sort({ at: 1 })
        .limit(limit)
        .lean(),
  };
}

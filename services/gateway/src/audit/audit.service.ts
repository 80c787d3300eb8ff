import type { AuditRecorded, Envelope } from '@fupin/contracts';
import {
  bi,
  countyWide,
  isDuplicateKey,
  type ListQuery,
  type Principal,
  type ScopedRepository,
} from '@fupin/kit';
import type { z } from 'zod';
import type { AuditRecord } from './audit.model';

type AuditPayload = z.output<(typeof AuditRecorded)['payload']>;

/** Entries come from every service and every area: the store files each under its actor's area. */
const REPORTED = countyWide('the audit store keeps the entries every service reports');

export interface AuditFilter {
  action?: string[];
  service?: string;
  actorId?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

export function auditRecordView(r: AuditRecord) {
  return {
    id: r._id,
    at: r.at.toISOString(),
    service: r.service,
    action: r.action,
    actorId: r.actorId,
    actorName: r.actorName,
    actorArea: r.actorArea,
    subjectType: r.subjectType,
    subjectIds: r.subjectIds,
    fields: r.fields,
    reason: r.reason,
    requestId: r.requestId,
    count: r.count,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}

/** The audit store: entries reported by every service, kept append-only and searchable. */
export class AuditStore {
  constructor(
    /** Entries by their actor's area (`actorArea`): a search sees its caller's area only. */
    private readonly records: ScopedRepository<AuditRecord>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a reported entry once; a redelivered event changes nothing. */
  async store(event: Envelope<AuditPayload>): Promise<void> {
    try {
      await this.records.create(REPORTED, {
        _id: event.id,
        at: new Date(event.occurredAt),
        receivedAt: this.now(),
        service: event.payload.service,
        action: event.payload.action,
        actorId: event.actor.id,
        actorName: event.actor.name ?? null,
        actorArea: event.areaCode,
        subjectType: event.payload.subjectType,
        subjectIds: event.payload.subjectIds,
        fields: event.payload.fields,
        reason: event.payload.reason,
        requestId: event.payload.requestId,
        count: event.payload.count,
        before: event.payload.before ?? null,
        after: event.payload.after ?? null,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** One entry, 404 when it is missing or filed under an area outside the caller's. */
  async get(p: Principal, id: string) {
    return auditRecordView(
      await this.records.get(p, id, {
        what: bi('审计记录', 'Audit entry'),
        code: 'AUDIT_ENTRY_NOT_FOUND',
      }),
    );
  }

  async list(p: Principal, q: ListQuery<AuditFilter>) {
    const f = q.filter;
    const at: Record<string, Date> = {};
    if (f.from) at.$gte = f.from;
    if (f.to) at.$lte = f.to;
    const filter: Record<string, unknown> = {
      ...(f.action ? { action: { $in: f.action } } : {}),
      ...(f.service ? { service: f.service } : {}),
      ...(f.actorId ? { actorId: f.actorId } : {}),
      ...(f.subjectType ? { subjectType: f.subjectType } : {}),
      ...(f.subjectId ? { subjectIds: f.subjectId } : {}),
      ...(Object.keys(at).length ? { at } : {}),
    };
    const { items, total } = await this.records.page(p, filter, q);
    return { items: items.map(auditRecordView), total };
  }
}

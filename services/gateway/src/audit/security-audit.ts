import type { AuditAction, AuditLog, Principal } from '@fupin/kit';

export interface AuditActor {
  id: string;
  name: string;
  areaCode: string;
}

/**
 * The gateway's own auditable events (sign-ins, failures, locks, permission changes). They
 * go through the same path as every service's: stored with an outbox, published on
 * `audit.v1`, and consumed into the audit store.
 */
export class SecurityAudit {
  constructor(private readonly log: AuditLog) {}

  async record(
    actor: AuditActor,
    action: AuditAction,
    subject: { type: string; ids: string[]; fields?: string[] },
    opts: { reason?: string | null; requestId?: string | null } = {},
  ): Promise<void> {
    const principal: Principal = {
      userId: actor.id,
      username: actor.name,
      roles: [],
      areaCode: actor.areaCode,
      rights: {},
    };
    await this.log.record(principal, {
      action,
      subjectType: subject.type,
      subjectIds: subject.ids,
      fields: subject.fields ?? [],
      reason: opts.reason ?? null,
      requestId: opts.requestId ?? null,
    });
  }
}

/** Who did something, as the security audit records it: the user and the area of their scope. */
export const auditActorOf = (p: Principal): AuditActor => ({
  id: p.userId,
  name: p.username,
  areaCode: p.areaCode,
});

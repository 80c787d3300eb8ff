import { z } from 'zod';
import { defineEvent } from '../registry';

/**
 * Every access to personal data (unmasking, export) and every security event, reported by
 * the service where it happened; the gateway stores them append-only.
 */
export const AuditRecorded = defineEvent({
  topic: 'audit.v1',
  type: 'audit.entry.recorded',
  version: 1,
  description:
    'An auditable action: unmasking personal data, an export, a login, a permission change.',
  payload: z.object({
    service: z.string(),
    action: z.enum([
      'unmask',
      'export',
      'login',
      'login_failed',
      'account_locked',
      'permission_change',
    ]),
    subjectType: z.string(),
    subjectIds: z.array(z.string()).max(100_000),
    fields: z.array(z.string()),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    count: z.number().int().min(0),
  }),
});

import { z } from 'zod';
import { defineEvent } from '../registry';

const auditValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/**
 * Every access to personal data (unmasking, export) and every security event, reported by
 * the service where it happened; the gateway stores them append-only.
 */
export const AuditRecorded = defineEvent({
  topic: 'audit.v1',
  type: 'audit.entry.recorded',
  version: 1,
  description:
    'An auditable action: unmasking personal data, an export, a login, a permission change, a guarantee typed over the derived one, a change of the village exit conditions or of the poverty line.',
  payload: z.object({
    service: z.string(),
    action: z.enum([
      'unmask',
      'export',
      'login',
      'login_failed',
      'account_locked',
      'permission_change',
      'guarantee_override',
      'guarantee_override_cleared',
      'exit_conditions_change',
      'poverty_line_change',
      'monitoring_settings_change',
      'list_rows_deleted',
      'receipt_confirmation',
      'key_reseal',
    ]),
    subjectType: z.string(),
    subjectIds: z.array(z.string()).max(100_000),
    fields: z.array(z.string()),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    count: z.number().int().min(0),
    /** A decision's values before and after (codes and figures; no personal data in clear). */
    before: auditValues.nullable().optional(),
    after: auditValues.nullable().optional(),
  }),
});

import { AuditRecorded } from '@fupin/contracts';
import {
  handle,
  idParam,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
} from '@fupin/kit';
import type { Router } from 'express';
import { z } from 'zod';
import type { AuditStore } from './audit.service';

const AUDIT_ACTIONS = AuditRecorded.payload.shape.action.options;

const listFilter = z.strictObject({
  action: z
    .union([z.enum(AUDIT_ACTIONS), z.array(z.enum(AUDIT_ACTIONS)).max(10)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  service: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,40}$/)
    .optional(),
  actorId: z.string().min(1).max(100).optional(),
  subjectType: z.string().min(1).max(60).optional(),
  subjectId: z.string().min(1).max(100).optional(),
  from: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
  to: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
});

export function auditRoutes(router: Router, store: AuditStore): void {
  router.get(
    '/audit',
    requireRight('audit', 'read'),
    handle(async (req, res) => {
      const q = parseListQuery(req.query as Record<string, unknown>, {
        sortable: ['at', 'action', 'service', 'actorId'],
        defaultSort: ['at', 'DESC'],
        filter: listFilter,
      });
      const { items, total } = await store.list(principalOf(req), q);
      sendList(res, 'audit', q, items, total);
    }),
  );
  router.get(
    '/audit/:id',
    requireRight('audit', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await store.get(principalOf(req), id));
    }),
  );
}

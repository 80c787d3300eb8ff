import type { Router } from 'express';
import { z } from 'zod';
import type { AuditLog } from '../audit';
import { parseInput } from '../errors';
import { handle } from './app';
import { requireRight } from './auth';

const verifyQuery = z.strictObject({
  /** The newest anchor published for this service (the gateway keeps them): seq and hash. */
  anchorSeq: z.coerce.number().int().min(1).optional(),
  anchorHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/**
 * `GET /audit/verify` on every service: walks the service's audit chain and says where it
 * breaks; the auditor's right (`audit.read`). An anchor given is checked as well.
 */
export function auditVerifyRoutes(router: Router, audit: AuditLog, now: () => Date): void {
  router.get(
    '/audit/verify',
    requireRight('audit', 'read'),
    handle(async (req, res) => {
      const q = parseInput(verifyQuery, req.query, { where: 'query' });
      const anchors = q.anchorSeq && q.anchorHash ? [{ seq: q.anchorSeq, hash: q.anchorHash }] : [];
      const report = await audit.verify(anchors);
      res.json({ service: audit.service, verifiedAt: now().toISOString(), ...report });
    }),
  );
}

const problem = { $ref: '#/components/responses/Problem' };

/** The operation `auditVerifyRoutes` serves, documented once here and added to every service's document. */
export function documentAuditVerify<D extends { paths?: Record<string, unknown> }>(doc: D): D {
  const report = {
    type: 'object',
    required: ['service', 'verifiedAt', 'ok', 'checked', 'unchained', 'problems'],
    properties: {
      service: { type: 'string' },
      verifiedAt: { type: 'string', format: 'date-time' },
      ok: { type: 'boolean' },
      checked: { type: 'integer', description: 'chained entries read' },
      firstSeq: { type: ['integer', 'null'] },
      lastSeq: { type: ['integer', 'null'] },
      lastHash: { type: ['string', 'null'] },
      unchained: { type: 'integer', description: 'entries from before the chain (not checked)' },
      problems: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'seq', 'entryId', 'detail'],
          properties: {
            kind: { type: 'string', enum: ['changed', 'deleted', 'inserted', 'tail_missing'] },
            seq: { type: ['integer', 'null'] },
            entryId: { type: ['string', 'null'] },
            detail: { type: 'string' },
          },
        },
      },
    },
  };
  const anchor = (name: string, schema: object, description: string) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  });
  return {
    ...doc,
    paths: {
      ...doc.paths,
      '/audit/verify': {
        get: {
          operationId: 'auditVerify',
          summary: '审计链校验 Verify the audit chain',
          description:
            "Walks this service's audit log chained by hash and names where an entry was changed, " +
            'inserted or deleted directly in the database.',
          'x-right': 'audit.read',
          parameters: [
            anchor('anchorSeq', { type: 'integer', minimum: 1 }, 'seq of the newest anchor'),
            anchor('anchorHash', { type: 'string', pattern: '^[0-9a-f]{64}$' }, 'its hash'),
          ],
          responses: {
            '200': {
              description: 'The chain',
              content: { 'application/json': { schema: report } },
            },
            '400': problem,
            '401': problem,
            '403': problem,
          },
        },
      },
    },
  };
}

import { forbidden, bi, hasRight, parseInput, principalOf, requireReason } from '@fupin/kit';
import type { Request } from 'express';
import { z } from 'zod';

const unmaskQuery = z.object({
  unmask: z.enum(['true', 'false']).optional(),
  reason: z.string().optional(),
});

/**
 * `?unmask=true&reason=…` asks for personal data in clear: it needs the unmask right and a
 * reason, and the caller's service writes the audit entry before answering.
 */
export function unmaskOf(req: Request): { reason: string; requestId: string | null } | null {
  const q = parseInput(
    unmaskQuery,
    { unmask: req.query.unmask, reason: req.query.reason },
    {
      where: 'query',
    },
  );
  if (q.unmask !== 'true') return null;
  if (!hasRight(principalOf(req), 'funds', 'unmask')) {
    throw forbidden(
      'FORBIDDEN_RIGHT',
      bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
    );
  }
  return { reason: requireReason(q.reason), requestId: typeof req.id === 'string' ? req.id : null };
}

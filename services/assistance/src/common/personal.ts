import {
  hasRight,
  AppError,
  bi,
  type PersonalDataCipher,
  parseInput,
  requireReason,
  type SealedValue,
} from '@fupin/kit';
import { maskPhone } from '@fupin/reference';
import type { Request } from 'express';
import { z } from 'zod';

/** A personal value at rest: ciphertext, keyed hash, and the masked form shown by default. */
export interface PersonalValue extends SealedValue {
  masked: string;
}

export function sealPhone(cipher: PersonalDataCipher, phone: string): PersonalValue {
  return { ...cipher.seal(phone), masked: maskPhone(phone) };
}

export interface UnmaskRequest {
  reason: string;
  requestId: string | null;
}

const unmaskQuery = z.object({
  unmask: z.enum(['true', 'false']).optional(),
  reason: z.string().max(200).optional(),
});

/** `?unmask=true&reason=…`: personal data in clear, for callers with the unmask right (audited). */
export function unmaskOf(req: Request): UnmaskRequest | null {
  const q = parseInput(unmaskQuery, req.query, { where: 'query' });
  if (q.unmask !== 'true') return null;
  const p = req.principal;
  if (!p || !hasRight(p, 'assistance', 'unmask')) {
    throw new AppError(
      403,
      'FORBIDDEN_UNMASK',
      bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
    );
  }
  return { reason: requireReason(q.reason), requestId: typeof req.id === 'string' ? req.id : null };
}

export function showPersonal(
  cipher: PersonalDataCipher,
  v: PersonalValue | null,
  unmask: UnmaskRequest | null,
): string | null {
  if (v === null) return null;
  return unmask ? cipher.open(v) : v.masked;
}

import { z } from 'zod';
import { defineEvent } from '../registry';

/**
 * 审计链锚点 — the last entry of a day (Asia/Shanghai) of a service's audit chain, published
 * when the next day's first entry is written and kept by the gateway: a service whose chain no
 * longer reaches the anchor, or reaches another entry there, lost or changed its day's tail.
 */
export const AuditAnchored = defineEvent({
  topic: 'audit.v1',
  type: 'audit.chain.anchored',
  version: 1,
  description:
    "The last entry of a day of a service's audit chain: its seq and hash, for verify to check the chain still reaches it.",
  payload: z.object({
    service: z.string().min(1),
    /** The day it closes, YYYY-MM-DD in Asia/Shanghai. */
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    seq: z.number().int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

import { type AuditLog, type ChainReport, handle, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { askService, callerOf, type CallerRequest } from '../upstream/ask';
import type { AuditAnchorStore } from './audit-anchors';

/** 审计链状态 — one service's chain as verified now, or why it could not be asked. */
export type ChainState =
  | ({ service: string; verifiedAt: string } & ChainReport)
  | { service: string; verifiedAt: string; ok: false; unreachable: number | 'timeout' };

async function askChain(
  service: string,
  base: string,
  caller: CallerRequest,
  deps: { anchors: AuditAnchorStore; now: () => Date },
): Promise<ChainState> {
  const { now } = deps;
  const anchor = await deps.anchors.newest(service);
  const query = anchor ? `?anchorSeq=${anchor.seq}&anchorHash=${anchor.hash}` : '';
  try {
    const res = await askService(base, `/audit/verify${query}`, caller);
    if (res.ok) return (await res.json()) as ChainState;
    return { service, verifiedAt: now().toISOString(), ok: false, unreachable: res.status };
  } catch {
    return { service, verifiedAt: now().toISOString(), ok: false, unreachable: 'timeout' };
  }
}

/**
 * `GET /audit/chains`: every service's audit chain verified at once (each service walks its
 * own, with the caller's token, against the newest anchor it published), the gateway's own
 * included, for the audit search page.
 */
export function auditChainRoutes(
  router: Router,
  deps: {
    services: Record<string, string>;
    audit: AuditLog;
    anchors: AuditAnchorStore;
    now: () => Date;
  },
): void {
  router.get(
    '/audit/chains',
    requireRight('audit', 'read'),
    handle(async (req, res) => {
      const caller = callerOf(req);
      const own = async (): Promise<ChainState> => {
        const anchor = await deps.anchors.newest(deps.audit.service);
        return {
          service: deps.audit.service,
          verifiedAt: deps.now().toISOString(),
          ...(await deps.audit.verify(anchor ? [anchor] : [])),
        };
      };
      const items = await Promise.all([
        own(),
        ...Object.entries(deps.services).map(([name, base]) => askChain(name, base, caller, deps)),
      ]);
      res.json({ items });
    }),
  );
}

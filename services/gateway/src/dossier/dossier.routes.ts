import { handle, idParam, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { assemble } from './dossier.assembly';
import { callerOf } from '../upstream/ask';
import { fetchParts } from './dossier.client';

/** `GET /households/{id}/dossier`: 一户一档, the services' parts assembled for the caller. */
export function dossierRoutes(
  router: Router,
  deps: { services: Record<string, string>; logger: Logger },
): void {
  const log = deps.logger.child({ component: 'dossier' });
  router.get(
    '/households/:id/dossier',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const p = principalOf(req);
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const outcomes = await fetchParts(deps.services, p, id, callerOf(req), log);
      res.json(assemble(id, outcomes, new Date()));
    }),
  );
}

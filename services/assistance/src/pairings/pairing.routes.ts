import {
  handle,
  parseInput,
  parseListQuery,
  principalOf,
  requireRight,
  sendList,
  idParam,
} from '@fupin/kit';
import type { Request, Router } from 'express';
import type { PairingLimitService } from './pairing-limits.service';
import {
  PAIRING_SORTABLE,
  pairingCreateSchema,
  pairingEndSchema,
  pairingFilterSchema,
  pairingLimitSchema,
  rankParam,
} from './pairing.schemas';
import type { PairingService } from './pairing.service';

export function pairingListQuery(req: Request) {
  return parseListQuery(req.query as Record<string, unknown>, {
    sortable: PAIRING_SORTABLE,
    defaultSort: ['startDate', 'DESC'],
    filter: pairingFilterSchema,
  });
}

export function pairingRoutes(
  router: Router,
  pairings: PairingService,
  limits: PairingLimitService,
): void {
  router.get(
    '/pairings',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const q = pairingListQuery(req);
      const { items, total } = await pairings.list(principalOf(req), q);
      sendList(res, 'pairings', q, items, total);
    }),
  );
  router.post(
    '/pairings',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const body = parseInput(pairingCreateSchema, req.body);
      res.status(201).json(await pairings.create(principalOf(req), body));
    }),
  );
  router.get(
    '/pairings/:id',
    requireRight('assistance', 'read'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      res.json(await pairings.get(principalOf(req), id));
    }),
  );
  router.post(
    '/pairings/:id/end',
    requireRight('assistance', 'write'),
    handle(async (req, res) => {
      const { id } = parseInput(idParam, req.params, { where: 'params' });
      const body = parseInput(pairingEndSchema, req.body);
      res.json(await pairings.end(principalOf(req), id, body));
    }),
  );
  router.get(
    '/pairing-limits',
    requireRight('assistance', 'read'),
    handle(async (_req, res) => {
      const rows = await limits.all();
      // The whole reference list, with the list header react-admin reads.
      sendList(
        res,
        'pairing-limits',
        { skip: 0, limit: rows.length, sort: {}, filter: {} },
        rows,
        rows.length,
      );
    }),
  );
  router.put(
    '/pairing-limits/:rank',
    requireRight('assistance', 'approve'),
    handle(async (req, res) => {
      const { rank } = parseInput(rankParam, req.params, { where: 'params' });
      const body = parseInput(pairingLimitSchema, req.body);
      res.json(await limits.set(principalOf(req), rank, body));
    }),
  );
}

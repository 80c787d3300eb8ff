import { handle, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import type { EventPositionService } from './event-position.service';

/**
 * `GET /events/position`: counts only (no personal data), read by the other services with
 * their caller's token when they measure how far their registry projection is behind.
 */
export function eventPositionRoutes(router: Router, positions: EventPositionService): void {
  router.get(
    '/events/position',
    requireRight('registry', 'read'),
    handle(async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await positions.position());
    }),
  );
}

import { once } from 'node:events';
import { handle, parseInput, principalOf, requireRight } from '@fupin/kit';
import type { Router } from 'express';
import { decodeCursor, type SnapshotService } from './snapshot.service';
import { snapshotQuerySchema } from './village.schemas';

/**
 * `GET /snapshot/households?after=<cursor>&limit=<n>`: NDJSON, one household (with its
 * members) per line, then an `end` line carrying the next cursor (null on the last page).
 */
export function snapshotRoutes(router: Router, snapshots: SnapshotService): void {
  router.get(
    '/snapshot/households',
    requireRight('registry', 'read'),
    handle(async (req, res) => {
      const q = parseInput(snapshotQuerySchema, req.query, { where: 'query' });
      const lines = snapshots.households$(principalOf(req), {
        after: q.after ? decodeCursor(q.after) : null,
        limit: q.limit,
        ...(q.area ? { area: q.area } : {}),
      });
      // The first line is read before any byte is sent, so a refusal is still a problem+json.
      let next = await lines.next();
      res.status(200).type('application/x-ndjson; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      try {
        while (!next.done) {
          if (!res.write(`${JSON.stringify(next.value)}\n`)) await once(res, 'drain');
          next = await lines.next();
        }
        res.end();
      } catch (err) {
        // Headers are gone: a cut stream (no `end` line) tells the client to retry the page.
        req.log.error({ err }, 'snapshot stream failed');
        res.destroy();
        await lines.return(undefined);
      }
    }),
  );
}

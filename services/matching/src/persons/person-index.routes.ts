import {
  bi,
  forbidden,
  handle,
  principalOf,
  type ProjectedHouseholdModel,
  registryProjectionRoutes,
  type RegistryProjection,
  requireRight,
} from '@fupin/kit';
import { areaLevel } from '@fupin/reference';
import type { Router } from 'express';
import type { PersonIndex } from './person-index.service';

/**
 * The household projection's own routes (rebuild from the registry snapshot, status) and the
 * person index derived from it (re-derive, status).
 */
export function personIndexRoutes(
  router: Router,
  deps: {
    projection: RegistryProjection;
    households: ProjectedHouseholdModel;
    index: PersonIndex;
    registryUrl: string;
  },
): void {
  registryProjectionRoutes(router, deps.projection, {
    module: 'matching',
    registryUrl: deps.registryUrl,
  });
  router.post(
    '/person-index/rebuild',
    requireRight('matching', 'approve'),
    handle(async (req, res) => {
      const p = principalOf(req);
      if (!['province', 'city', 'county'].includes(areaLevel(p.areaCode)))
        throw forbidden(
          'MATCHING_INDEX_COUNTY_ONLY',
          bi(
            '人员索引须由县级（或以上）用户重建',
            'The person index is rebuilt by county-level users',
          ),
        );
      req.log.info({ by: p.userId }, 'person index rebuild requested');
      res.json(await deps.index.rebuild(deps.households));
    }),
  );
  router.get(
    '/person-index/status',
    requireRight('matching', 'read'),
    handle(async (_req, res) => {
      res.json(await deps.index.status());
    }),
  );
}

import type { Router } from 'express';
import { careRoutes } from './care.routes';
import { episodeRoutes } from './episode.routes';
import type { HealthRouteDeps } from './health.inputs';
import { insuranceRoutes } from './insurance.routes';

/**
 * 健康扶贫 — insurance coverage, in-patient top-ups, chronic-care contracts and serious illness:
 * one routes file each.
 */
export function healthRoutes(router: Router, deps: HealthRouteDeps): void {
  insuranceRoutes(router, deps);
  episodeRoutes(router, deps);
  careRoutes(router, deps);
}

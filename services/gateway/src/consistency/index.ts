import type { ScopedRepository, ServiceContext, ServiceModule } from '@fupin/kit';
import type { Logger } from 'pino';
import type { JobCaller } from '../upstream/job-caller';
import { ConsistencyJob } from './consistency.job';
import type { ConsistencyItem, ConsistencyRun } from './consistency.model';
import { consistencyRoutes } from './consistency.routes';
import { ConsistencyChecks } from './consistency.service';

/**
 * 一户一档核对 (issue 23, item 5): the routes, the run store and the BullMQ job that checks a
 * village's or township's dossiers against each other, run as the user who started it.
 */
export function consistencyModule(
  service: Pick<ServiceContext, 'rt' | 'audit' | 'redis' | 'queuePrefix' | 'now'>,
  upstream: {
    services: Record<string, string>;
    logger: Logger;
    jobCaller: JobCaller;
    runs: ScopedRepository<ConsistencyRun>;
    items: ScopedRepository<ConsistencyItem>;
  },
  opts: { work?: boolean } = {},
): ServiceModule & Required<Pick<ServiceModule, 'start' | 'stop' | 'routes'>> {
  const deps = {
    ...upstream,
    audit: service.audit,
    now: service.now,
    redis: service.redis,
    queuePrefix: service.queuePrefix,
  };
  const log = deps.logger.child({ component: 'consistency' });
  const checks = new ConsistencyChecks({ runs: deps.runs, items: deps.items, now: deps.now });
  const job = new ConsistencyJob({
    check: {
      services: deps.services,
      runs: deps.runs,
      items: deps.items,
      log,
      now: deps.now,
    },
    jobCaller: deps.jobCaller,
    connection: deps.redis,
    prefix: deps.queuePrefix,
    logger: log,
    work: opts.work ?? true,
  });
  return {
    name: 'consistency checks',
    start: () => job.start(),
    stop: () => job.stop(),
    routes: (router) =>
      consistencyRoutes(router, {
        services: deps.services,
        logger: deps.logger,
        audit: deps.audit,
        now: deps.now,
        checks,
        enqueue: (data) => job.enqueue(data),
      }),
  };
}

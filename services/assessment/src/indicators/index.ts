import type {
  BaseConfig,
  OpenedService,
  RegistryProjection,
  ScopedRepository,
  ServiceModule,
} from '@fupin/kit';
import type { RankingModel } from '../rankings/ranking.model';
import type { AreaNameModel, Fact, LateEventModel } from './fact.model';
import { FactStore } from './fact.store';
import { IndicatorProjection } from './indicator.consumer';

/**
 * The indicators' records built from the other services' events, as a module: consumed (when
 * the service consumes) under the group `indicators`, late events noted against the rankings.
 */
export function indicatorsModule(
  service: Pick<OpenedService<BaseConfig>, 'rt' | 'consume' | 'now'>,
  deps: {
    facts: ScopedRepository<Fact>;
    areas: AreaNameModel;
    /** The household projection, fed by this consumer. */
    households: RegistryProjection;
    rankings: RankingModel;
    late: LateEventModel;
  },
): { module: ServiceModule; projection: IndicatorProjection; consumerGroup: string } {
  const { rt, now } = service;
  const projection = new IndicatorProjection({
    ctx: { facts: new FactStore(deps.facts, now), areas: deps.areas, households: deps.households },
    rankings: deps.rankings,
    late: deps.late,
    now,
  });
  // One group per deployment (its topic prefix), so deployments sharing a cluster never split
  // each other's partitions.
  const consumerGroup = rt.group('indicators');
  const module: ServiceModule = {
    name: 'indicators',
    start: async () => {
      if (service.consume) await projection.start(rt, { groupId: consumerGroup });
    },
  };
  return { module, projection, consumerGroup };
}

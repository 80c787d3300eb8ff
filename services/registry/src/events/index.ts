import type { mongo } from 'mongoose';
import { HOUSEHOLD_TOPICS } from '../households/household.events';
import type { RegistryContext, RegistryModule } from '../module';
import { eventPositionRoutes } from './event-position.routes';
import { EventPositionService, type PendingDoc } from './event-position.service';

/** The registry's event position, for the freshness of the views built from its events. */
export function eventsModule(
  ctx: RegistryContext,
  outboxes: mongo.Collection<PendingDoc>,
): RegistryModule {
  const positions = new EventPositionService({
    households: ctx.repos.households,
    outboxes,
    claims: ctx.models.claims,
    topics: HOUSEHOLD_TOPICS,
    now: ctx.now,
  });
  return { name: 'events', routes: (router) => eventPositionRoutes(router, positions) };
}

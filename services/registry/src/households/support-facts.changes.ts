import type { Envelope } from '@fupin/contracts';
import { countyWide, type Principal } from '@fupin/kit';
import { GUARANTEES, type Household } from './household.model';
import { householdUpdated } from './household.events';
import { changedFields, derive } from './household.facts';
import type { HouseholdStore } from './household.store';
import { applySupportEvent, householdOfSupportEvent } from './support-facts.rules';

// Support's facts (enrollment, dropout cases, basic medical coverage) reaching the households:
// each household of a batch is read once, takes its events in order, is re-derived and written
// once with a history entry; its snapshot event goes out when a guarantee changed.

const READ = countyWide('support events name their household by id');

/** Who the history names for a change that support's events caused. */
const supportPrincipal = (h: Household): Principal => ({
  userId: 'support-events',
  username: '教育/健康扶贫数据',
  roles: [],
  areaCode: h.areaCode,
  rights: {},
});

/** Applies a batch of support events; returns how many households changed. */
export async function recordSupportFacts(
  store: HouseholdStore,
  events: Envelope[],
): Promise<number> {
  const byHousehold = new Map<string, Envelope[]>();
  for (const e of events) {
    const id = householdOfSupportEvent(e);
    if (id) byHousehold.set(id, [...(byHousehold.get(id) ?? []), e]);
  }
  if (byHousehold.size === 0) return 0;
  let changed = 0;
  for (const [id, list] of byHousehold) {
    // A household written meanwhile (409 on revision) is read again and the events re-applied.
    for (let attempt = 0; ; attempt++) {
      try {
        if (await applyTo(store, id, list)) changed++;
        break;
      } catch (err) {
        if (attempt >= 4 || (err as { status?: number }).status !== 409) throw err;
      }
    }
  }
  return changed;
}

async function applyTo(store: HouseholdStore, id: string, events: Envelope[]): Promise<boolean> {
  const current = await store.deps.households.findOne(READ, { _id: id });
  // A household the registry does not hold (or no longer): nothing to change.
  if (!current) return false;
  const facts = events.reduce(applySupportEvent, current.supportFacts ?? []);
  const next = derive({ ...current, supportFacts: facts });
  const changed = changedFields(current, next);
  if (changed.length === 0) return false;
  const before = derive(current).guarantees;
  const guaranteesChanged = GUARANTEES.filter((g) => before[g].state !== next.guarantees[g].state);
  await store.save(supportPrincipal(current), current, next, 'support_facts_recorded', {
    changed: ['supportFacts', ...guaranteesChanged.map((g) => `guarantees.${g}`)],
    evidence: events.map((e) => `${e.type}:${e.id}`),
    events: (h) =>
      guaranteesChanged.length
        ? [
            householdUpdated(h, ['guarantees'], {
              kind: 'system',
              id: 'support-events',
              name: 'support events',
            }),
          ]
        : [],
  });
  return true;
}

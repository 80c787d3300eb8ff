import type { Envelope } from '@fupin/contracts';
import { countyWide, type Principal } from '@fupin/kit';
import { GUARANTEES, type Household } from './household.model';
import { householdUpdated } from './household.events';
import { changedFields, derive } from './household.facts';
import type { HouseholdStore } from './household.store';
import { applySupportEvent, householdOfSupportEvent } from './support-facts.rules';

// Support's facts (enrollment, dropout cases, basic medical coverage) reaching the households:
// a batch's households are read in one query, each takes its events in order, is re-derived and
// written once with a history entry, all in one bulk write; its snapshot event goes out when a
// guarantee changed.

const READ = countyWide('support events name their household by id');

/** Who the history names for a change that support's events caused. */
const supportPrincipal = (h: Household): Principal => ({
  userId: 'support-events',
  username: '教育/健康扶贫数据',
  roles: [],
  areaCode: h.areaCode,
  rights: {},
});

/** What one household becomes with its support events, or null when nothing changes. */
function changeOf(current: Household, events: Envelope[]) {
  const facts = events.reduce(applySupportEvent, current.supportFacts ?? []);
  const next = derive({ ...current, supportFacts: facts });
  if (changedFields(current, next).length === 0) return null;
  const before = derive(current).guarantees;
  const guaranteesChanged = GUARANTEES.filter((g) => before[g].state !== next.guarantees[g].state);
  return {
    p: supportPrincipal(current),
    current,
    next,
    action: 'support_facts_recorded',
    guaranteesChanged: guaranteesChanged.length > 0,
    opts: {
      changed: ['supportFacts', ...guaranteesChanged.map((g) => `guarantees.${g}`)],
      evidence: events.map((e) => `${e.type}:${e.id}`),
      events: (h: Household) =>
        guaranteesChanged.length
          ? [
              householdUpdated(h, ['guarantees'], {
                kind: 'system',
                id: 'support-events',
                name: 'support events',
              }),
            ]
          : [],
    },
  };
}

/**
 * Applies a batch of support events; returns how many households changed. The batch's
 * households are read in one query and written in one bulk write; a household written
 * meanwhile (its revision moved) is read again and its events re-applied alone. A list row is
 * rewritten only when a guarantee changed: the row shows the unmet guarantees, not the facts.
 */
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
  // A household the registry does not hold (or no longer): nothing to change.
  const currents = await store.deps.households.find(READ, {
    _id: { $in: [...byHousehold.keys()] },
  });
  const changes = currents.flatMap((h) => changeOf(h, byHousehold.get(h._id)!) ?? []);
  const written = await store.saveMany(changes, (next) =>
    changes.some((c) => c.next === next && c.guaranteesChanged),
  );
  let changed = written.size;
  for (const c of changes.filter((c) => !written.has(c.current._id))) {
    for (let attempt = 0; ; attempt++) {
      try {
        if (await applyTo(store, c.current._id, byHousehold.get(c.current._id)!)) changed++;
        break;
      } catch (err) {
        if (attempt >= 4 || (err as { status?: number }).status !== 409) throw err;
      }
    }
  }
  return changed;
}

/** One household read again and written alone (after a concurrent write). */
async function applyTo(store: HouseholdStore, id: string, events: Envelope[]): Promise<boolean> {
  const current = await store.deps.households.findOne(READ, { _id: id });
  if (!current) return false;
  const c = changeOf(current, events);
  if (!c) return false;
  await store.save(c.p, current, c.next, c.action, c.opts);
  return true;
}

import type { HouseholdSnapshot, MemberSnapshot } from '@fupin/contracts';
import type { ProjectedHousehold, ProjectedMember } from './registry-households';

/**
 * The projection's merge rules, pure: how one registry change (a household's facts, members)
 * lands on the stored document. A stale or repeated change changes nothing.
 */

export type HouseholdFacts = Omit<HouseholdSnapshot, 'id'>;

export interface Change {
  household?: HouseholdSnapshot;
  members?: MemberSnapshot[];
  areaCode: string;
  at: Date;
}

function factsOf(h: HouseholdSnapshot): HouseholdFacts {
  const { id: _id, ...facts } = h;
  return facts;
}

/** A household document for members seen before their household. */
export function placeholder(id: string, areaCode: string, at: Date): ProjectedHousehold {
  return {
    _id: id,
    householdNo: '',
    areaCode,
    groupNo: null,
    status: 'candidate',
    attribute: null,
    mainCause: null,
    otherCauses: [],
    size: 0,
    perCapitaIncomeFen: null,
    incomeYear: null,
    wageIncomeFen: null,
    housingGrade: null,
    guarantees: {
      food: false,
      clothing: false,
      compulsory_education: false,
      basic_medical: false,
      housing_safety: false,
      safe_water: false,
    },
    identificationYear: null,
    exitYear: null,
    partyMember: false,
    revision: 0,
    members: [],
    seq: 0,
    projectedAt: at,
  };
}

/** Applies a change to a document; null when nothing changes (a stale or repeated event). */
export function merged(current: ProjectedHousehold | null, id: string, c: Change, now: Date) {
  const base = current ?? placeholder(id, c.areaCode, now);
  let changed = current === null;
  let next: ProjectedHousehold = { ...base, members: [...base.members] };
  if (c.household && c.household.revision > base.revision) {
    next = { ...next, ...factsOf(c.household) };
    changed = true;
  }
  for (const m of c.members ?? []) {
    const i = next.members.findIndex((x) => x.id === m.id);
    const existing = i >= 0 ? next.members[i] : undefined;
    if (existing && existing.at.getTime() > c.at.getTime()) continue;
    const member: ProjectedMember = { ...m, at: c.at };
    if (existing && sameMember(existing, member)) continue;
    if (i >= 0) next.members[i] = member;
    else next.members.push(member);
    changed = true;
  }
  if (!changed) return null;
  return { ...next, seq: base.seq + 1, projectedAt: now };
}

function sameMember(a: ProjectedMember, b: ProjectedMember): boolean {
  const { at: _a, ...x } = a;
  const { at: _b, ...y } = b;
  return JSON.stringify(x, Object.keys(x).sort()) === JSON.stringify(y, Object.keys(y).sort());
}

import { countyWide, type ScopedRepository } from '@fupin/kit';
import type { Person } from './person.model';

/** What every record about a person copies from them, for area scoping and totals. */
export interface PersonLink {
  personId: string;
  householdId: string;
  /** The keyed hash of the ID number, for matching with other departments' data. */
  idHash: string;
  name: string;
  /** The person's village. */
  areaCode: string;
  townshipCode: string;
}

/** The mongoose fields of a PersonLink. */
export const personLinkFields = {
  personId: { type: String, required: true },
  householdId: { type: String, required: true },
  idHash: { type: String, required: true },
  name: { type: String, required: true },
  areaCode: { type: String, required: true },
  townshipCode: { type: String, required: true },
};

export function linkOf(person: Person): PersonLink {
  return {
    personId: person._id,
    householdId: person.householdId,
    idHash: person.idHash,
    name: person.name,
    areaCode: person.areaCode,
    townshipCode: person.townshipCode,
  };
}

const HOUSEHOLD_MOVED = countyWide(
  'a household moved village: the records copying its area follow it',
);

/** Households moved to one village: records copying their area follow them (one write). */
export async function moveHousehold(
  records: Pick<ScopedRepository<PersonLink>, 'updateMany'>,
  householdIds: string[],
  areaCode: string,
  townshipCode: string,
): Promise<void> {
  await records.updateMany(
    HOUSEHOLD_MOVED,
    { householdId: { $in: householdIds } },
    { $set: { areaCode, townshipCode } },
  );
}

const PERSON_REHASHED = countyWide(
  "a key rotation rehashed people's ID numbers: the records copying the hash follow it",
);

/** A person whose ID number's keyed hash changed (an HMAC key rotation): its household. */
export interface Rehashed {
  personId: string;
  householdId: string;
  idHash: string;
}

/**
 * People rehashed by the registry after an HMAC key rotation: the records copying their hash
 * follow it, so no hash under a dropped key stays behind (one bulk write; each update reads
 * through the household index the records have).
 */
export async function rehashPeople(
  records: Pick<ScopedRepository<PersonLink>, 'bulkUpdate'>,
  people: Rehashed[],
): Promise<void> {
  await records.bulkUpdate(
    PERSON_REHASHED,
    people.map((x) => ({
      filter: { householdId: x.householdId, personId: x.personId, idHash: { $ne: x.idHash } },
      update: { $set: { idHash: x.idHash } },
      many: true,
    })),
    { ordered: false },
  );
}

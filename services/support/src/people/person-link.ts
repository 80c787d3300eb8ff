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

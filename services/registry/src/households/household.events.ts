import {
  type Actor,
  createEvent,
  HouseholdRegistered,
  type HouseholdSnapshot,
  HouseholdStatusChanged,
  HouseholdUpdated,
  MemberAdded,
  MemberRemoved,
  type MemberSnapshot,
  MemberUpdated,
} from '@fupin/contracts';
import type { PersonalDataCipher } from '@fupin/kit';
import { hashKeyIdsOf } from './hash-key-ids';
import { readGuarantees } from './guarantee.rules';
import { GUARANTEES, type Household, type HouseholdStatus, type Member } from './household.model';

export const HOUSEHOLD_TOPICS = [HouseholdRegistered.topic, MemberAdded.topic];

export function householdSnapshot(h: Household): HouseholdSnapshot {
  const guarantees = readGuarantees(h.guarantees);
  return {
    id: h._id,
    householdNo: h.householdNo,
    areaCode: h.areaCode,
    groupNo: h.groupNo,
    status: h.status,
    attribute: h.attribute,
    mainCause: h.mainCause,
    otherCauses: h.otherCauses,
    size: h.size,
    perCapitaIncomeFen: h.perCapitaIncomeFen,
    incomeYear: h.income?.year ?? null,
    wageIncomeFen: h.income?.wagesFen ?? null,
    housingGrade: h.housingGrade,
    guarantees: Object.fromEntries(
      GUARANTEES.map((g) => [g, guarantees[g].state === 'met']),
    ) as HouseholdSnapshot['guarantees'],
    guaranteeStates: Object.fromEntries(
      GUARANTEES.map((g) => [g, guarantees[g].state]),
    ) as NonNullable<HouseholdSnapshot['guaranteeStates']>,
    identificationYear: h.identificationYear,
    exitYear: h.exitYear,
    partyMember: h.partyMember,
    revision: h.revision,
  };
}

/** What a member event needs of the cipher: the key id of each hash it carries. */
export type HashKeys = Pick<PersonalDataCipher, 'hashKeyIds' | 'hashes' | 'open'>;

/**
 * A member as the events carry it: its hash (and during a window its hashes) with the HMAC key
 * id of each (`idHashKeys`), so a view keyed by hash knows which keys it has each person under.
 */
export function memberSnapshot(householdId: string, m: Member, keys: HashKeys): MemberSnapshot {
  const v = m.idNumber;
  const window = v.hashes && v.hashes.length > 1 ? v.hashes : null;
  return {
    id: m.id,
    householdId,
    idHash: v.hash,
    ...(window ? { idHashes: window } : {}),
    idHashKeys: hashKeyIdsOf(
      keys,
      window ? v : { enc: v.enc, hash: v.hash, hashKeys: v.hashKeys?.slice(0, 1) },
    ),
    name: m.name,
    relation: m.relation,
    sex: m.sex,
    birthDate: m.birthDate,
    status: m.status,
    schoolStage: m.schoolStage,
    inSchool: m.inSchool,
    health: m.health,
    labourCapacity: m.labourCapacity,
    medicalInsurance: m.medicalInsurance,
    pensionInsurance: m.pensionInsurance,
    minimumAllowance: m.minimumAllowance,
    destituteSupport: m.destituteSupport,
  };
}

const base = (h: Household, actor: Actor) => ({ aggregateId: h._id, areaCode: h.areaCode, actor });

export const householdRegistered = (h: Household, actor: Actor, keys: HashKeys) =>
  createEvent(HouseholdRegistered, {
    ...base(h, actor),
    payload: {
      household: householdSnapshot(h),
      members: h.members.map((m) => memberSnapshot(h._id, m, keys)),
    },
  });

export const householdUpdated = (h: Household, changed: string[], actor: Actor) =>
  createEvent(HouseholdUpdated, {
    ...base(h, actor),
    payload: { household: householdSnapshot(h), changed },
  });

export const householdStatusChanged = (
  h: Household,
  from: HouseholdStatus,
  to: HouseholdStatus,
  reason: string,
  workflow: string,
  actor: Actor,
) =>
  createEvent(HouseholdStatusChanged, {
    ...base(h, actor),
    payload: { household: householdSnapshot(h), from, to, reason, workflow },
  });

export const memberAdded = (h: Household, m: Member, actor: Actor, keys: HashKeys) =>
  createEvent(MemberAdded, {
    ...base(h, actor),
    payload: { member: memberSnapshot(h._id, m, keys), areaCode: h.areaCode },
  });

export const memberUpdated = (
  h: Household,
  m: Member,
  changed: string[],
  actor: Actor,
  keys: HashKeys,
) =>
  createEvent(MemberUpdated, {
    ...base(h, actor),
    payload: { member: memberSnapshot(h._id, m, keys), areaCode: h.areaCode, changed },
  });

export const memberRemoved = (
  h: Household,
  m: Member,
  reason: string,
  actor: Actor,
  keys: HashKeys,
) =>
  createEvent(MemberRemoved, {
    ...base(h, actor),
    payload: { member: memberSnapshot(h._id, m, keys), areaCode: h.areaCode, reason },
  });

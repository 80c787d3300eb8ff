import { randomUUID } from 'node:crypto';
import type { Envelope } from '@fupin/contracts';
import {
  actorOf,
  AppError,
  bi,
  conflict,
  type FieldError,
  hashesOf,
  hasRight,
  isDuplicateKey,
  type Principal,
  withOutbox,
} from '@fupin/kit';
import { householdRegistered, memberAdded } from './household.events';
import type { Household } from './household.model';
import { unknownGuarantees } from './guarantee.rules';
import { applyFacts, buildMembers, checkArea, derive, invalidHousehold } from './household.facts';
import type { HouseholdStore } from './household.store';
import type { HouseholdInput, HouseholdView, NewHousehold } from './household.types';
import { householdView } from './household.views';
import { registrationHeadErrors } from './household.head';
import { claimIds, releaseClaims } from './id-claims';
import { townshipOf } from '@fupin/reference';

// 建档立卡 — registering a household: by application (a candidate) or, for users with the approve
// right, with the status an existing record states.

export async function register(
  store: HouseholdStore,
  p: Principal,
  input: HouseholdInput,
  source = 'api',
): Promise<HouseholdView> {
  if (input.status && input.status !== 'candidate' && !hasRight(p, 'registry', 'approve')) {
    throw new AppError(
      403,
      'FORBIDDEN_STATUS',
      bi(
        '只有具备审批权限的用户才能直接登记在册状态；新申请从“待识别”开始',
        'Only users with the approve right may register a household directly with a status; applications start as candidates',
      ),
    );
  }
  // 饮水安全 from the village's tap water item, when the village record has it.
  const built = buildNew(store, p, input, source);
  const doc = derive(built, { villageTapWater: await store.waterOf(built.areaCode) });
  await claimIds(store, doc._id, doc.members);
  const events: Envelope[] = [
    householdRegistered(doc as Household, actorOf(p), store.deps.cipher),
    ...doc.members.map((m) => memberAdded(doc as Household, m, actorOf(p), store.deps.cipher)),
  ];
  try {
    await store.deps.households.create(p, withOutbox(doc, events) as Household);
  } catch (err) {
    await releaseClaims(
      store,
      doc._id,
      doc.members.flatMap((m) => hashesOf(m.idNumber)),
    );
    if (isDuplicateKey(err)) {
      throw conflict(
        'REGISTRY_HOUSEHOLD_NO_EXISTS',
        bi(
          `户编号 ${input.householdNo} 已存在`,
          `Household number ${input.householdNo} already exists`,
        ),
      );
    }
    throw err;
  }
  store.deps.eventsStored?.();
  await store.deps.list.record([doc]);
  return householdView(store.deps.cipher, doc as Household, null);
}

/** Validates and builds a new household document (no writes). Throws 422 with every problem found. */
export function buildNew(
  store: HouseholdStore,
  p: Principal,
  input: HouseholdInput,
  source: string,
): NewHousehold {
  const errors: FieldError[] = [];
  checkArea(store, p, input.areaCode, errors);
  const members = buildMembers(store, input.members, [], errors);
  if (input.members.length === 0) {
    errors.push({
      field: 'members',
      code: 'required',
      message: bi('至少需要一名家庭成员', 'At least one member is required'),
    });
  }
  // Exactly one 户主, the rule the import holds its rows to.
  errors.push(...registrationHeadErrors(input.members));
  if (errors.length) throw invalidHousehold(errors);
  const now = store.now();
  const facts = applyFacts(
    store,
    {
      address: '',
      groupNo: null,
      phone: null,
      bankName: null,
      bankAccount: null,
      attribute: null,
      mainCause: null,
      otherCauses: [],
      guarantees: unknownGuarantees(),
      housingGrade: null,
      identificationYear: null,
      exitYear: null,
      partyMember: false,
      income: null,
    },
    input,
    { actorId: p.userId, actorName: p.username, at: now },
  );
  const doc: NewHousehold = {
    _id: randomUUID(),
    householdNo: input.householdNo.trim(),
    areaCode: input.areaCode,
    townshipCode: townshipOf(input.areaCode) ?? input.areaCode,
    status: input.status ?? 'candidate',
    ...facts,
    headName: '',
    size: 0,
    perCapitaIncomeFen: null,
    belowPovertyLine: null,
    guaranteesUnmet: [],
    members,
    memberIdHashes: [],
    memberNames: [],
    workflow: null,
    history: [
      store.historyEntry(
        p,
        source === 'import' ? 'imported' : 'registered',
        null,
        input.status ?? 'candidate',
        [],
      ),
    ],
    createdAt: now,
    updatedAt: now,
    revision: 1,
  };
  return derive(doc);
}

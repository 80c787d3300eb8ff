import { randomUUID } from 'node:crypto';
import {
  type AppError,
  bi,
  type FieldError,
  hashesOf,
  type Principal,
  unprocessable,
} from '@fupin/kit';
import {
  areaLevel,
  isAreaCode,
  maskBankAccount,
  maskIdNumber,
  maskPhone,
  shanghaiDateOf,
} from '@fupin/reference';
import { GUARANTEES, type Guarantees, type Member, type PersonalValue } from './household.model';
import {
  deriveGuarantees,
  GUARANTEE_DERIVATION_VERSION,
  guaranteesOfState,
  readGuarantees,
  resolveGuarantee,
  typedOf,
  unmetGuarantees,
  withDerived,
} from './guarantee.rules';
import {
  checkMemberIdentity,
  headNameOf,
  isBelowPovertyLine,
  perCapitaIncomeFen,
} from './household.rules';
import type { HouseholdStore } from './household.store';
import type { HouseholdFacts, MemberInput, NewHousehold, StoredFacts } from './household.types';

// What a household's stored facts are made of: the checks on what is stated, members built and
// merged from input, facts applied over the current ones (personal values sealed), and the figures
// derived from them (size, head, per-capita income, the line, unmet guarantees).

/** A household's village: a village code (a field error otherwise) inside the caller's scope (403). */
export function checkArea(
  store: HouseholdStore,
  p: Principal,
  areaCode: string,
  errors: FieldError[],
): void {
  if (!isAreaCode(areaCode) || areaLevel(areaCode) !== 'village') {
    errors.push({
      field: 'areaCode',
      code: 'not_village',
      message: bi('须为行政村的12位代码', 'must be the 12-digit code of a village'),
    });
    return;
  }
  store.deps.households.assertWritable(p, areaCode);
}

export function buildMembers(
  store: HouseholdStore,
  inputs: MemberInput[],
  existing: Member[],
  errors: FieldError[],
  prefix = 'members',
): Member[] {
  const hashes = new Set(
    existing.filter((m) => m.status === 'active').flatMap((m) => hashesOf(m.idNumber)),
  );
  const out: Member[] = [];
  inputs.forEach((mi, i) => {
    const field =
      inputs.length === 1 && prefix === 'member'
        ? 'member'
        : prefix === 'members'
          ? `members.${i}`
          : prefix;
    const check = checkMemberIdentity(mi, field);
    if (!check.ok) {
      errors.push(...check.errors);
      return;
    }
    const sealed = store.seal(check.identity.idNumber, maskIdNumber);
    if (hashesOf(sealed).some((h) => hashes.has(h))) {
      errors.push({
        field: `${field}.idNumber`,
        code: 'duplicate_in_household',
        message: bi('同一户内身份证号重复', 'The same ID number appears twice in the household'),
      });
      return;
    }
    for (const h of hashesOf(sealed)) hashes.add(h);
    const base: Member = {
      id: randomUUID(),
      name: mi.name.trim(),
      idNumber: sealed,
      relation: mi.relation,
      sex: check.identity.sex,
      birthDate: check.identity.birthDate,
      ethnicity: null,
      educationLevel: null,
      inSchool: false,
      schoolStage: null,
      health: null,
      disabilityGrade: null,
      labourCapacity: null,
      migrantWork: { working: false, place: null, months: null },
      medicalInsurance: false,
      pensionInsurance: false,
      minimumAllowance: false,
      destituteSupport: false,
      phone: null,
      status: 'active',
      removedReason: null,
      removedAt: null,
    };
    out.push(
      memberFacts(
        store,
        base,
        { ...mi, birthDate: check.identity.birthDate, sex: check.identity.sex },
        field,
        errors,
      ),
    );
  });
  return out;
}

export function memberFacts(
  store: HouseholdStore,
  m: Member,
  patch: Partial<MemberInput>,
  _field: string,
  _errors: FieldError[],
): Member {
  const next: Member = { ...m };
  const keys = [
    'name',
    'relation',
    'sex',
    'birthDate',
    'ethnicity',
    'educationLevel',
    'inSchool',
    'schoolStage',
    'health',
    'disabilityGrade',
    'labourCapacity',
    'medicalInsurance',
    'pensionInsurance',
    'minimumAllowance',
    'destituteSupport',
  ] as const;
  for (const k of keys) {
    const v = patch[k];
    if (v !== undefined && v !== null)
      (next as unknown as Record<string, unknown>)[k] = typeof v === 'string' ? v.trim() : v;
    else if (v === null && k !== 'name' && k !== 'relation' && k !== 'sex' && k !== 'birthDate')
      (next as unknown as Record<string, unknown>)[k] = null;
  }
  if (patch.migrantWork)
    next.migrantWork = {
      working: patch.migrantWork.working,
      place: patch.migrantWork.place ?? null,
      months: patch.migrantWork.months ?? null,
    };
  if (patch.phone !== undefined) {
    const samePhone =
      m.phone && patch.phone && store.deps.cipher.hashes(patch.phone).includes(m.phone.hash);
    next.phone =
      patch.phone === null ? null : samePhone ? m.phone : store.seal(patch.phone, maskPhone);
  }
  return next;
}

/** Applies the stated facts over the current ones; personal values are sealed, unchanged ones kept. */
export function applyFacts(
  store: HouseholdStore,
  current: StoredFacts,
  f: HouseholdFacts,
  by: GuaranteeActor = { actorId: 'system', actorName: 'system' },
): StoredFacts {
  const sealedOrKept = (
    value: string | null | undefined,
    old: PersonalValue | null,
    mask: (v: string) => string,
  ) => {
    if (value === undefined) return old;
    if (value === null || value.trim() === '') return null;
    return old && store.deps.cipher.hashes(value.trim()).includes(old.hash)
      ? old
      : store.seal(value.trim(), mask);
  };
  const guarantees = typedGuarantees(readGuarantees(current.guarantees), f, by);
  return {
    address: f.address?.trim() ?? current.address,
    groupNo: f.groupNo === undefined ? current.groupNo : f.groupNo,
    phone: sealedOrKept(f.phone, current.phone, maskPhone),
    bankName: f.bankName === undefined ? current.bankName : f.bankName,
    bankAccount: sealedOrKept(f.bankAccount, current.bankAccount, maskBankAccount),
    attribute: f.attribute === undefined ? current.attribute : f.attribute,
    mainCause: f.mainCause === undefined ? current.mainCause : f.mainCause,
    otherCauses: f.otherCauses ?? current.otherCauses,
    guarantees,
    housingGrade: f.housingGrade === undefined ? current.housingGrade : f.housingGrade,
    identificationYear:
      f.identificationYear === undefined ? current.identificationYear : f.identificationYear,
    exitYear: f.exitYear === undefined ? current.exitYear : f.exitYear,
    partyMember: f.partyMember ?? current.partyMember,
    income: f.income === undefined ? current.income : f.income,
  };
}

/** Who types a guarantee through a household input (the caller; `system` for none). */
export type GuaranteeActor = { actorId: string; actorName: string; at?: Date };

/**
 * The guarantees a household input states, typed by `by` over the current ones. A stated value
 * equal to the typed one in force (state and reason) keeps it as it is, so a repeated import
 * changes nothing; an omitted guarantee keeps what it had (a new household's is unknown).
 */
export function typedGuarantees(
  current: Guarantees,
  f: HouseholdFacts,
  by: GuaranteeActor,
): Guarantees {
  const out: Guarantees = { ...current };
  for (const g of GUARANTEES) {
    const v = f.guarantees?.[g];
    if (!v) continue;
    const typed = typedOf(v, {
      actorId: by.actorId,
      actorName: by.actorName,
      at: by.at ?? new Date(),
    });
    const old = current[g].typed;
    const same = old && typed && old.state === typed.state && old.reason === typed.reason;
    const note = v.note === undefined ? current[g].note : v.note;
    out[g] = resolveGuarantee(current[g].derived, same ? old : typed, note);
  }
  return out;
}

/**
 * Recomputes what is never typed in: size, head, per-capita income, line comparison, and the
 * guarantees derived from the facts (housing grade, members, support's facts) on `today`.
 */
export function derive<T extends NewHousehold>(
  h: T,
  opts: { today?: string; villageTapWater?: boolean | null } = {},
): T {
  const active = h.members.filter((m) => m.status === 'active');
  const size = active.length;
  const perCapita = perCapitaIncomeFen(h.income, size);
  const current = readGuarantees(h.guarantees);
  const derived = deriveGuarantees(
    {
      housingGrade: h.housingGrade,
      members: h.members,
      supportFacts: h.supportFacts,
      villageTapWater: opts.villageTapWater ?? null,
    },
    opts.today ?? shanghaiDateOf(new Date()),
  );
  // Without a look-up of the village, its water stays as last derived.
  if (opts.villageTapWater === undefined && current.safe_water.derived)
    derived.safe_water = current.safe_water.derived;
  const guarantees = withDerived(current, derived);
  return {
    ...h,
    size,
    headName: headNameOf(h.members),
    perCapitaIncomeFen: perCapita,
    belowPovertyLine: isBelowPovertyLine(perCapita, h.income?.year ?? null),
    guarantees,
    guaranteesUnmet: unmetGuarantees(guarantees),
    guaranteesUnknown: guaranteesOfState(guarantees, 'unknown'),
    guaranteesDerivation: GUARANTEE_DERIVATION_VERSION,
    memberIdHashes: active.flatMap((m) => hashesOf(m.idNumber)),
    memberNames: active.map((m) => m.name),
  };
}

export function invalidHousehold(errors: FieldError[]): AppError {
  return unprocessable(
    'REGISTRY_HOUSEHOLD_INVALID',
    bi(
      '户或成员信息有误，请检查标出的字段',
      'The household or member data is invalid; see the listed fields',
    ),
    errors,
  );
}

export function changedFields(a: object, b: object): string[] {
  const skip = new Set(['revision', 'updatedAt', 'history', 'outbox', 'hasOutbox', 'outboxLease']);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter(
      (k) =>
        !skip.has(k) &&
        JSON.stringify((a as Record<string, unknown>)[k]) !==
          JSON.stringify((b as Record<string, unknown>)[k]),
    )
    .sort();
}

/** Keeps members in their first-seen order so re-imports do not reorder (and "change") them. */
export function sortLike(original: Member[], next: Member[]): Member[] {
  const order = new Map(original.map((m, i) => [m.idNumber.hash, i]));
  return [...next].sort(
    (x, y) => (order.get(x.idNumber.hash) ?? 1e9) - (order.get(y.idNumber.hash) ?? 1e9),
  );
}

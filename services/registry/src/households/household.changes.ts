import {
  actorOf,
  bi,
  conflict,
  type FieldError,
  hashesOf,
  notFound,
  type Principal,
  unprocessable,
} from '@fupin/kit';
import {
  householdStatusChanged,
  householdUpdated,
  memberAdded,
  memberRemoved,
  memberUpdated,
} from './household.events';
import type { Member } from './household.model';
import { checkMemberIdentity } from './household.rules';
import {
  applyFacts,
  buildMembers,
  changedFields,
  derive,
  invalidHousehold,
  memberFacts,
} from './household.facts';
import type { HouseholdStore } from './household.store';
import type { HouseholdFacts, HouseholdView, MemberInput, TransitionStep } from './household.types';
import { householdView } from './household.views';
import { refuseHeadChange } from './household.head';
import { claimIds, releaseClaims } from './id-claims';

// Changes to a registered household: its facts, its members, and its status as a workflow step.
// Each is one single-document write with its history entry and events, guarded by revision.

export async function update(
  store: HouseholdStore,
  p: Principal,
  id: string,
  patch: HouseholdFacts,
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const by = { actorId: p.userId, actorName: p.username, at: store.now() };
  const next = derive(
    { ...current, ...applyFacts(store, current, patch, by) },
    { villageTapWater: await store.waterOf(current.areaCode) },
  );
  const changed = changedFields(current, next);
  if (changed.length === 0) return householdView(store.deps.cipher, current, null);
  await store.save(p, current, next, 'updated', {
    changed,
    events: (h) => [householdUpdated(h, changed, actorOf(p))],
  });
  return householdView(store.deps.cipher, next, null);
}

export async function addMember(
  store: HouseholdStore,
  p: Principal,
  id: string,
  input: MemberInput,
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const errors: FieldError[] = [];
  const [member] = buildMembers(store, [input], current.members, errors, 'member');
  if (errors.length || !member) throw invalidHousehold(errors);
  refuseHeadChange(current, { kind: 'add', relation: member.relation }, 'relation');
  await claimIds(store, current._id, [member]);
  const next = derive({ ...current, members: [...current.members, member] });
  try {
    await store.save(p, current, next, 'member_added', {
      changed: ['members'],
      events: (h) => [
        memberAdded(h, member, actorOf(p), store.deps.cipher),
        ...(h.size !== current.size ? [householdUpdated(h, ['size'], actorOf(p))] : []),
      ],
    });
  } catch (err) {
    await releaseClaims(store, current._id, hashesOf(member.idNumber));
    throw err;
  }
  return householdView(store.deps.cipher, next, null);
}

export async function updateMember(
  store: HouseholdStore,
  p: Principal,
  id: string,
  memberId: string,
  patch: Partial<Omit<MemberInput, 'idNumber'>>,
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const existing = current.members.find((m) => m.id === memberId && m.status === 'active');
  if (!existing) throw notFound(bi('家庭成员', 'Member'), 'REGISTRY_MEMBER_NOT_FOUND');
  const errors: FieldError[] = [];
  const merged = memberFacts(store, existing, patch, 'member', errors);
  if (patch.birthDate !== undefined || patch.sex !== undefined) {
    const idNumber = store.deps.cipher.open(existing.idNumber);
    const check = checkMemberIdentity(
      { idNumber, birthDate: merged.birthDate, sex: merged.sex },
      'member',
    );
    if (!check.ok) errors.push(...check.errors);
  }
  if (errors.length) throw invalidHousehold(errors);
  refuseHeadChange(
    current,
    { kind: 'relation', index: current.members.indexOf(existing), relation: merged.relation },
    'relation',
  );
  const changed = changedFields(existing, merged);
  if (changed.length === 0) return householdView(store.deps.cipher, current, null);
  const next = derive({
    ...current,
    members: current.members.map((m) => (m.id === memberId ? merged : m)),
  });
  await store.save(p, current, next, 'member_updated', {
    changed: changed.map((c) => `members.${c}`),
    events: (h) => [memberUpdated(h, merged, changed, actorOf(p), store.deps.cipher)],
  });
  return householdView(store.deps.cipher, next, null);
}

export async function removeMember(
  store: HouseholdStore,
  p: Principal,
  id: string,
  memberId: string,
  reason: string,
  revision?: number,
  opts: { deceased?: boolean } = {},
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const existing = current.members.find((m) => m.id === memberId && m.status === 'active');
  if (!existing) throw notFound(bi('家庭成员', 'Member'), 'REGISTRY_MEMBER_NOT_FOUND');
  if (current.members.filter((m) => m.status === 'active').length === 1) {
    throw unprocessable(
      'REGISTRY_LAST_MEMBER',
      bi('不能移除最后一名家庭成员', 'The last member of a household cannot be removed'),
    );
  }
  refuseHeadChange(
    current,
    { kind: 'remove', index: current.members.indexOf(existing), deceased: opts.deceased === true },
    'memberId',
  );
  const removed: Member = {
    ...existing,
    status: 'removed',
    removedReason: reason,
    removedAt: store.now(),
    ...(opts.deceased ? { deceased: true } : {}),
  };
  const next = derive({
    ...current,
    members: current.members.map((m) => (m.id === memberId ? removed : m)),
  });
  await store.save(p, current, next, 'member_removed', {
    changed: ['members'],
    reason,
    events: (h) => [
      memberRemoved(h, removed, reason, actorOf(p), store.deps.cipher),
      householdUpdated(h, ['size'], actorOf(p)),
    ],
  });
  await releaseClaims(store, current._id, hashesOf(existing.idNumber));
  return householdView(store.deps.cipher, next, null);
}

/**
 * Moves a household to another status as a workflow step, recording who, when, why and the
 * evidence. Refused when the household is not in one of the `from` statuses any more.
 */
export async function transition(
  store: HouseholdStore,
  p: Principal,
  id: string,
  step: TransitionStep,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, step.revision);
  if (!step.from.includes(current.status)) {
    throw conflict(
      'REGISTRY_WORKFLOW_WRONG_STATUS',
      bi(
        `当前状态不允许此操作（当前：${current.status}）`,
        `Not allowed in the current status (${current.status})`,
      ),
      {
        currentStatus: current.status,
      },
    );
  }
  const next = derive({
    ...current,
    ...step.set,
    status: step.to,
    workflow: step.workflowState,
  });
  const statusChanged = current.status !== step.to;
  await store.save(p, current, next, step.action, {
    changed: statusChanged ? ['status'] : ['workflow'],
    reason: step.reason,
    evidence: step.evidence ?? [],
    from: current.status,
    to: step.to,
    events: (h) =>
      statusChanged
        ? [
            householdStatusChanged(
              h,
              current.status,
              step.to,
              step.reason,
              step.workflow,
              actorOf(p),
            ),
          ]
        : [],
  });
  return householdView(store.deps.cipher, next, null);
}

import { actorOf, bi, type FieldError, notFound, type Principal, unprocessable } from '@fupin/kit';
import { memberUpdated } from './household.events';
import { derive } from './household.facts';
import type { Household, Member } from './household.model';
import type { HouseholdStore } from './household.store';
import type { HouseholdView } from './household.types';
import { householdView } from './household.views';
import {
  HEAD,
  headChangeRefusal,
  headFindingMessage,
  headFindings,
  type MemberChange,
  memberPlace,
} from './head.rules';

// 户主 through the API: registration needs exactly one head, a member change may not add a
// second head nor take the only one away, and 户主变更 designates the new head and gives the
// former one its new relation in one write.

const asHeadMembers = (members: readonly Member[]) =>
  members.map((m) => ({ relation: m.relation, active: m.status === 'active' }));

/** Registration's field errors: a second head on its relation, no head on `members`. */
export function registrationHeadErrors(members: readonly { relation: string }[]): FieldError[] {
  return headFindings(members.map((m) => ({ relation: m.relation }))).map((f) => ({
    field: f.code === 'no_head' ? 'members' : `members.${f.index}.relation`,
    code: f.code,
    message: headFindingMessage(f, memberPlace),
  }));
}

/** Refuses (422, on `field`) a member change that adds a second head or takes the only head away. */
export function refuseHeadChange(h: Household, change: MemberChange, field: string): void {
  const refusal = headChangeRefusal(asHeadMembers(h.members), change);
  if (!refusal) return;
  const message = headFindingMessage(refusal, memberPlace);
  throw unprocessable(
    refusal.code === 'second_head' ? 'REGISTRY_SECOND_HEAD' : 'REGISTRY_HEAD_REQUIRED',
    message,
    [{ field, code: refusal.code, message }],
  );
}

export interface HeadChangeInput {
  /** The member who becomes the head. */
  memberId: string;
  /** The former head's relation from now on (required when the household has a head). */
  formerHeadRelation?: string | null | undefined;
  reason: string;
}

/**
 * 户主变更: the named member becomes the head and the former head (if any is left) takes the
 * relation given, in one write with both members' events. A household without a head (its
 * head died) gets one the same way.
 */
export async function changeHead(
  store: HouseholdStore,
  p: Principal,
  id: string,
  input: HeadChangeInput,
  revision?: number,
): Promise<HouseholdView> {
  const current = await store.load(p, id);
  store.checkRevision(current, revision);
  const chosen = current.members.find((m) => m.id === input.memberId && m.status === 'active');
  if (!chosen) throw notFound(bi('家庭成员', 'Member'), 'REGISTRY_MEMBER_NOT_FOUND');
  const errors: FieldError[] = [];
  if (chosen.relation === HEAD)
    errors.push({
      field: 'memberId',
      code: 'already_head',
      message: bi('该成员已是户主', 'The member is the head already'),
    });
  const former = current.members.filter(
    (m) => m.status === 'active' && m.relation === HEAD && m.id !== chosen.id,
  );
  const relation = input.formerHeadRelation ?? null;
  if (former.length && (relation === null || relation === HEAD))
    errors.push({
      field: 'formerHeadRelation',
      code: 'required',
      message: bi(
        '请填写原户主今后的「与户主关系」（不能仍为户主）',
        "Give the former head's relation from now on (not 户主)",
      ),
    });
  if (errors.length)
    throw unprocessable(
      'REGISTRY_HEAD_CHANGE_INVALID',
      bi('户主变更信息有误', 'The head change is invalid'),
      errors,
    );
  const changedIds = new Set([chosen.id, ...former.map((m) => m.id)]);
  const members = current.members.map((m) =>
    !changedIds.has(m.id) ? m : { ...m, relation: m.id === chosen.id ? HEAD : relation! },
  );
  const next = derive({ ...current, members });
  await store.save(p, current, next, 'head_changed', {
    changed: ['members.relation', ...(next.headName !== current.headName ? ['headName'] : [])],
    reason: input.reason,
    events: (h) =>
      h.members
        .filter((m) => changedIds.has(m.id))
        .map((m) => memberUpdated(h, m, ['relation'], actorOf(p), store.deps.cipher)),
  });
  return householdView(store.deps.cipher, next, null);
}

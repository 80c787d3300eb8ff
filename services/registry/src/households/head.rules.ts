import { type Bilingual, bi } from '@fupin/kit';

/**
 * 户主 — a household has exactly one head: one active member whose 与户主关系 is 户主. The
 * one rule both the import and the API hold households to. Pure: it takes the members'
 * relations (and whether each is still in the household) and answers the findings; the callers
 * say where a member is (an import's sheet row, the API's `members.N`).
 */

export const HEAD = 'head';

/** One member as the rule sees it. */
export interface HeadMember {
  relation: unknown;
  /** Still in the household (removed members are not counted); true when omitted. */
  active?: boolean;
  /** Its relation could not be read (its own error is told): the head count is unknown then. */
  unreadable?: boolean;
}

export type HeadFindingCode = 'no_head' | 'second_head';

/** What is wrong with a household's heads: on which member, and which member is the head already. */
export interface HeadFinding {
  /** Index of the member the finding is on (no head: the first member). */
  index: number;
  code: HeadFindingCode;
  /** The head already there (second head), or null. */
  headIndex: number | null;
}

const isActive = (m: HeadMember) => m.active !== false;

/** The indexes of the active members whose relation is 户主. */
export function headIndexes(members: readonly HeadMember[]): number[] {
  return members.flatMap((m, i) => (isActive(m) && m.relation === HEAD ? [i] : []));
}

/**
 * Exactly one head: every head after the first is a `second_head` (naming the first), none at
 * all is `no_head` on the first member. An unreadable relation leaves the count unknown, so
 * nothing is said then.
 */
export function headFindings(members: readonly HeadMember[]): HeadFinding[] {
  if (members.some((m) => isActive(m) && m.unreadable)) return [];
  const heads = headIndexes(members);
  if (heads.length === 0) {
    const first = members.findIndex(isActive);
    return first < 0 ? [] : [{ index: first, code: 'no_head', headIndex: null }];
  }
  return heads.slice(1).map((index) => ({ index, code: 'second_head', headIndex: heads[0]! }));
}

/**
 * 户主待变更: the household has active members but none is the head (its head died, or the
 * record came without one). Shown on the household until a head is designated.
 */
export function headPending(members: readonly { relation: string; status: string }[]): boolean {
  const active = members.map((m) => ({ relation: m.relation, active: m.status === 'active' }));
  return active.some((m) => m.active) && headIndexes(active).length === 0;
}

/** A change to a registered household's members, as the head rule sees it. */
export type MemberChange =
  | { kind: 'add'; relation: string }
  | { kind: 'relation'; index: number; relation: string }
  /** `deceased`: a verified death takes the member out whatever its relation. */
  | { kind: 'remove'; index: number; deceased?: boolean };

export type HeadRefusalCode = 'second_head' | 'head_required';

/** Why a change is refused: the head it would add beside the existing one, or the head it would take away. */
export interface HeadRefusal {
  code: HeadRefusalCode;
  /** The existing head (second head) or the head being taken away (head required). */
  headIndex: number;
}

/** The members after a change (an added member is last). */
export function applyChange(members: readonly HeadMember[], change: MemberChange): HeadMember[] {
  if (change.kind === 'add') return [...members, { relation: change.relation, active: true }];
  return members.map((m, i) => {
    if (i !== change.index) return m;
    return change.kind === 'relation'
      ? { ...m, relation: change.relation }
      : { ...m, active: false };
  });
}

/**
 * A change may not make the household's heads worse: it may not add a head beside an existing
 * one, nor take the only head away (change its relation, remove it by hand) — the new head is
 * designated first (户主变更). A verified death removes the head all the same: the household
 * then has no head until one is designated. A household that already has none (or two) may be
 * changed otherwise: only what the change itself breaks is refused.
 */
export function headChangeRefusal(
  members: readonly HeadMember[],
  change: MemberChange,
): HeadRefusal | null {
  const before = headIndexes(members);
  const after = headIndexes(applyChange(members, change));
  const target = change.kind === 'add' ? members.length : change.index;
  const addsHead = after.includes(target) && !before.includes(target);
  if (addsHead && after.length > 1) {
    return { code: 'second_head', headIndex: before.find((i) => i !== target)! };
  }
  if (before.length > 0 && after.length === 0) {
    if (change.kind === 'remove' && change.deceased) return null;
    return { code: 'head_required', headIndex: before[0]! };
  }
  return null;
}

/** Where a member is, in both languages (第 3 行 / row 3; 第 2 名成员 / member 2). */
export interface Place {
  zh: string;
  en: string;
}

/** The API's place of a member: its position in the household's member list. */
export const memberPlace = (index: number): Place => ({
  zh: `第 ${index + 1} 名成员（members.${index}）`,
  en: `member ${index + 1} (members.${index})`,
});

/** What a finding says, with the place of the head already there. */
export function headFindingMessage(
  f: { code: HeadFindingCode | HeadRefusalCode; headIndex: number | null },
  placeOf: (index: number) => Place,
): Bilingual {
  const head = f.headIndex === null ? null : placeOf(f.headIndex);
  if (f.code === 'no_head')
    return bi(
      '该户没有户主：同一户须有且只有一名成员的「与户主关系」为「户主」',
      'The household has no head: exactly one member must have 与户主关系 = 户主 (head)',
    );
  if (f.code === 'second_head')
    return bi(
      `一户只能有一名户主：${head!.zh}已是户主`,
      `A household has one head only: ${head!.en} is the head already`,
    );
  return bi(
    `不能去掉户主：${head!.zh}是该户唯一的户主。请先办理户主变更（POST /households/{id}/head 指定新户主），再修改或移除原户主`,
    `The head cannot be taken away: ${head!.en} is the household's only head. Designate the new head first (户主变更: POST /households/{id}/head), then change or remove the former head`,
  );
}

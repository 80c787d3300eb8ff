import {
  headChangeRefusal,
  headFindingMessage,
  headFindings,
  headPending,
  memberPlace,
} from '../src/households/head.rules';
import { registrationHeadErrors } from '../src/households/household.head';

const rel = (...relations: string[]) => relations.map((relation) => ({ relation }));

describe('exactly one head', () => {
  it('one head is right, wherever it stands', () => {
    expect(headFindings(rel('head'))).toEqual([]);
    expect(headFindings(rel('spouse', 'son', 'head'))).toEqual([]);
  });

  it('no head is told on the first member; no members at all says nothing', () => {
    expect(headFindings(rel('spouse', 'son'))).toEqual([
      { index: 0, code: 'no_head', headIndex: null },
    ]);
    expect(headFindings([])).toEqual([]);
  });

  it('every head after the first is a second head naming the first', () => {
    expect(headFindings(rel('son', 'head', 'head', 'head'))).toEqual([
      { index: 2, code: 'second_head', headIndex: 1 },
      { index: 3, code: 'second_head', headIndex: 1 },
    ]);
  });

  it('removed members are not counted, an unreadable relation leaves the count unknown', () => {
    expect(
      headFindings([
        { relation: 'head', active: false },
        { relation: 'head' },
        { relation: 'spouse' },
      ]),
    ).toEqual([]);
    expect(headFindings([{ relation: 'head', active: false }, { relation: 'spouse' }])).toEqual([
      { index: 1, code: 'no_head', headIndex: null },
    ]);
    expect(headFindings([{ relation: 'x', unreadable: true }, { relation: 'son' }])).toEqual([]);
  });

  it('registration names the field of each second head and the position of the first', () => {
    const errors = registrationHeadErrors(rel('head', 'spouse', 'head'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'members.2.relation', code: 'second_head' });
    expect(errors[0]!.message['zh-CN']).toContain('第 1 名成员（members.0）已是户主');
    expect(errors[0]!.message.en).toContain('member 1 (members.0) is the head already');
    expect(registrationHeadErrors(rel('spouse'))).toEqual([
      expect.objectContaining({ field: 'members', code: 'no_head' }),
    ]);
  });
});

describe('a change to a registered household', () => {
  const family = [
    { relation: 'head' },
    { relation: 'spouse' },
    { relation: 'son', active: false },
    { relation: 'son' },
  ];

  it('adding a second head is refused naming the existing head; adding anyone else is not', () => {
    expect(headChangeRefusal(family, { kind: 'add', relation: 'head' })).toEqual({
      code: 'second_head',
      headIndex: 0,
    });
    expect(headChangeRefusal(family, { kind: 'add', relation: 'daughter' })).toBeNull();
  });

  it('making another member head beside the head is refused; re-stating the head is not', () => {
    expect(headChangeRefusal(family, { kind: 'relation', index: 3, relation: 'head' })).toEqual({
      code: 'second_head',
      headIndex: 0,
    });
    expect(headChangeRefusal(family, { kind: 'relation', index: 0, relation: 'head' })).toBeNull();
    expect(headChangeRefusal(family, { kind: 'relation', index: 3, relation: 'other' })).toBeNull();
  });

  it('the only head cannot change its relation away nor be removed by hand', () => {
    expect(headChangeRefusal(family, { kind: 'relation', index: 0, relation: 'parent' })).toEqual({
      code: 'head_required',
      headIndex: 0,
    });
    expect(headChangeRefusal(family, { kind: 'remove', index: 0 })).toEqual({
      code: 'head_required',
      headIndex: 0,
    });
    expect(headChangeRefusal(family, { kind: 'remove', index: 1 })).toBeNull();
  });

  it('a verified death removes the head all the same', () => {
    expect(headChangeRefusal(family, { kind: 'remove', index: 0, deceased: true })).toBeNull();
  });

  it('a household without a head may get one and may change otherwise; one with two may lose one', () => {
    const headless = [{ relation: 'head', active: false }, { relation: 'spouse' }];
    expect(
      headChangeRefusal(headless, { kind: 'relation', index: 1, relation: 'head' }),
    ).toBeNull();
    expect(headChangeRefusal(headless, { kind: 'add', relation: 'son' })).toBeNull();
    expect(headChangeRefusal(headless, { kind: 'add', relation: 'head' })).toBeNull();
    const twoHeads = rel('head', 'head');
    expect(
      headChangeRefusal(twoHeads, { kind: 'relation', index: 1, relation: 'spouse' }),
    ).toBeNull();
    expect(headChangeRefusal(twoHeads, { kind: 'remove', index: 0 })).toBeNull();
  });

  it('the refusal tells where the head is and to designate the new head first', () => {
    const m = headFindingMessage({ code: 'head_required', headIndex: 0 }, memberPlace);
    expect(m['zh-CN']).toContain('第 1 名成员（members.0）是该户唯一的户主');
    expect(m['zh-CN']).toContain('户主变更');
    expect(m.en).toContain('POST /households/{id}/head');
  });

  it('户主待变更 when active members have no head', () => {
    expect(
      headPending([
        { relation: 'head', status: 'removed' },
        { relation: 'spouse', status: 'active' },
      ]),
    ).toBe(true);
    expect(headPending([{ relation: 'head', status: 'active' }])).toBe(false);
    expect(headPending([{ relation: 'head', status: 'removed' }])).toBe(false);
  });
});

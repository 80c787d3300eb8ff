import type { Membership } from '../src/persons/person-index.model';
import { hasKey, keyIdsOf, peopleWithoutKey } from '../src/persons/key-coverage';
import { PersonTable } from '../src/persons/person-table';

// The coverage rule of a run over a list hashed with one HMAC key (see key-coverage.ts).

const h = (c: string) => c.repeat(64);

function membership(memberId: string, extra: Partial<Membership> = {}): Membership {
  return {
    householdId: `hh-${memberId}`,
    memberId,
    householdNo: 'HH',
    name: '某',
    areaCode: '431121101201',
    registered: true,
    householdStatus: 'in_poverty',
    memberStatus: 'active',
    birthDate: '1970-01-01',
    sex: 'male',
    minimumAllowance: false,
    destituteSupport: false,
    housingGrade: null,
    housingSafe: true,
    perCapitaIncomeFen: null,
    incomeYear: null,
    ...extra,
  };
}

test('the key ids of a membership: as sent, else k1 for one hash and unknown for a window', () => {
  expect(keyIdsOf({ idHashKeys: ['k2'] })).toEqual(['k2']);
  expect(keyIdsOf({ idHashes: [h('a'), h('b')], idHashKeys: ['k2', null] })).toEqual(['k2', null]);
  // Events from before the registry sent key ids.
  expect(keyIdsOf({})).toEqual(['k1']);
  expect(keyIdsOf({ idHashes: [h('a'), h('b')] })).toEqual([null, null]);
});

test('a person has a key when one of their memberships has a hash known to be under it', () => {
  expect(hasKey([{}], 'k1')).toBe(true);
  expect(hasKey([{}], 'k2')).toBe(false);
  expect(hasKey([{ idHashKeys: ['k1'] }], 'k2')).toBe(false);
  expect(hasKey([{ idHashKeys: ['k2'] }], 'k1')).toBe(false);
  expect(hasKey([{ idHashes: [h('a'), h('b')] }], 'k1')).toBe(false);
  expect(hasKey([{ idHashes: [h('a'), h('b')], idHashKeys: [null, 'k1'] }], 'k1')).toBe(true);
  expect(hasKey([{ idHashes: [h('a'), h('b')], idHashKeys: ['k2', null] }], 'k1')).toBe(false);
  expect(hasKey([{ idHashKeys: ['k1'] }, { idHashKeys: ['k2'] }], 'k2')).toBe(true);
  expect(hasKey([], 'k1')).toBe(false);
});

test('a run table counts each person without the key once, none when all have it', () => {
  const table = new PersonTable();
  // Under k1 only (the registry not yet rehashed).
  table.add(h('1'), [membership('m1', { idHashKeys: ['k1'] })]);
  // A legacy event: one hash, no key ids (k1).
  table.add(h('2'), [membership('m2')]);
  // Rehashed: both keys, kept at two paths, one person.
  const both = membership('m3', { idHashes: [h('4'), h('3')], idHashKeys: ['k2', 'k1'] });
  table.add(h('3'), [both]);
  table.add(h('4'), [both]);
  expect(table.size).toBe(3);
  expect(peopleWithoutKey(table, 'k2')).toBe(2);
  expect(peopleWithoutKey(table, 'k1')).toBe(0);
  expect(peopleWithoutKey(table, 'k3')).toBe(3);
  expect(peopleWithoutKey(new PersonTable(), 'k2')).toBe(0);
});

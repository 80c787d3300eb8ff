import { createHmac, randomBytes } from 'node:crypto';
import type { Membership } from '../src/persons/person-index.model';
import { PersonTable } from '../src/persons/person-table';

const mac = (key: Buffer, v: string) => createHmac('sha256', key).update(v).digest('hex');
const k1 = randomBytes(32);
const k2 = randomBytes(32);
const raw = (hex: string) => Buffer.from(hex, 'hex').toString('latin1');

function membership(householdId: string, memberId: string, idHashes?: string[]): Membership {
  return {
    ...(idHashes ? { idHashes } : {}),
    householdId,
    memberId,
    householdNo: `HH-${householdId}`,
    name: '张一',
    areaCode: '431121101201',
    registered: true,
    householdStatus: 'in_poverty',
    memberStatus: 'active',
    birthDate: '1970-01-01',
    sex: 'male',
    minimumAllowance: false,
    destituteSupport: false,
    housingGrade: 'A',
    housingSafe: true,
    perCapitaIncomeFen: 250_000,
    incomeYear: 2019,
  };
}

test('the hashes of one person under the current and the previous key lead to one person', () => {
  const [h2, h1] = [mac(k2, 'A'), mac(k1, 'A')];
  const table = new PersonTable();
  // As the stored index keeps them: the same memberships at each hash path.
  table.add(h1, [membership('hh-1', 'm-1', [h2, h1]), membership('hh-2', 'm-9', [h2, h1])]);
  table.add(h2, [membership('hh-1', 'm-1', [h2, h1]), membership('hh-2', 'm-9', [h2, h1])]);

  const person = table.get(raw(h1));
  expect(person).toBeDefined();
  expect(table.get(raw(h2))).toBe(person);
  expect(person!.idHash).toBe(h2);
  expect(new Set(person!.idHashes)).toEqual(new Set([h1, h2]));
  expect(person!.memberships.map((m) => m.memberId).sort()).toEqual(['m-1', 'm-9']);
  expect([...table.people()]).toEqual([person]);
  expect(table.size).toBe(1);
});

test('a path not yet rehashed joins the person a newer membership names', () => {
  const [h2, h1] = [mac(k2, 'A'), mac(k1, 'A')];
  const table = new PersonTable();
  // hh-2 was not yet published again: its membership is at the k1 path alone.
  table.add(h1, [membership('hh-2', 'm-9'), membership('hh-1', 'm-1', [h2, h1])]);
  table.add(h2, [membership('hh-1', 'm-1', [h2, h1])]);
  const person = table.get(raw(h2))!;
  expect(table.get(raw(h1))).toBe(person);
  expect(person.memberships.map((m) => m.householdId).sort()).toEqual(['hh-1', 'hh-2']);
  expect(table.size).toBe(1);
});

test('outside a window each hash is its own person', () => {
  const table = new PersonTable();
  table.add(mac(k1, 'A'), [membership('hh-1', 'm-1')]);
  table.add(mac(k1, 'B'), [membership('hh-2', 'm-2')]);
  expect(table.size).toBe(2);
  expect([...table.people()].map((p) => p.idHashes)).toEqual([[mac(k1, 'A')], [mac(k1, 'B')]]);
});

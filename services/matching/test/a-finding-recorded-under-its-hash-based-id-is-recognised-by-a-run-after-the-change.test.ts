import { createHmac, randomBytes } from 'node:crypto';
import type { FindingCandidate } from '../src/findings/finding.model';
import { idsToLookUp, resolveAliases } from '../src/findings/finding-aliases';
import type { Membership } from '../src/persons/person-index.model';
import type { Person } from '../src/persons/person-table';
import { findingId, personCandidate } from '../src/runs/candidates';

const mac = (key: Buffer, v: string) => createHmac('sha256', key).update(v).digest('hex');
const h1 = mac(randomBytes(32), '431121197001010011');
const h2 = mac(randomBytes(32), '431121197001010011');

const m = {
  householdId: 'hh-1',
  memberId: 'm-1',
  householdNo: 'HH-1',
  name: '张一',
  areaCode: '431121101201',
} as Membership;
const evidence = { kind: 'not_on_list', lists: [] } as unknown as FindingCandidate['evidence'];
const person = (idHashes: string[]): Person => ({
  idHash: idHashes[0]!,
  idHashes,
  memberships: [m],
  seen: 0,
});
const candidate = (p: Person): FindingCandidate => ({
  ...personCandidate('DROPOUT', p, m, evidence),
  ruleVersion: 1,
});

test("a person's finding id does not change with the HMAC key; the hash-based ids are its aliases", () => {
  const before = candidate(person([h1]));
  const window = candidate(person([h2, h1]));
  const after = candidate(person([h2]));
  expect(window._id).toBe(before._id);
  expect(after._id).toBe(before._id);
  expect(window.aliases).toEqual([
    findingId('DROPOUT', h2, 'hh-1'),
    findingId('DROPOUT', h1, 'hh-1'),
  ]);
  expect(idsToLookUp([window])).toEqual([window._id, ...window.aliases!]);
});

test('a candidate whose legacy id is stored is that finding, linked to its id; aliases are never stored', () => {
  const c = candidate(person([h2, h1]));
  const legacy = findingId('DROPOUT', h1, 'hh-1');
  const { batch, links } = resolveAliases([c], [{ _id: legacy }]);
  expect(batch).toHaveLength(1);
  expect(batch[0]!._id).toBe(legacy);
  expect(batch[0]).not.toHaveProperty('aliases');
  expect(links).toEqual([{ _id: legacy, runKey: c._id }]);
});

test('once the old key is gone, the link finds the legacy finding; a candidate stored under its own id stays', () => {
  const c = candidate(person([h2]));
  const legacy = findingId('DROPOUT', h1, 'hh-1');
  expect(resolveAliases([c], [{ _id: legacy, runKey: c._id }])).toEqual({
    batch: [expect.objectContaining({ _id: legacy })],
    links: [],
  });
  const own = resolveAliases([candidate(person([h2, h1]))], [{ _id: c._id }, { _id: legacy }]);
  expect(own.batch[0]!._id).toBe(c._id);
  expect(own.links).toEqual([]);
});

test('a candidate with no stored finding keeps its id', () => {
  const c = candidate(person([h2, h1]));
  expect(resolveAliases([c], [])).toEqual({
    batch: [expect.objectContaining({ _id: c._id })],
    links: [],
  });
});

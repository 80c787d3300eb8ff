import {
  createEvent,
  type Envelope,
  MemberAdded,
  type MemberSnapshot,
  MemberUpdated,
  SYSTEM_ACTOR,
} from '@fupin/contracts';
import { eventually, hmacRotation } from '@fupin/testing';
import request from 'supertest';
import {
  as,
  idNumber,
  type SeededHousehold,
  startSupport,
  type TestSupport,
  VILLAGE_A1,
} from './fixtures/support';

// 密钥轮换 of the HMAC key: the service holds k2 (current) and k1 (previous).
const keys = hmacRotation();
const underK1 = keys.cipher('k1');
/** A registry one rotation ahead of the service: k3 current, k2 previous. */
const registryAhead = keys.cipher('k3', ['k2']);

let t: TestSupport;
let h: SeededHousehold;
const STRANGER = idNumber('1980-08-08', 91);

/** The household's members as the registry sent them: each with the hashes `hashOf` makes. */
function hashedBy(
  s: SeededHousehold,
  hashOf: (m: SeededHousehold['members'][number]) => Pick<MemberSnapshot, 'idHash' | 'idHashes'>,
): SeededHousehold {
  for (const m of s.members) Object.assign(m, hashOf(m));
  const events = s.events.map((e): Envelope => {
    if (e.type !== MemberAdded.type) return e;
    const payload = e.payload as { member: MemberSnapshot; areaCode: string };
    const m = s.members.find((x) => x.id === payload.member.id)!;
    return { ...e, payload: { ...payload, member: { ...payload.member, ...hashOf(m) } } };
  });
  return { ...s, events };
}

beforeAll(async () => {
  t = await startSupport({
    env: keys.env('k2', ['k1']),
  });
  h = hashedBy(
    t.household(VILLAGE_A1, [
      { name: '柳一', birthDate: '1970-01-01' },
      { name: '柳二', birthDate: '1972-02-02', sex: 'female' },
      { name: '柳三', birthDate: '1974-03-03' },
    ]),
    (m) =>
      m.name === '柳一'
        ? // Sent before the rotation: the hash under k1 only.
          { idHash: underK1.hash(m.idNumber) }
        : m.name === '柳二'
          ? // Sent by a registry ahead of the service: under k3, and k2 in idHashes.
            { idHash: registryAhead.hash(m.idNumber), idHashes: registryAhead.hashes(m.idNumber) }
          : // Sent under the service's own current key.
            { idHash: t.cipher.hash(m.idNumber) },
  );
  await t.seed([h]);
});
afterAll(async () => {
  await t.close();
});

test('an insurance list finds the person the registry hashed under the previous key, the one it hashed under a key the service does not hold yet, and the one under the current key', async () => {
  const member = (name: string) => h.members.find((m) => m.name === name)!;
  // The service's current hash is neither stored hash of the first two.
  expect(t.cipher.hash(member('柳一').idNumber)).not.toBe(member('柳一').idHash);
  expect(t.cipher.hash(member('柳二').idNumber)).not.toBe(member('柳二').idHash);
  const csv = [
    '身份证号,姓名,险种,参保状态',
    `${member('柳一').idNumber},柳一,基本医疗保险,是`,
    `${member('柳二').idNumber},柳二,基本医疗保险,是`,
    `${member('柳三').idNumber},柳三,基本医疗保险,是`,
    `${STRANGER},外人,基本医疗保险,是`,
  ].join('\n');
  const upload = await request(t.app)
    .post('/imports/health-insurance')
    .query({ year: 2019, fileName: '参保.csv' })
    .set(as(t.tokens.health))
    .set('content-type', 'text/csv')
    .send(csv);
  expect(upload.status).toBe(202);
  await eventually(
    async () => {
      const r = await request(t.app).get(`/imports/${upload.body.id}`).set(as(t.tokens.health));
      expect(r.body.status).toBe('completed');
    },
    { timeoutMs: 30_000, intervalMs: 300 },
  );
  const rows = await request(t.app)
    .get(`/imports/${upload.body.id}/rows`)
    .query({ range: '[0,99]' })
    .set(as(t.tokens.health));
  expect(
    rows.body.map((r: { name: string; outcome: string; personId: string | null }) => [
      r.name,
      r.outcome,
      r.personId,
    ]),
  ).toEqual([
    ['柳一', 'enrolled', member('柳一').id],
    ['柳二', 'enrolled', member('柳二').id],
    ['柳三', 'enrolled', member('柳三').id],
    ['外人', 'unknown_person', null],
  ]);
  // The rows' hashes are never shown.
  expect(JSON.stringify(rows.body)).not.toContain(t.cipher.hash(member('柳一').idNumber));
});

test("the person view keeps the registry's window hashes, the start-up check leaves them alone, and they go when the registry stops sending them", async () => {
  const persons = t.support.models.persons;
  const second = h.members.find((m) => m.name === '柳二')!;
  expect((await persons.findById(second.id).lean())?.idHashes).toEqual(
    registryAhead.hashes(second.idNumber),
  );
  // The stored window hashes are the derived ones: nothing to re-derive.
  expect(await t.support.people.reconcile()).toEqual({ households: 1, resynced: 0 });

  // After the window the registry sends the member under its current key alone.
  const { idNumber: _n, idHashes: _hs, ...rest } = second;
  const member = { ...rest, idHash: registryAhead.hash(second.idNumber), name: '柳二妹' };
  await t.publish([
    createEvent(MemberUpdated, {
      aggregateId: h.id,
      areaCode: VILLAGE_A1,
      actor: SYSTEM_ACTOR,
      payload: { member, areaCode: VILLAGE_A1, changed: ['name'] },
    }),
  ]);
  const after = await eventually(
    async () => {
      const x = await persons.findById(second.id).lean();
      expect(x?.name).toBe('柳二妹');
      return x!;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  expect(after).not.toHaveProperty('idHashes');
  // The service's own keys no longer reach the person: the registry hashes under k3 alone.
  expect((await t.support.people.registeredByHash(t.cipher.hashes(second.idNumber))).size).toBe(0);
});

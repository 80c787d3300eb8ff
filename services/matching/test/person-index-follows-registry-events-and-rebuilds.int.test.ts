import {
  createEvent,
  type Envelope,
  findContract,
  MemberUpdated,
  type MemberSnapshot,
} from '@fupin/contracts';
import { eventually } from '@fupin/testing';
import {
  bearer,
  idNumber,
  registryEvents,
  startMatching,
  type TestHousehold,
  type TestMatching,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/matching';

let t: TestMatching;
beforeAll(async () => {
  t = await startMatching();
});
afterAll(async () => {
  await t.close();
});

const first = idNumber('1970-01-01', 1, 'male');
const corrected = idNumber('1970-01-01', 2, 'male');
const child = idNumber('2015-05-05', 3, 'female');

const household: TestHousehold = {
  id: 'hh-1',
  areaCode: VILLAGE_A1,
  members: [
    { id: 'm-1', idNumber: first, name: '张一', birthDate: '1970-01-01', sex: 'male' },
    {
      id: 'm-2',
      idNumber: child,
      name: '张二',
      birthDate: '2015-05-05',
      sex: 'female',
      minimumAllowance: true,
    },
  ],
};

/** Publishes registry events on the (prefixed) registry topics, as the registry's relay does. */
async function publish(events: Envelope[]): Promise<void> {
  await t.rt.producer.send({
    topic: t.rt.topic(findContract(events[0]!.type, 1)!.topic),
    messages: events.map((e) => ({
      key: e.aggregateId,
      value: JSON.stringify(e),
      headers: { 'event-id': e.id },
    })),
  });
}

async function publishAll(events: Envelope[]): Promise<void> {
  for (const e of events) await publish([e]);
}

test('registry events are projected into the person index, keyed by the ID-number hash', async () => {
  const events = registryEvents(t, household);
  await publishAll(events);
  await eventually(async () => {
    const memberships = await t.matching.persons.lookup(t.matching.cipher.hash(first));
    expect(memberships).toEqual([
      expect.objectContaining({
        householdId: 'hh-1',
        memberId: 'm-1',
        areaCode: VILLAGE_A1,
        householdStatus: 'in_poverty',
        registered: true,
        memberStatus: 'active',
        birthDate: '1970-01-01',
        sex: 'male',
      }),
    ]);
    expect(await t.matching.persons.lookup(t.matching.cipher.hash(child))).toEqual([
      expect.objectContaining({
        minimumAllowance: true,
        destituteSupport: false,
        housingGrade: 'A',
        housingSafe: true,
      }),
    ]);
  });
  const status = await t.api().get('/person-index/status').set(bearer(t.tokens.townshipA));
  expect(status.body).toEqual({ people: 2, buckets: expect.any(Number) });

  // The same events delivered again change nothing.
  const before = await t.rt.conn.db!.collection('person_index').find({}).toArray();
  await publishAll(events);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await t.rt.conn.db!.collection('person_index').find({}).toArray()).toEqual(before);
});

test("a member's corrected ID number moves the person to the new hash", async () => {
  const [, head] = registryEvents(t, household);
  const member = (head!.payload as { member: MemberSnapshot }).member;
  const update = createEvent(MemberUpdated, {
    aggregateId: household.id,
    areaCode: household.areaCode,
    actor: head!.actor,
    occurredAt: new Date(Date.now() + 1000),
    payload: {
      member: { ...member, idHash: t.matching.cipher.hash(corrected) },
      areaCode: household.areaCode,
      changed: ['idNumber'],
    },
  });
  await publish([update]);
  await eventually(async () => {
    expect(await t.matching.persons.lookup(t.matching.cipher.hash(corrected))).toHaveLength(1);
    expect(await t.matching.persons.lookup(t.matching.cipher.hash(first))).toEqual([]);
  });
});

test('the index is re-derived from the projection after it was lost', async () => {
  for (const e of registryEvents(t, {
    id: 'hh-2',
    areaCode: VILLAGE_B1,
    members: [{ id: 'm-3', idNumber: first, name: '李三', birthDate: '1970-01-01', sex: 'male' }],
  }))
    await t.matching.projection.apply(e);
  const before = await t.matching.persons.status();
  await t.rt.conn.db!.collection('person_index').deleteMany({});
  const refused = await t.api().post('/person-index/rebuild').set(bearer(t.tokens.townshipA));
  expect(refused.status).toBe(403);
  const res = await t.api().post('/person-index/rebuild').set(bearer(t.tokens.county));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ households: 2, people: before.people });
  expect(await t.matching.persons.lookup(t.matching.cipher.hash(corrected))).toEqual([
    expect.objectContaining({ memberId: 'm-1' }),
  ]);
  expect(await t.matching.persons.lookup(t.matching.cipher.hash(first))).toEqual([
    expect.objectContaining({ memberId: 'm-3', householdId: 'hh-2' }),
  ]);
  const projection = await t.api().get('/projection/status').set(bearer(t.tokens.county));
  expect(projection.body).toMatchObject({ households: 2, pending: 0 });
});

import { HouseholdUpdated } from '@fupin/contracts';
import { collectTopics, eventually, uniqueName } from '@fupin/testing';
import request from 'supertest';
import {
  idNumber,
  startRegistry,
  type TestRegistry,
  VILLAGE_A1,
  VILLAGE_B1,
} from './fixtures/registry';
import { as, createAreas } from './fixtures/workflows';

// Issue 19, 饮水安全: a village's tap water item changing re-derives the safe water of every
// household of the village (in batches, each household written with its history entry and,
// when its state changed, its event through the outbox); a typed override stays in force with
// the derived value beside it brought up to date; households of other villages are untouched.

let t: TestRegistry;
let seq = 900;

beforeAll(async () => {
  t = await startRegistry();
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

async function register(areaCode: string) {
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send({
      householdNo: `TW-${++seq}`,
      areaCode,
      status: 'in_poverty',
      members: [
        { name: '孙大河', idNumber: idNumber('1970-01-01', ++seq, 'male'), relation: 'head' },
      ],
    });
  expect(res.status).toBe(201);
  return res.body as { id: string; revision: number; guarantees: Record<string, unknown> };
}

async function setTapWater(code: string, inPlace: boolean) {
  const village = await request(t.app).get(`/villages/${code}`).set(as(t.tokens.county));
  const res = await request(t.app)
    .put(`/villages/${code}`)
    .set(as(t.tokens.county))
    .send({ revision: village.body.revision, infrastructure: { tapWater: { inPlace } } });
  expect(res.status).toBe(200);
}

const get = async (id: string) =>
  (await request(t.app).get(`/households/${id}`).set(as(t.tokens.county))).body;

test('every household of the village takes the new water, a typed value stays, other villages do not change', async () => {
  const events = await collectTopics(
    t.rt.kafka,
    [t.rt.topic(HouseholdUpdated.topic)],
    uniqueName('tap-water-events'),
  );
  try {
    // More households than one batch of the re-derivation when run with a small batch below.
    const plain = await Promise.all(Array.from({ length: 5 }, () => register(VILLAGE_B1)));
    const typed = await register(VILLAGE_B1);
    const other = await register(VILLAGE_A1);
    expect(plain[0]!.guarantees.safe_water).toMatchObject({ state: 'unknown', source: 'none' });
    const override = await request(t.app)
      .put(`/households/${typed.id}/guarantees/safe_water`)
      .set(as(t.tokens.county))
      .send({ state: 'not_met', reason: '入户核实：自来水未通到户，仍饮用浑浊井水' });
    expect(override.status).toBe(200);

    // The six households written in one bulk write, none one by one.
    const repo = t.registry.repos.households;
    const bulk = jest.spyOn(repo, 'bulkUpdate');
    const one = jest.spyOn(repo, 'updateOne');
    try {
      await setTapWater(VILLAGE_B1, true);
      expect(bulk).toHaveBeenCalledTimes(1);
      expect(bulk.mock.calls[0]![1]).toHaveLength(6);
      expect(one).not.toHaveBeenCalled();
    } finally {
      bulk.mockRestore();
      one.mockRestore();
    }

    for (const h of plain) {
      const now = await get(h.id);
      expect(now.guarantees.safe_water).toMatchObject({
        state: 'met',
        source: 'derived',
        derived: { state: 'met', fact: 'village:safe_water' },
      });
      expect(now.guaranteesUnmet).not.toContain('safe_water');
      expect(now.revision).toBe(h.revision + 1);
      expect(now.history.at(-1)).toMatchObject({
        action: 'village_water_changed',
        evidence: [`village:${VILLAGE_B1}:tapWater`],
      });
    }
    const kept = await get(typed.id);
    expect(kept.guarantees.safe_water).toMatchObject({
      state: 'not_met',
      source: 'typed',
      typed: { state: 'not_met' },
      derived: { state: 'met', fact: 'village:safe_water' },
    });
    const untouched = await get(other.id);
    expect(untouched.revision).toBe(other.revision);
    expect(untouched.guarantees.safe_water.state).toBe('unknown');

    // The list (its own rows) says the same: 饮水安全 is no longer unmet for the five.
    const list = await request(t.app)
      .get('/households')
      .query({ filter: JSON.stringify({ area: VILLAGE_B1, guaranteeUnmet: 'safe_water' }) })
      .set(as(t.tokens.county));
    expect(list.status).toBe(200);
    expect(list.body.map((h: { id: string }) => h.id)).toEqual([typed.id]);

    // An event for each household whose state changed (the five), none for the typed one.
    await eventually(() => {
      const keys = events.messages
        .filter((m) => JSON.parse(m.value ?? '{}').payload?.changed?.includes('guarantees'))
        .map((m) => m.key);
      for (const h of plain) expect(keys).toContain(h.id);
    });
    const typedEvents = events.messages.filter(
      (m) =>
        m.key === typed.id &&
        JSON.parse(m.value ?? '{}').payload?.household?.guaranteeStates?.safe_water === 'met',
    );
    expect(typedEvents).toEqual([]);

    // Back to not in place: not met, then the same value again changes nothing.
    await setTapWater(VILLAGE_B1, false);
    const dry = await get(plain[0]!.id);
    expect(dry.guarantees.safe_water).toMatchObject({ state: 'not_met', source: 'derived' });
    await setTapWater(VILLAGE_B1, false);
    expect((await get(plain[0]!.id)).revision).toBe(dry.revision);
  } finally {
    await events.stop();
  }
});

test('the re-derivation reads and writes in batches and is idempotent', async () => {
  const hs = await Promise.all(Array.from({ length: 7 }, () => register(VILLAGE_A1)));
  const svc = t.registry.services.households;
  const by = { userId: 'test', username: 'test', roles: [], areaCode: '431121', rights: {} };
  const batches: number[] = [];
  const first = await svc.rederiveGuarantees({
    filter: { _id: { $in: hs.map((h) => h.id) } },
    by,
    action: 'guarantees_rederived',
    evidence: [],
    batchSize: 3,
    progress: (d) => batches.push(d.read),
  });
  // Nothing changed since registration: read in three batches, nothing written.
  expect(batches).toEqual([3, 6, 7]);
  expect(first).toEqual({ read: 7, written: 0, statesChanged: 0 });
  await setTapWater(VILLAGE_A1, true);
  const again = await svc.rederiveGuarantees({
    filter: { _id: { $in: hs.map((h) => h.id) } },
    by,
    action: 'guarantees_rederived',
    evidence: [],
    batchSize: 3,
  });
  // The village update already brought them up to date.
  expect(again.written).toBe(0);
  for (const h of hs) expect((await get(h.id)).guarantees.safe_water.state).toBe('met');
});

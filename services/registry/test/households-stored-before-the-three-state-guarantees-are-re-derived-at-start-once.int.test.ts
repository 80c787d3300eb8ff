import request from 'supertest';
import {
  rederiveGuaranteesOnStart,
  startGuaranteeDerivation,
} from '../src/guarantee-derivation-start';
import { GUARANTEE_DERIVATION_VERSION } from '../src/households/guarantee.rules';
import { idNumber, startRegistry, type TestRegistry, VILLAGE_A1 } from './fixtures/registry';
import { as, createAreas } from './fixtures/workflows';

// Issue 19: a household stored before the three-state guarantees (`{met, note}` each, a blank
// import cell counted as met, no derivation version) keeps its old `guaranteesUnmet` until the
// next write. The start's migration re-derives every household of an older derivation, in
// batches, once: a second start writes nothing, and an up-to-date household is never written.

let t: TestRegistry;
let seq = 300;

beforeAll(async () => {
  t = await startRegistry();
  await createAreas(t);
});
afterAll(async () => {
  await t.close();
});

async function register(housingGrade: string | null) {
  const res = await request(t.app)
    .post('/households')
    .set(as(t.tokens.county))
    .send({
      householdNo: `OLD-${++seq}`,
      areaCode: VILLAGE_A1,
      status: 'in_poverty',
      housingGrade,
      members: [
        {
          name: '吴老根',
          idNumber: idNumber('1960-03-03', ++seq, 'male'),
          relation: 'head',
          medicalInsurance: true,
        },
      ],
    });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

const LEGACY = Object.fromEntries(
  ['food', 'clothing', 'compulsory_education', 'basic_medical', 'housing_safety', 'safe_water'].map(
    (g) => [g, { met: true, note: null }],
  ),
);

/** Makes a stored household look as one written before the three states. */
async function makeOld(id: string) {
  await t.registry.models.households.collection.updateOne(
    { _id: id as never },
    {
      $set: { guarantees: LEGACY, guaranteesUnmet: [] },
      $unset: { guaranteesDerivation: '', guaranteesUnknown: '' },
    },
  );
}

const raw = (id: string) => t.registry.models.households.findById(id).lean();

test('older households are re-derived in batches with a history entry; a second start writes nothing', async () => {
  const old = [await register('D'), await register('A'), await register(null)];
  const current = await register('C');
  for (const h of old) await makeOld(h.id);
  const before = await raw(current.id);
  const revisions = new Map<string, number>();
  for (const h of old) revisions.set(h.id, (await raw(h.id))!.revision);

  const first = await rederiveGuaranteesOnStart({
    households: t.registry.services.households,
    villages: t.registry.repos.villages,
    logger: t.rt.logger,
    now: () => new Date(),
    batchSize: 2,
  });
  expect(first.older).toEqual({ read: 3, written: 3, statesChanged: 1 });

  // D grade: the old "met" typed by nobody gives way to the derived 危房 (not met).
  const d = (await raw(old[0]!.id))!;
  expect(d.guarantees.housing_safety).toMatchObject({
    state: 'not_met',
    source: 'derived',
    derived: { state: 'not_met', fact: 'housing_grade:D' },
    typed: { state: 'met', legacy: true },
  });
  expect(d.guaranteesUnmet).toEqual(['housing_safety']);
  expect(d.guaranteesUnknown).toEqual([]);
  expect(d.guaranteesDerivation).toBe(GUARANTEE_DERIVATION_VERSION);
  expect(d.revision).toBe(revisions.get(d._id)! + 1);
  expect(d.history.at(-1)).toMatchObject({
    action: 'guarantees_rederived',
    actorId: 'system:guarantee-derivation',
    evidence: [`derivation:v${GUARANTEE_DERIVATION_VERSION}`],
  });
  // The API's detail and the list read the same.
  const detail = await request(t.app).get(`/households/${d._id}`).set(as(t.tokens.county));
  expect(detail.body.guaranteesUnmet).toEqual(['housing_safety']);
  const list = await request(t.app)
    .get('/households')
    .query({ filter: JSON.stringify({ guaranteeUnmet: 'housing_safety' }) })
    .set(as(t.tokens.county));
  expect(list.body.map((h: { id: string }) => h.id).sort()).toEqual([d._id, current.id].sort());

  // Stored under this derivation already: read by nobody, written never.
  const after = (await raw(current.id))!;
  expect(after.revision).toBe(before!.revision);

  const second = await rederiveGuaranteesOnStart({
    households: t.registry.services.households,
    villages: t.registry.repos.villages,
    logger: t.rt.logger,
    now: () => new Date(),
  });
  expect(second.older).toEqual({ read: 0, written: 0, statesChanged: 0 });
  expect((await raw(d._id))!.revision).toBe(d.revision);
});

test('the start runs it in the background once the registry serves', async () => {
  // The fixture's own start found nothing to do.
  await t.registry.derivation.done;
  const h = await register('C');
  await makeOld(h.id);
  const run = startGuaranteeDerivation({
    households: t.registry.services.households,
    villages: t.registry.repos.villages,
    logger: t.rt.logger,
    now: () => new Date(),
  });
  await run.done;
  const stored = (await raw(h.id))!;
  expect(stored.guaranteesDerivation).toBe(GUARANTEE_DERIVATION_VERSION);
  expect(stored.guaranteesUnmet).toEqual(['housing_safety']);
  await run.stop();
});

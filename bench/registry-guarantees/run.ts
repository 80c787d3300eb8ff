// Benchmark of the start's re-derivation of the guarantees (src/guarantee-derivation-start.ts):
// N households stored as before the three states (`{met, note}` guarantees, no derivation
// version; a quarter with a C/D housing grade, so their 住房安全 changes state and sends an event)
// re-derived in batches of 500. Prints households/s and the time a start spends on them.
// Usage (the local stack running):
//   KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017 REDIS_URL=redis://127.0.0.1:6379 \
//     npx tsx bench/registry-guarantees/run.ts --households 25000
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import request from 'supertest';
import { rederiveGuaranteesOnStart } from '../../services/registry/src/guarantee-derivation-start';
import {
  idNumber,
  startRegistry,
  VILLAGE_A1,
} from '../../services/registry/test/fixtures/registry';
import { as, createAreas } from '../../services/registry/test/fixtures/workflows';

const { values: args } = parseArgs({
  options: { households: { type: 'string', default: '25000' } },
});
const N = Number(args.households);
const LEGACY = Object.fromEntries(
  ['food', 'clothing', 'compulsory_education', 'basic_medical', 'housing_safety', 'safe_water'].map(
    (g) => [g, { met: true, note: null }],
  ),
);

async function main() {
  const t = await startRegistry();
  try {
    await createAreas(t);
    const res = await request(t.app)
      .post('/households')
      .set(as(t.tokens.county))
      .send({
        householdNo: 'BENCH-TEMPLATE',
        areaCode: VILLAGE_A1,
        status: 'in_poverty',
        members: [
          { name: '甲', idNumber: idNumber('1970-01-01', 1, 'male'), relation: 'head' },
          { name: '乙', idNumber: idNumber('1972-01-01', 2, 'female'), relation: 'spouse' },
          { name: '丙', idNumber: idNumber('2012-01-01', 3, 'male'), relation: 'son' },
        ],
      });
    if (res.status !== 201) throw new Error(`template: ${res.status}`);
    const template = await t.registry.models.households.findById(res.body.id).lean();
    const col = t.registry.models.households.collection;
    for (let done = 0; done < N; done += 1000) {
      const docs = Array.from({ length: Math.min(1000, N - done) }, (_, k) => {
        const i = done + k;
        const { guaranteesDerivation: _d, guaranteesUnknown: _u, ...rest } = template!;
        return {
          ...rest,
          _id: randomUUID(),
          householdNo: `BENCH-${i}`,
          housingGrade: (['A', 'B', 'C', 'D'] as const)[i % 4],
          guarantees: LEGACY,
          guaranteesUnmet: [],
          history: [],
          outbox: [],
          hasOutbox: false,
        };
      });
      await col.insertMany(docs as never[]);
    }
    // Where the time goes: each phase of the batches timed.
    const phases: Record<string, number> = {};
    const timed = (o: Record<string, unknown>, name: string, label: string) => {
      const f = o[name] as (...a: unknown[]) => Promise<unknown>;
      o[name] = async (...a: unknown[]) => {
        const s0 = Date.now();
        try {
          return await f.apply(o, a);
        } finally {
          phases[label] = (phases[label] ?? 0) + Date.now() - s0;
        }
      };
    };
    const repo = t.registry.repos.households as unknown as Record<string, unknown>;
    timed(repo, 'find', 'read');
    timed(repo, 'bulkUpdate', 'write');
    timed(t.registry.householdList as unknown as Record<string, unknown>, 'record', 'listRows');
    const started = Date.now();
    const out = await rederiveGuaranteesOnStart({
      households: t.registry.services.households,
      villages: t.registry.repos.villages,
      logger: t.rt.logger,
      now: () => new Date(),
    });
    const ms = Date.now() - started;
    console.log(
      JSON.stringify({
        households: N,
        ...out.older,
        ms,
        perSecond: Math.round((out.older.read / ms) * 1000),
        phasesMs: phases,
      }),
    );
  } finally {
    await t.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

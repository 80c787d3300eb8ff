// Benchmark of the monthly 防返贫 screening (services/registry/src/monitoring): a county of N
// people (three to a household; 60% exited, 10% candidates — the screened ones — and 30% still
// in poverty), 3% of households with an in-patient stay this year, a flood in one village,
// screened once from cold and once more (every warning then updated, none raised).
// Target (issue 21): a 25,000-person county within 60 s on the embedded stack.
// Usage (the local stack running):
//   KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017 REDIS_URL=redis://127.0.0.1:6379 \
//     npx tsx bench/monitoring-screening/run.ts --people 25000
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { shanghaiDateOf } from '@fupin/reference';
import dayjs from 'dayjs';
import type { ScreeningService } from '../../services/registry/src/monitoring/screening.service';
import { VILLAGE_A1 } from '../../services/registry/test/fixtures/registry';
import { registryWithTemplate } from '../common/registry-template';
import { engineName } from '../common/engine';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '25000' } } });
const PEOPLE = Number(args.people);
const HOUSEHOLDS = Math.ceil(PEOPLE / 3);

async function main() {
  const { t, template } = await registryWithTemplate({
    status: 'exited',
    exitYear: 2019,
    income: { year: 2020, wagesFen: 1_800_000, productionFen: 0, propertyFen: 0, transferFen: 0 },
  });
  try {
    const today = shanghaiDateOf(new Date());
    const households = t.registry.models.households.collection;
    const medical = t.rt.conn.collection('monitoring_medical_costs');
    const loadStarted = Date.now();
    for (let done = 0; done < HOUSEHOLDS; done += 1000) {
      const n = Math.min(1000, HOUSEHOLDS - done);
      const ids = Array.from({ length: n }, () => randomUUID());
      const docs = ids.map((id, k) => {
        const i = done + k;
        const status = i % 10 < 6 ? 'exited' : i % 10 === 6 ? 'candidate' : 'in_poverty';
        // A tenth of the households below the monitoring line (1.5 × ¥4,000 → ¥6,000 a person).
        const perCapita = i % 10 === 3 ? 500_000 : 900_000;
        return {
          ...template,
          _id: id,
          householdNo: `BENCH-${i}`,
          status,
          perCapitaIncomeFen: perCapita,
          income: { ...template.income!, wagesFen: perCapita * 3 },
          history: [],
          outbox: [],
          hasOutbox: false,
        };
      });
      await households.insertMany(docs as never[]);
      const stays = ids
        .filter((_, k) => (done + k) % 33 === 0)
        .map((householdId) => ({
          _id: randomUUID() as never,
          householdId,
          personId: 'p',
          areaCode: VILLAGE_A1,
          day: dayjs(today).subtract(40, 'day').format('YYYY-MM-DD'),
          totalCostFen: 5_000_000,
          reimbursedFen: 2_000_000,
          topUpPaidFen: 0,
          outOfPocketFen: 3_000_000,
          eventId: randomUUID(),
          eventAt: new Date(),
        }));
      if (stays.length) await medical.insertMany(stays);
    }
    const loadMs = Date.now() - loadStarted;
    const module = t.registry.modules.find((m) => m.name === 'monitoring') as unknown as {
      screening: ScreeningService;
    };
    const times: number[] = [];
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const queued = await module.screening.queue('bench');
      const started = Date.now();
      runs.push(await module.screening.run(queued._id));
      times.push(Date.now() - started);
    }
    const engine = await engineName(t.rt.conn.db!);
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          engine,
          people: PEOPLE,
          households: HOUSEHOLDS,
          loadMs,
          first: {
            ms: times[0],
            status: runs[0]!.status,
            screened: runs[0]!.screened,
            raised: runs[0]!.raised,
            fired: runs[0]!.fired,
          },
          again: {
            ms: times[1],
            status: runs[1]!.status,
            raised: runs[1]!.raised,
            updated: runs[1]!.updated,
          },
          targetMs: 60_000,
          withinTarget: Math.max(...times) <= 60_000,
        },
        null,
        2,
      ),
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

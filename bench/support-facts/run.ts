// Benchmark of the registry's support-facts consumer (src/households/support-facts.changes.ts):
// N households stored, then one basic-medical coverage event per member (three each) published
// on support.coverage.v1 as support's insurance import does; timed until the consumer group has
// applied every event. Prints events/s and whether the county (25,000 people → ~25,000 events)
// drains in about a minute, the data layer's bulk rule.
// Usage (the local stack running):
//   KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017 REDIS_URL=redis://127.0.0.1:6379 \
//     npx tsx bench/support-facts/run.ts --people 6000
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CoverageRecorded, createEvent, SYSTEM_ACTOR } from '@fupin/contracts';
import { VILLAGE_A1 } from '../../services/registry/test/fixtures/registry';
import { registryWithTemplate } from '../common/registry-template';
import { engineName } from '../common/engine';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '6000' } } });
const PEOPLE = Number(args.people);
const HOUSEHOLDS = Math.ceil(PEOPLE / 3);

async function main() {
  const { t, template } = await registryWithTemplate({}, '1995-01-01');
  try {
    const col = t.registry.models.households.collection;
    const ids: string[] = [];
    for (let done = 0; done < HOUSEHOLDS; done += 1000) {
      const docs = Array.from({ length: Math.min(1000, HOUSEHOLDS - done) }, (_, k) => {
        const id = randomUUID();
        ids.push(id);
        return {
          ...template,
          _id: id,
          householdNo: `BENCH-${done + k}`,
          history: [],
          outbox: [],
          hasOutbox: false,
        };
      });
      await col.insertMany(docs as never[]);
    }
    const memberIds = template.members.map((m) => m.id);
    const events = ids.flatMap((householdId) =>
      memberIds.map((personId) =>
        createEvent(CoverageRecorded, {
          aggregateId: `${householdId}:${personId}`,
          areaCode: VILLAGE_A1,
          actor: SYSTEM_ACTOR,
          payload: {
            personId,
            householdId,
            idHash: 'a'.repeat(64),
            areaCode: VILLAGE_A1,
            year: 2026,
            kind: 'basic_medical',
            // One household in five has a member not enrolled: its 基本医疗 changes.
            enrolled: !(personId === memberIds[2] && householdId.endsWith('0')),
            source: 'import',
          },
        }),
      ),
    );
    const freshness = t.registry.services.households.supportFreshness;
    const started = Date.now();
    for (let i = 0; i < events.length; i += 1000) {
      await t.rt.producer.send({
        topic: t.rt.topic(CoverageRecorded.topic),
        messages: events
          .slice(i, i + 1000)
          .map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })),
      });
    }
    const published = Date.now() - started;
    for (;;) {
      const f = await freshness.measure();
      if (f.supportBehind === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const ms = Date.now() - started;
    console.log(
      JSON.stringify(
        {
          date: new Date().toISOString(),
          engine: await engineName(t.rt.conn.db!),
          people: PEOPLE,
          households: HOUSEHOLDS,
          events: events.length,
          publishedMs: published,
          drainedMs: ms,
          eventsPerSecond: Math.round((events.length / ms) * 1000),
          countyOf25000DrainsInSeconds: Math.round(25_000 / ((events.length / ms) * 1000)),
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

import path from 'node:path';
import { connectMongo, createLogger, ensureIndexes, projectedHouseholdModel } from '@fupin/kit';
import { eventually, exitOf, startTsProcess, uniqueDbName, uniqueName } from '@fupin/testing';
import type { Connection } from 'mongoose';
import {
  startRegistry,
  type TestRegistry,
} from '../../../services/registry/test/fixtures/registry';
import { privateStack, type PrivateStack } from './support/private-stack';
import {
  createAreas,
  projectionChecksum,
  registryChecksum,
  writeChanges,
} from './support/registry-load';

/**
 * Faults 1 and 2 of the reliability issue, on a private Kafka/Mongo/Redis (the broker is
 * killed for real): every household change the registry acknowledged reaches the consumer
 * exactly once in effect — the projection's checksum equals the registry's, and the consumer
 * processed each event id once, no more, no fewer.
 */
const CHANGES = Number(process.env.FAULTS_CHANGES ?? 10_000);
const HOUSEHOLDS = Math.min(1000, Math.ceil(CHANGES / 10));
const CONSUMER = path.join(__dirname, 'support/projection-consumer.ts');

let stack: PrivateStack;
let t: TestRegistry;
const logger = createLogger({ name: 'faults', level: 'silent' });
/** Progress on stderr: these scenarios run for minutes. */
const say = (msg: string) => {
  if (process.env.FAULTS_VERBOSE)
    process.stderr.write(`[faults] ${new Date().toISOString()} ${msg}\n`);
};

beforeAll(async () => {
  say('starting the private stack');
  stack = await privateStack();
  say('private stack up');
  t = await startRegistry({
    env: {
      MONGO_URL: stack.mongoUrl,
      KAFKA_BROKERS: stack.kafkaBrokers,
      REDIS_URL: stack.redisUrl,
    },
  });
  await createAreas(t.app, t.tokens.county);
}, 300_000);
afterAll(async () => {
  await t?.close();
  await stack?.stop();
});

function startConsumer(dbName: string, groupId: string) {
  const proc = startTsProcess(CONSUMER, {
    MONGO_URL: stack.mongoUrl,
    MONGO_DB: dbName,
    KAFKA_BROKERS: stack.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: t.config.KAFKA_TOPIC_PREFIX,
    GROUP_ID: groupId,
  });
  proc.child.on('exit', (code, signal) =>
    say(`consumer exited (${code ?? signal}): ${proc.output().slice(-2000)}`),
  );
  return proc;
}

async function consumerDb(dbName: string): Promise<Connection> {
  const conn = await connectMongo({ url: stack.mongoUrl, dbName, logger });
  projectedHouseholdModel(conn);
  await ensureIndexes(conn);
  return conn;
}

/** Waits until the projection equals the registry, then checks each event was handled once. */
async function expectExactlyOnce(conn: Connection, groupId: string, events: number) {
  const expected = await registryChecksum(t.rt.conn);
  await eventually(async () => expect(await projectionChecksum(conn)).toEqual(expected), {
    timeoutMs: 240_000,
    intervalMs: 1000,
  });
  // The ids are recorded just after their batch is applied: the last batch's may follow the
  // checksum by a moment (after a SIGKILL, its redelivery changes nothing and records them).
  await eventually(
    async () => {
      const processed = await conn
        .db!.collection('processed_events')
        .countDocuments({ group: groupId });
      expect(processed).toBe(events);
    },
    { timeoutMs: 60_000, intervalMs: 1000 },
  );
}

test(`${CHANGES} household changes survive the broker being killed mid-write`, async () => {
  const dbName = uniqueDbName('proj-kafka');
  const groupId = `${uniqueName()}-kafka-kill`;
  const conn = await consumerDb(dbName);
  const consumer = startConsumer(dbName, groupId);
  try {
    await eventually(async () => expect(consumer.output()).toContain('consumer ready'), {
      timeoutMs: 180_000,
    });
    let killed = false;
    let restarted: Promise<void> | undefined;
    const written = await writeChanges(t.app, t.tokens.county, {
      households: HOUSEHOLDS,
      changes: CHANGES,
      offset: 0,
      onProgress: (done) => {
        if (done % 100 === 0) say(`${done} changes written`);
        if (!killed && done >= CHANGES / 3) {
          killed = true;
          say('killing the broker');
          stack.kill('kafka');
          // Down for a while, then back, while the writes go on.
          restarted = new Promise((r) => setTimeout(r, 5000)).then(() => stack.restart());
        }
      },
    });
    await restarted;
    expect(killed).toBe(true);
    expect(written.acknowledged).toBe(CHANGES);
    expect(await registryChecksum(t.rt.conn)).toMatchObject({ count: HOUSEHOLDS });
    await expectExactlyOnce(conn, groupId, written.events);
  } finally {
    consumer.child.kill('SIGTERM');
    await exitOf(consumer.child);
    await conn.close();
  }
}, 900_000);

test('a consumer killed with SIGKILL mid-batch resumes without losing or doubling an event', async () => {
  const dbName = uniqueDbName('proj-sigkill');
  const groupId = `${uniqueName()}-sigkill`;
  const conn = await consumerDb(dbName);
  // The new group reads every event the first test wrote, from the beginning.
  const before = await registryChecksum(t.rt.conn);
  const firstRunEvents = before.count * 2 + (CHANGES - HOUSEHOLDS);
  let consumer = startConsumer(dbName, groupId);
  try {
    await eventually(
      async () => {
        const n = await conn.db!.collection('processed_events').countDocuments({ group: groupId });
        expect(n).toBeGreaterThan(firstRunEvents / 4);
      },
      { timeoutMs: 240_000, intervalMs: 200 },
    );
    consumer.child.kill('SIGKILL');
    await exitOf(consumer.child);
    const more = await writeChanges(t.app, t.tokens.county, {
      households: 100,
      changes: 1000,
      offset: 20_000,
    });
    consumer = startConsumer(dbName, groupId);
    await expectExactlyOnce(conn, groupId, firstRunEvents + more.events);
  } finally {
    consumer.child.kill('SIGTERM');
    await exitOf(consumer.child);
    await conn.close();
  }
}, 900_000);

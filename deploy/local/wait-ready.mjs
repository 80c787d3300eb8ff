// Waits until Kafka answers metadata, Mongo answers ping and Redis answers PING.
// Reads KAFKA_BROKERS, MONGO_URL and REDIS_URL. Exit 0 when all answer, 1 with a message
// naming the ones that did not. `--report` prints one line per server and never waits long.
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import Redis from 'ioredis';

const args = process.argv.slice(2);
const timeoutSec = Number(args[args.indexOf('--timeout') + 1] ?? 120) || 120;
const report = args.includes('--report');
const deadline = Date.now() + timeoutSec * 1000;

const checks = {
  kafka: async () => {
    const kafka = new Kafka({
      clientId: 'deploy-local-wait',
      brokers: process.env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 0 },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length < 1 || cluster.controller === null)
        throw new Error('no controller yet');
      await admin.createTopics({
        topics: [{ topic: '_fupin_ready', numPartitions: 1 }],
        waitForLeaders: true,
      });
      await admin.fetchTopicMetadata({ topics: ['_fupin_ready'] });
      return `${cluster.brokers.length} broker(s), controller ${cluster.controller}`;
    } finally {
      await admin.disconnect().catch(() => {});
    }
  },
  mongo: async () => {
    const client = new MongoClient(process.env.MONGO_URL, { serverSelectionTimeoutMS: 2000 });
    try {
      await client.connect();
      const res = await client.db('admin').command({ ping: 1 });
      const info = await client.db('admin').command({ buildInfo: 1 });
      if (res.ok !== 1) throw new Error('ping not ok');
      return `ping ok, reports version ${info.version}`;
    } finally {
      await client.close().catch(() => {});
    }
  },
  redis: async () => {
    const redis = new Redis(process.env.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 2000,
    });
    redis.on('error', () => {});
    try {
      await redis.connect();
      const pong = await redis.ping();
      if (pong !== 'PONG') throw new Error(`answered ${pong}`);
      return 'PONG';
    } finally {
      redis.disconnect();
    }
  },
};

const pending = new Set(Object.keys(checks));
const lastError = {};
const urls = {
  kafka: process.env.KAFKA_BROKERS,
  mongo: process.env.MONGO_URL,
  redis: process.env.REDIS_URL,
};

while (pending.size > 0) {
  for (const name of [...pending]) {
    try {
      const detail = await checks[name]();
      pending.delete(name);
      console.error(`[deploy/local] ${name.padEnd(5)} ready at ${urls[name]} (${detail})`);
    } catch (err) {
      lastError[name] = err instanceof Error ? err.message : String(err);
    }
  }
  if (pending.size === 0 || report || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 1000));
}

for (const name of pending) {
  console.error(
    `[deploy/local] ${name.padEnd(5)} NOT answering at ${urls[name]}: ${lastError[name]}`,
  );
}
process.exit(pending.size === 0 ? 0 : 1);

import { createKafka, createLogger } from '@fupin/kit';
import type { Admin } from 'kafkajs';
import { MongoClient } from 'mongodb';

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/** TLS and SASL for a managed cluster, read as the services read them (packages/kit config). */
function kafkaSecurity(env: NodeJS.ProcessEnv) {
  const mechanism = SASL_MECHANISMS.find((m) => m === env.KAFKA_SASL_MECHANISM);
  if (env.KAFKA_SASL_MECHANISM && !mechanism)
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}`);
  return {
    ssl: env.KAFKA_SSL === 'true',
    ...(mechanism && env.KAFKA_SASL_USERNAME
      ? {
          sasl: {
            mechanism,
            username: env.KAFKA_SASL_USERNAME,
            password: env.KAFKA_SASL_PASSWORD ?? '',
          },
        }
      : {}),
  };
}

export interface Connections {
  mongo: MongoClient;
  admin: Admin;
  close(): Promise<void>;
}

/** The database server and the Kafka admin, from the environment the services read. */
export async function openConnections(env: NodeJS.ProcessEnv = process.env): Promise<Connections> {
  const { MONGO_URL, KAFKA_BROKERS } = env;
  if (!MONGO_URL || !KAFKA_BROKERS) throw new Error('MONGO_URL and KAFKA_BROKERS must be set');
  const mongo = await new MongoClient(MONGO_URL).connect();
  const kafka = createKafka({
    clientId: 'fupin-backup',
    brokers: KAFKA_BROKERS.split(',').map((b) => b.trim()),
    logger: createLogger({ name: 'backup', level: env.LOG_LEVEL ?? 'warn' }),
    ...kafkaSecurity(env),
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
  } catch (err) {
    await mongo.close();
    throw err;
  }
  return {
    mongo,
    admin,
    async close() {
      await admin.disconnect();
      await mongo.close();
    },
  };
}

import { type Admin, Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

export interface Connections {
  mongo: MongoClient;
  admin: Admin;
  close(): Promise<void>;
}

/** The database server and the Kafka admin, from MONGO_URL and KAFKA_BROKERS as the services read them. */
export async function openConnections(env: NodeJS.ProcessEnv = process.env): Promise<Connections> {
  const { MONGO_URL, KAFKA_BROKERS } = env;
  if (!MONGO_URL || !KAFKA_BROKERS) throw new Error('MONGO_URL and KAFKA_BROKERS must be set');
  const mongo = await new MongoClient(MONGO_URL).connect();
  const kafka = new Kafka({
    clientId: 'fupin-backup',
    brokers: KAFKA_BROKERS.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
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

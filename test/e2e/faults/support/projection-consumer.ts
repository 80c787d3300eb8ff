import {
  connectMongo,
  createKafka,
  createLogger,
  createProducer,
  ensureIndexes,
  projectedHouseholdModel,
  RegistryProjection,
  Shutdown,
  topicName,
} from '@fupin/kit';

/**
 * A consumer service reduced to what every consumer service shares: the registry household
 * projection. Run as its own process so a test can SIGKILL it mid-batch.
 * Env: MONGO_URL, MONGO_DB, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, GROUP_ID.
 */
async function main(): Promise<void> {
  const env = (name: string) => {
    const v = process.env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const logger = createLogger({ name: 'projection-consumer', level: 'warn' });
  const shutdown = new Shutdown(logger);
  const conn = await connectMongo({ url: env('MONGO_URL'), dbName: env('MONGO_DB'), logger });
  shutdown.add('mongo', () => conn.close());
  const kafka = createKafka({
    brokers: env('KAFKA_BROKERS').split(','),
    clientId: 'projection-consumer',
    logger,
  });
  const producer = createProducer(kafka);
  await producer.connect();
  shutdown.add('producer', () => producer.disconnect());
  const model = projectedHouseholdModel(conn);
  await ensureIndexes(conn);
  const projection = new RegistryProjection({ model, logger });
  const prefix = env('KAFKA_TOPIC_PREFIX');
  await projection.start(
    {
      kafka,
      conn,
      producer,
      logger,
      shutdown,
      topic: (t) => topicName(prefix, t),
      config: { KAFKA_TOPIC_PREFIX: prefix, CONSUMER_MAX_ATTEMPTS: 5 },
    },
    { groupId: env('GROUP_ID') },
  );
  shutdown.installSignalHandlers();
  process.stdout.write('consumer ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`consumer failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

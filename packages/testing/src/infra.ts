import { execFileSync } from 'node:child_process';

export interface Infra {
  kafkaBrokers: string[];
  mongoUrl: string;
  redisUrl: string;
  source: 'env' | 'testcontainers';
}

let cached: Promise<Infra> | undefined;

function fromEnv(): Infra | undefined {
  const { KAFKA_BROKERS, MONGO_URL, REDIS_URL } = process.env;
  if (!KAFKA_BROKERS || !MONGO_URL || !REDIS_URL) return undefined;
  return {
    kafkaBrokers: KAFKA_BROKERS.split(',').map((b) => b.trim()),
    mongoUrl: MONGO_URL,
    redisUrl: REDIS_URL,
    source: 'env',
  };
}

function dockerAnswers(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

async function fromTestcontainers(): Promise<Infra> {
  // Loaded only when a Docker engine answers; never on the native path.
  const [{ KafkaContainer }, { MongoDBContainer }, { RedisContainer }] = await Promise.all([
    import('@testcontainers/kafka'),
    import('@testcontainers/mongodb'),
    import('@testcontainers/redis'),
  ]);
  const [kafka, mongo, redis] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    new MongoDBContainer('mongo:7').start(),
    new RedisContainer('redis:7-alpine').start(),
  ]);
  return {
    kafkaBrokers: [`${kafka.getHost()}:${kafka.getMappedPort(9093)}`],
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    redisUrl: redis.getConnectionUrl(),
    source: 'testcontainers',
  };
}

/**
 * The real servers a test talks to: KAFKA_BROKERS / MONGO_URL / REDIS_URL when set,
 * otherwise testcontainers when a Docker engine answers, otherwise a clear failure.
 * Never an in-memory imitation.
 */
export function getInfra(): Promise<Infra> {
  cached ??= (async () => {
    const env = fromEnv();
    if (env) return env;
    if (dockerAnswers()) return fromTestcontainers();
    throw new Error(
      'No Kafka/MongoDB/Redis for integration tests: set KAFKA_BROKERS, MONGO_URL and REDIS_URL, ' +
        'or start the native stack with `eval "$(bash deploy/local/up)"` (or run `npm test`, which does it).',
    );
  })();
  return cached;
}

import { baseConfigSchema, ConfigError, loadConfig } from '../src';

test('a missing or malformed variable stops the start with every variable named', () => {
  let caught: unknown;
  try {
    loadConfig(baseConfigSchema, { MONGO_URL: 'http://nope', KAFKA_BROKERS: 'localhost' });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const vars = (caught as ConfigError).problems.map((p) => p.variable).sort();
  expect(vars).toEqual(['AUTH_JWKS_URL', 'KAFKA_BROKERS.0', 'MONGO_DB', 'MONGO_URL']);
  expect((caught as ConfigError).message).toMatch(/MONGO_DB: is required but not set/);
});

test('valid variables are parsed and defaulted', () => {
  const cfg = loadConfig(baseConfigSchema, {
    MONGO_URL: 'mongodb://127.0.0.1:27017',
    MONGO_DB: 'registry',
    KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    PORT: '4100',
    AUTH_JWKS_URL: 'http://gateway:4000/.well-known/jwks.json',
  });
  expect(cfg.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
  expect(cfg.PORT).toBe(4100);
  expect(cfg.LOG_LEVEL).toBe('info');
  expect(cfg.KAFKA_TOPIC_PREFIX).toBe('');
});

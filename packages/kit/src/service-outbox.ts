import type { Model } from 'mongoose';
import { AuditLog, auditModel } from './audit';
import { OutboxRelay } from './kafka/outbox';
import { createPersonalDataCipher, type PersonalDataCipher } from './personal-data';
import { type ByteSealer, createByteSealer } from './sealed-bytes';
import type { ServiceRuntime } from './runtime';

/**
 * A service's outbox: the relay that publishes the pending events of `models` and of the
 * audit log, the `eventsStored` signal every writer calls after a write with events, and the
 * audit log writing through it. `models` is the relay's own list: a module that adds
 * aggregates later pushes its models onto it before publishing starts.
 */
export function openOutbox(
  rt: ServiceRuntime,
  opts: {
    service: string;
    // Any model whose schema uses outboxPlugin; the documents' own shape does not matter here.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
    models: Model<any>[];
    topicPrefix?: string;
    pollMs?: number;
  },
) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  const models: Model<any>[] = [...opts.models, auditModel(rt.conn)];
  const relay = new OutboxRelay({
    models,
    producer: rt.producer,
    logger: rt.logger,
    topicPrefix: opts.topicPrefix,
    pollMs: opts.pollMs,
  });
  const eventsStored = () => relay.notify();
  const audit = new AuditLog(rt.conn, opts.service, eventsStored);
  return { relay, models, eventsStored, audit };
}

/** The personal-data cipher from a service's validated configuration. */
export function personalDataCipherOf(config: PersonalDataKeys): PersonalDataCipher {
  return createPersonalDataCipher({
    encryptionKey: config.PII_ENCRYPTION_KEY,
    hmacKey: config.PII_HMAC_KEY,
    encryptionKeyId: config.PII_ENCRYPTION_KEY_ID,
    previousEncryptionKeys: config.PII_ENCRYPTION_PREVIOUS_KEYS,
    hmacKeyId: config.PII_HMAC_KEY_ID,
    previousHmacKeys: config.PII_HMAC_PREVIOUS_KEYS,
  });
}

/** The byte sealer (list segments, evidence) from a service's validated configuration. */
export function byteSealerOf(config: PersonalDataKeys): ByteSealer {
  return createByteSealer(config.PII_ENCRYPTION_KEY, {
    keyId: config.PII_ENCRYPTION_KEY_ID,
    previousKeys: config.PII_ENCRYPTION_PREVIOUS_KEYS,
  });
}

/** The personal-data keys of a service's configuration (the rotation's two optional). */
export interface PersonalDataKeys {
  PII_ENCRYPTION_KEY: string;
  PII_HMAC_KEY: string;
  PII_ENCRYPTION_KEY_ID?: string | undefined;
  PII_ENCRYPTION_PREVIOUS_KEYS?: string | undefined;
  PII_HMAC_KEY_ID?: string | undefined;
  PII_HMAC_PREVIOUS_KEYS?: string | undefined;
}

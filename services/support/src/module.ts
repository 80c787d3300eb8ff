import type { AuditLog, PersonalDataCipher, ServiceRuntime } from '@fupin/kit';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import type { SupportConfig } from './config';
import type { PersonService } from './people/person.service';

/** What every support module is given by the composition (support.ts). */
export interface SupportContext {
  rt: ServiceRuntime;
  config: SupportConfig;
  people: PersonService;
  audit: AuditLog;
  /** Hashes the ID numbers of department lists (never stores them). */
  cipher: PersonalDataCipher;
  /** BullMQ connection for this service's jobs. */
  redis: Redis;
  /** Prefix for this deployment's BullMQ queues (tests use their own). */
  queuePrefix: string;
  /** Tells the outbox relay that events were stored. */
  eventsStored: () => void;
  /** The clock (tests move it across terms and years). */
  now: () => Date;
}

/** A business module: its routes, its aggregates with outboxes, its background work. */
export interface SupportModule {
  name: string;
  // Models whose documents carry an outbox, for the relay.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  outboxModels?: Model<any>[];
  topics?: string[];
  routes(router: Router): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

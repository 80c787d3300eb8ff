import type { AuditLog, PersonalDataCipher, ServiceRuntime } from '@fupin/kit';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import type { Model } from 'mongoose';
import type { MatchingConfig } from './config';

/** What every matching module is given by the composition (matching.ts). */
export interface MatchingContext {
  rt: ServiceRuntime;
  config: MatchingConfig;
  cipher: PersonalDataCipher;
  audit: AuditLog;
  /** BullMQ connection for this service's jobs. */
  redis: Redis;
  /** Prefix for this deployment's BullMQ queues (tests use their own). */
  queuePrefix: string;
  /** Tells the outbox relay that events were stored. */
  eventsStored: () => void;
  /** The clock (tests move it to check deadlines). */
  now: () => Date;
}

/** A business module: its routes, its aggregates with outboxes, its background work. */
export interface MatchingModule {
  name: string;
  // Models whose documents carry an outbox, for the relay.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  outboxModels?: Model<any>[];
  topics?: string[];
  routes(router: Router): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

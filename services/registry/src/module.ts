import type { AuditLog, PersonalDataCipher, ServiceRuntime } from '@fupin/kit';
import type { Redis } from 'ioredis';
import type { Router } from 'express';
import type { Model } from 'mongoose';
import type { AreaModel } from './areas/area.model';
import type { AreaService } from './areas/area.service';
import type { RegistryConfig } from './config';
import type { HouseholdModel, IdClaimModel } from './households/household.model';
import type { HouseholdService } from './households/household.service';

/** What every registry module is given by the composition (registry.ts). */
export interface RegistryContext {
  rt: ServiceRuntime;
  config: RegistryConfig;
  models: {
    areas: AreaModel;
    households: HouseholdModel;
    claims: IdClaimModel;
  };
  services: { areas: AreaService; households: HouseholdService };
  cipher: PersonalDataCipher;
  audit: AuditLog;
  /** BullMQ connection for this service's jobs. */
  redis: Redis;
  /** Prefix for this deployment's BullMQ queues (tests use their own). */
  queuePrefix: string;
  /** Tells the outbox relay that events were stored. */
  eventsStored: () => void;
  /** The clock (tests move it to check notice periods and deadlines). */
  now: () => Date;
}

/** A business module: its routes, its aggregates with outboxes, its background work. */
export interface RegistryModule {
  name: string;
  // Models whose documents carry an outbox, for the relay.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- models of any document type
  outboxModels?: Model<any>[];
  topics?: string[];
  routes(router: Router): void;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

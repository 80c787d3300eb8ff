import {
  type PersonalDataCipher,
  type ScopedRepository,
  type ServiceContext,
  type ServiceModule,
} from '@fupin/kit';
import type { Area } from './areas/area.model';
import type { AreaService } from './areas/area.service';
import type { RegistryConfig } from './config';
import type { Household, IdClaimModel } from './households/household.model';
import type { HouseholdService } from './households/household.service';
import type { ImportChunkModel, ImportJob } from './imports/import-job.model';
import type { ExitTarget, Village } from './villages/village.model';

/**
 * The registry's area-scoped collections, each read and written through kit's repository
 * with the caller's principal (or a named county-wide reason): the models stay in registry.ts.
 */
export interface RegistryRepositories {
  /** 行政区划 — the area tree, scoped by the area's own code. */
  areas: ScopedRepository<Area>;
  households: ScopedRepository<Household>;
  /** 行政村 facts, scoped by the village code. */
  villages: ScopedRepository<Village>;
  exitTargets: ScopedRepository<ExitTarget>;
  /** Import jobs, scoped by the area of the user who started them. */
  importJobs: ScopedRepository<ImportJob>;
}

/** What every registry module is given by the composition (registry.ts). */
export interface RegistryContext extends ServiceContext<RegistryConfig> {
  repos: RegistryRepositories;
  models: {
    /** ID-number claims: keyed by a hash, no area of their own. */
    claims: IdClaimModel;
    /** An upload's stored chunks, reached through their job. */
    importChunks: ImportChunkModel;
  };
  services: { areas: AreaService; households: HouseholdService };
  cipher: PersonalDataCipher;
}

export type RegistryModule = ServiceModule;

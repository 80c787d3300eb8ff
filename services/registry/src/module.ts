import type { PersonalDataCipher, ServiceContext, ServiceModule } from '@fupin/kit';
import type { AreaModel } from './areas/area.model';
import type { AreaService } from './areas/area.service';
import type { RegistryConfig } from './config';
import type { HouseholdModel, IdClaimModel } from './households/household.model';
import type { HouseholdService } from './households/household.service';

/** What every registry module is given by the composition (registry.ts). */
export interface RegistryContext extends ServiceContext<RegistryConfig> {
  models: {
    areas: AreaModel;
    households: HouseholdModel;
    claims: IdClaimModel;
  };
  services: { areas: AreaService; households: HouseholdService };
  cipher: PersonalDataCipher;
}

export type RegistryModule = ServiceModule;

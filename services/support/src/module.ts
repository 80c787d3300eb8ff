import type { PersonalDataCipher, ServiceContext, ServiceModule } from '@fupin/kit';
import type { SupportConfig } from './config';
import type { PersonService } from './people/person.service';

/** What every support module is given by the composition (support.ts). */
export interface SupportContext extends ServiceContext<SupportConfig> {
  people: PersonService;
  /** Hashes the ID numbers of department lists (never stores them). */
  cipher: PersonalDataCipher;
}

export type SupportModule = ServiceModule;

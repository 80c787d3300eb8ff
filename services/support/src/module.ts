import type {
  PersonalDataCipher,
  ScopedRepository,
  ServiceContext,
  ServiceModule,
} from '@fupin/kit';
import type { SupportConfig } from './config';
import type { DropoutCase, Enrollment, Student, SubsidyPayment } from './education/education.model';
import type {
  ChronicCareContract,
  InpatientEpisode,
  SeriousIllnessCase,
} from './health/health.model';
import type { DepartmentImport } from './imports/import.model';
import type { Person } from './people/person.model';
import type { PersonService } from './people/person.service';

/**
 * The area-scoped collections of support, each read and written through kit's
 * ScopedRepository (made in support.ts, the only place their models are reached).
 */
export interface SupportRepositories {
  persons: ScopedRepository<Person>;
  students: ScopedRepository<Student>;
  enrollments: ScopedRepository<Enrollment>;
  payments: ScopedRepository<SubsidyPayment>;
  dropouts: ScopedRepository<DropoutCase>;
  episodes: ScopedRepository<InpatientEpisode>;
  contracts: ScopedRepository<ChronicCareContract>;
  illnesses: ScopedRepository<SeriousIllnessCase>;
  /** Department imports, placed by the importer's area (`actorArea`). */
  imports: ScopedRepository<DepartmentImport>;
}

/** What every support module is given by the composition (support.ts). */
export interface SupportContext extends ServiceContext<SupportConfig> {
  people: PersonService;
  /** Hashes the ID numbers of department lists (never stores them). */
  cipher: PersonalDataCipher;
  repos: SupportRepositories;
}

export type SupportModule = ServiceModule;

import type { DossierPart, DossierTimelineEntry } from '@fupin/contracts';
import {
  bi,
  type Bilingual,
  newestFirst,
  notFound,
  type Principal,
  timelineInstant,
} from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { SupportRepositories } from '../module';
import { type SupportArea, seesArea } from '../scope';
import { termOfDay } from '../education/school-calendar';
import { readEducation, readHealth, readMembers } from './dossier.reads';
import {
  dropoutCasesSection,
  educationTimeline,
  studentsSection,
  subsidiesSection,
} from './education.dossier';
import {
  chronicCareSection,
  healthTimeline,
  inpatientSection,
  seriousIllnessSection,
} from './health.dossier';
import { insuranceSection } from './insurance.dossier';

const HOUSEHOLD = {
  what: bi('建档立卡户', 'Household'),
  code: 'SUPPORT_HOUSEHOLD_NOT_FOUND',
};

/** The sections of each half, and what a caller of the other department is told of them. */
const HALVES: Record<SupportArea, { sections: string[]; message: Bilingual }> = {
  education: {
    sections: ['students', 'subsidies', 'dropoutCases'],
    message: bi(
      '教育扶贫（学生、资助、控辍保学）仅限教育部门查看，已略去',
      'Education support (students, subsidies, dropout cases) is for the education department and is left out',
    ),
  },
  health: {
    sections: ['insurance', 'inpatient', 'chronicCare', 'seriousIllness'],
    message: bi(
      '健康扶贫（参保、住院、慢病签约、大病救助）仅限卫健（医保）部门查看，已略去',
      'Health support (insurance, in-patient stays, chronic care, serious illness) is for the health department and is left out',
    ),
  },
};

/**
 * 一户一档 — support's part of a household's dossier: its students, subsidies and dropout cases
 * (教育扶贫), its members' insurance, hospital stays with their top-ups, chronic-care contracts
 * and serious-illness relief (健康扶贫), and a timeline of them. Read within the caller's area
 * scope through each collection's household index; a household without a member in the scope
 * is not found. Department staff see their own half only, and are told what was left out.
 */
export class DossierService {
  constructor(
    private readonly deps: {
      repos: SupportRepositories;
      now: () => Date;
    },
  ) {}

  async read(p: Principal, householdId: string): Promise<DossierPart> {
    const { repos } = this.deps;
    const members = await readMembers(repos, p, householdId);
    if (!members.items.length) throw notFound(HOUSEHOLD.what, HOUSEHOLD.code);
    const now = this.deps.now();
    const today = shanghaiDateOf(now);
    const [education, health] = await Promise.all([
      seesArea(p, 'education') ? readEducation(repos, p, householdId) : undefined,
      seesArea(p, 'health') ? readHealth(repos, p, householdId) : undefined,
    ]);
    const sections: Record<string, unknown> = {};
    const timeline: DossierTimelineEntry[] = [];
    if (education) {
      const { students, enrollments, payments, paymentGroups, dropouts } = education;
      sections.students = studentsSection(students, enrollments, termOfDay(today));
      sections.subsidies = subsidiesSection(payments, paymentGroups);
      sections.dropoutCases = dropoutCasesSection(dropouts);
      timeline.push(...educationTimeline(enrollments.items, payments.items, dropouts.items));
    }
    if (health) {
      const { episodes, episodeTotals, contracts, illnesses } = health;
      sections.insurance = insuranceSection(members, Number(today.slice(0, 4)));
      sections.inpatient = inpatientSection(episodes, episodeTotals);
      sections.chronicCare = chronicCareSection(contracts);
      sections.seriousIllness = seriousIllnessSection(illnesses);
      timeline.push(...healthTimeline(episodes.items, contracts.items, illnesses.items));
    }
    const withheld = (['education', 'health'] as const)
      .filter((half) => !seesArea(p, half))
      .map((half) => HALVES[half]);
    if (withheld.length) sections.withheld = withheld;
    return {
      part: 'support',
      householdId,
      generatedAt: timelineInstant(now),
      sections,
      timeline: newestFirst(timeline),
    };
  }
}

import type { Model } from 'mongoose';
import type { SupportContext, SupportModule } from '../module';
import { moveHousehold, rehashPeople } from '../people/person-link';
import { DropoutService } from './dropout.service';
import { EDUCATION_TOPICS } from './education.events';
import type { SubsidyStandard } from './education.model';
import { educationRoutes } from './education.routes';
import { StudentService } from './student.service';
import { SubsidyService } from './subsidy.service';

/** 教育扶贫: students and enrollment per term, subsidies, 控辍保学. */
export function educationModule(
  ctx: SupportContext,
  models: { standards: Model<SubsidyStandard> },
) {
  const { repos } = ctx;
  const students = new StudentService({
    students: repos.students,
    enrollments: repos.enrollments,
    people: ctx.people,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const subsidies = new SubsidyService({
    standards: models.standards,
    enrollments: repos.enrollments,
    payments: repos.payments,
    students,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const dropouts = new DropoutService({
    dropouts: repos.dropouts,
    enrollments: repos.enrollments,
    persons: repos.persons,
    people: ctx.people,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  // Payments keep the area they were paid in; records still being worked on follow the household.
  ctx.people.onHouseholdMoved(async (householdIds, areaCode, townshipCode) => {
    for (const r of [repos.students, repos.enrollments, repos.dropouts])
      await moveHousehold(r, householdIds, areaCode, townshipCode);
  });
  // A rehashed person's records take the new hash (none under a dropped HMAC key stays).
  ctx.people.onPeopleRehashed(async (people) => {
    for (const r of [repos.students, repos.enrollments, repos.payments, repos.dropouts])
      await rehashPeople(r, people);
  });
  const module: SupportModule = {
    name: 'education',
    topics: EDUCATION_TOPICS,
    routes: (router) =>
      educationRoutes(router, { students, subsidies, dropouts, audit: ctx.audit, now: ctx.now }),
  };
  return { module, students, subsidies, dropouts };
}
export type Education = ReturnType<typeof educationModule>;

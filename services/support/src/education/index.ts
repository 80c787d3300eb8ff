import type { SupportContext, SupportModule } from '../module';
import { moveHousehold } from '../people/person-link';
import { DropoutService } from './dropout.service';
import { EDUCATION_TOPICS } from './education.events';
import { educationModels } from './education.model';
import { educationRoutes } from './education.routes';
import { StudentService } from './student.service';
import { SubsidyService } from './subsidy.service';

/** 教育扶贫: students and enrollment per term, subsidies, 控辍保学. */
export function educationModule(ctx: SupportContext) {
  const models = educationModels(ctx.rt.conn);
  const students = new StudentService({ models, people: ctx.people, now: ctx.now });
  const subsidies = new SubsidyService({
    models,
    students,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  const dropouts = new DropoutService({
    models,
    people: ctx.people,
    eventsStored: ctx.eventsStored,
    now: ctx.now,
  });
  // Payments keep the area they were paid in; records still being worked on follow the household.
  ctx.people.onHouseholdMoved(async (householdId, areaCode, townshipCode) => {
    for (const m of [models.students, models.enrollments, models.dropouts])
      await moveHousehold(m, householdId, areaCode, townshipCode);
  });
  const module: SupportModule = {
    name: 'education',
    outboxModels: [models.payments, models.dropouts],
    topics: EDUCATION_TOPICS,
    routes: (router) =>
      educationRoutes(router, { students, subsidies, dropouts, audit: ctx.audit, now: ctx.now }),
  };
  return { module, models, students, subsidies, dropouts };
}
export type Education = ReturnType<typeof educationModule>;

import { scopedRepository, type ServiceModule } from '@fupin/kit';
import type { Connection } from 'mongoose';
import type { AreaNameModel } from '../indicators/fact.model';
import { type ScheduleTask, scheduleTaskModel } from './task.model';
import { TaskImport } from './task.import';
import { taskRoutes } from './task.routes';
import { TaskService } from './task.service';
import { taskFacts } from './task.facts';

/** 倒排工期 — the county's task schedule: its collection, service, import and routes. */
export function tasksModule(
  conn: Connection,
  deps: { areas: AreaNameModel; countyCode: string; now: () => Date },
) {
  const model = scheduleTaskModel(conn);
  const tasks = scopedRepository<ScheduleTask>(model);
  const service = new TaskService({ tasks, now: deps.now });
  const imports = new TaskImport({
    tasks,
    service,
    areas: deps.areas,
    countyCode: deps.countyCode,
  });
  const module: ServiceModule = {
    name: 'tasks',
    routes: (router) => taskRoutes(router, service, imports),
  };
  return { module, model, service, facts: taskFacts(tasks) };
}

import type { OpenedService, ScopedRepository } from '@fupin/kit';
import type { Connection } from 'mongoose';
import { complaintsModule } from './complaints';
import type { Complaint } from './complaints/complaint.model';
import type { AssessmentConfig } from './config';
import type { AreaNameModel } from './indicators/fact.model';
import type { OwnFactSources } from './indicators/own-facts';
import { inspectionsModule } from './inspections';
import { tasksModule } from './tasks';

/**
 * 督查督办 — the supervision parts of the assessment, composed together: the county's task
 * schedule (倒排工期), inspections with their rectification orders (督查/整改) and complaints
 * about poverty work (涉贫信访). Each is a module of its own folder; this gives them what they
 * share (the connection, the area names, the clock) and lists their modules for startService.
 */
export function supervisionModules(
  service: OpenedService<AssessmentConfig>,
  deps: { conn: Connection; areas: AreaNameModel; complaints: ScopedRepository<Complaint> },
) {
  const { now, config } = service;
  const tasks = tasksModule(deps.conn, {
    areas: deps.areas,
    countyCode: config.COUNTY_AREA_CODE,
    now,
  });
  const inspections = inspectionsModule(deps.conn, { areas: deps.areas, now });
  const complaints = complaintsModule(service, { complaints: deps.complaints, areas: deps.areas });
  return {
    tasks,
    inspections,
    complaints,
    modules: [tasks.module, inspections.module, complaints.module],
    /** What the on-time indicators count, read live from each part's collection. */
    facts: {
      task: tasks.facts,
      rectification: inspections.facts,
      complaint: complaints.facts,
    } satisfies OwnFactSources,
  };
}

import type { Router } from 'express';
import { dropoutRoutes } from './dropout.routes';
import type { EducationRouteDeps } from './education.inputs';
import { studentRoutes } from './student.routes';
import { subsidyRoutes } from './subsidy.routes';

/** 教育扶贫 — students and their terms, subsidies, and dropout control: one routes file each. */
export function educationRoutes(router: Router, deps: EducationRouteDeps): void {
  studentRoutes(router, deps);
  subsidyRoutes(router, deps);
  dropoutRoutes(router, deps);
}

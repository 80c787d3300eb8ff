import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/**
 * 倒排工期 — the county's task schedule: each task's unit, area, deadline and milestones, its
 * progress reports, and where it stands on the day (overdue, at risk, on track, done).
 */
const scheduleTasks: ResourcePages = {
  list: lazy(() => import('./TaskList')),
  show: lazy(() => import('./TaskShow')),
  create: lazy(() => import('./TaskCreate')),
  icon: EventNoteIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.code)} ${String(r.title)}`,
};
export default scheduleTasks;

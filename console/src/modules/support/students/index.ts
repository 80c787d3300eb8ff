import SchoolIcon from '@mui/icons-material/School';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** 在校学生 — registered members tracked through school, with their enrollment per term. */
const students: ResourcePages = {
  list: lazy(() => import('./StudentList')),
  show: lazy(() => import('./StudentShow')),
  create: lazy(() => import('./StudentCreate')),
  edit: lazy(() => import('./StudentEdit')),
  icon: SchoolIcon,
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.school)}）`,
};
export default students;

import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazy } from 'react';
import type { ResourcePages } from '../../types';

/** 学籍 — every student's status per term (entered or imported from the education list). */
const enrollments: ResourcePages = {
  list: lazy(() => import('./EnrollmentList')),
  icon: FactCheckIcon,
};
export default enrollments;

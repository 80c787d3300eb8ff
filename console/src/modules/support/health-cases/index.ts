import HealingIcon from '@mui/icons-material/Healing';
import MedicalServicesIcon from '@mui/icons-material/MedicalServices';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import type { ResourcePages } from '../../types';

/** The same four pages serve every kind of health case; each reads its kind from the resource. */
const pages = {
  list: lazy(() => import('./HealthCaseList')),
  show: lazy(() => import('./HealthCaseShow')),
  create: lazy(() => import('./HealthCaseCreate')),
  edit: lazy(() => import('./HealthCaseEdit')),
  recordRepresentation: (r: RaRecord) => `${String(r.name)}（${String(r.disease)}）`,
};

/** 慢病签约 — family-doctor contracts for people with a chronic illness. */
export const chronicCare: ResourcePages = { ...pages, icon: MedicalServicesIcon };

/** 大病救助 — people taken into serious-illness relief, until the case is closed. */
export const seriousIllness: ResourcePages = { ...pages, icon: HealingIcon };

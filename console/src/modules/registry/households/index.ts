import FamilyRestroomIcon from '@mui/icons-material/FamilyRestroom';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';
import { codesOf, Guarantee, HouseholdStatus } from '@fupin/reference';
import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';
import type { ResourcePages } from '../../types';

/** 贫困户 — registered households with their members, workflows and history. */
const households: ResourcePages = {
  list: lazy(() => import('./HouseholdList')),
  show: lazy(() => import('./HouseholdShow')),
  edit: lazy(() => import('./HouseholdEdit')),
  create: lazy(() => import('./HouseholdCreate')),
  icon: FamilyRestroomIcon,
  recordRepresentation: (r: RaRecord) =>
    `${String(r.householdNo)} ${String(r.headName ?? '')}`.trim(),
};
export default households;

type Household = RegistryApi.components['schemas']['Household'];

/** 动态管理 — the reference statuses plus the registry's own candidate and cancelled. */
export const HOUSEHOLD_STATUSES = allOf<Household['status']>()([
  'candidate',
  ...codesOf(HouseholdStatus),
  'cancelled',
] as const);

/** 两不愁三保障 + 饮水安全, in the reference's order. */
export const GUARANTEES = allOf<keyof NonNullable<Household['guarantees']>>()(codesOf(Guarantee));

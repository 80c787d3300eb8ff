import { allOf } from '../../../common/allOf';
import type { GatewayApi } from '../../../providers/api-types';

type S = GatewayApi.components['schemas'];

export const ROLES = allOf<S['Role']>()([
  'county_admin',
  'poverty_office',
  'department_staff',
  'township_staff',
  'village_staff',
  'assistance_cadre',
  'auditor',
] as const);

/** The line departments the gateway knows (a subset of the reference's departments). */
export const DEPARTMENTS = allOf<S['Department']>()([
  'education',
  'health',
  'civil_affairs',
  'housing',
  'human_resources',
  'finance',
  'agriculture',
  'water',
  'forestry',
  'public_security',
  'market_regulation',
  'medical_security',
  'disabled_persons_federation',
] as const);

/** The modules rights are granted on (the OpenAPI names them in Rights' propertyNames only). */
export const MODULE_NAMES = [
  'registry',
  'assistance',
  'funds',
  'support',
  'assessment',
  'matching',
  'users',
  'audit',
] as const;
export const RIGHT_NAMES = allOf<NonNullable<S['Rights'][string]>[number]>()([
  'read',
  'write',
  'approve',
  'unmask',
  'export',
] as const);

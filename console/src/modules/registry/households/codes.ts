import { codesOf, Guarantee, HouseholdStatus } from '@fupin/reference';
import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';

type Household = RegistryApi.components['schemas']['Household'];

/** 动态管理 — the reference statuses plus the registry's own candidate and cancelled. */
export const HOUSEHOLD_STATUSES = allOf<Household['status']>()([
  'candidate',
  ...codesOf(HouseholdStatus),
  'cancelled',
] as const);

/** 两不愁三保障 + 饮水安全, in the reference's order. */
export const GUARANTEES = allOf<keyof NonNullable<Household['guarantees']>>()(codesOf(Guarantee));

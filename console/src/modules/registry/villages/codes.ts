import { allOf } from '../../../common/allOf';
import type { RegistryApi } from '../../../providers/api-types';

/** 基础设施 — 道路硬化, 自来水, 通电, 宽带, 卫生室, 活动室. */
export const INFRASTRUCTURE = allOf<keyof RegistryApi.components['schemas']['Infrastructure']>()([
  'roadHardening',
  'tapWater',
  'electricity',
  'broadband',
  'clinic',
  'activityRoom',
] as const);

/**
 * The generated OpenAPI types (packages/contracts/src/generated, `npm run gen:api`) of every
 * API the console calls. Type-only: nothing of the contracts package enters the bundle.
 */
export type * as GatewayApi from '@fupin/contracts/generated/gateway';
export type * as RegistryApi from '@fupin/contracts/generated/registry';
export type * as AssistanceApi from '@fupin/contracts/generated/assistance';
export type * as FundsApi from '@fupin/contracts/generated/funds';
export type * as SupportApi from '@fupin/contracts/generated/support';
export type * as MatchingApi from '@fupin/contracts/generated/matching';
export type * as AssessmentApi from '@fupin/contracts/generated/assessment';

import type * as Gateway from '@fupin/contracts/generated/gateway';
import type * as Registry from '@fupin/contracts/generated/registry';
import type * as Assistance from '@fupin/contracts/generated/assistance';
import type * as Funds from '@fupin/contracts/generated/funds';
import type * as Support from '@fupin/contracts/generated/support';
import type * as Matching from '@fupin/contracts/generated/matching';
import type * as Assessment from '@fupin/contracts/generated/assessment';

/** `Schema<'registry', 'Household'>`: a component schema of a service's API. */
export type Schemas = {
  gateway: Gateway.components['schemas'];
  registry: Registry.components['schemas'];
  assistance: Assistance.components['schemas'];
  funds: Funds.components['schemas'];
  support: Support.components['schemas'];
  matching: Matching.components['schemas'];
  assessment: Assessment.components['schemas'];
};
export type Schema<S extends keyof Schemas, N extends keyof Schemas[S]> = Schemas[S][N];

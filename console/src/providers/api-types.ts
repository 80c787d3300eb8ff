/**
 * The generated OpenAPI types (packages/contracts/src/generated, `npm run gen:api`) of every
 * API the console calls. Type-only: nothing of the contracts package enters the bundle.
 * A service's module adds its line here when its OpenAPI document exists.
 */
export type * as GatewayApi from '@fupin/contracts/src/generated/gateway';
export type * as RegistryApi from '@fupin/contracts/src/generated/registry';

import type * as Gateway from '@fupin/contracts/src/generated/gateway';
import type * as Registry from '@fupin/contracts/src/generated/registry';

/** `Schema<'registry', 'Household'>`: a component schema of a service's API. */
export type Schemas = {
  gateway: Gateway.components['schemas'];
  registry: Registry.components['schemas'];
};
export type Schema<S extends keyof Schemas, N extends keyof Schemas[S]> = Schemas[S][N];

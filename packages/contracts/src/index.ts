export * from './envelope';
export * from './registry';
export * from './validate';
export * from './events/registry';
export type * as RegistryApi from './generated/registry';
export * from './events/audit';

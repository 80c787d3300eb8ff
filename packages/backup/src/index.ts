export * from './backup';
export * from './restore';
export * from './key';
export * from './manifest';
export * from './targets';
export * from './connections';

export * from './infra';
export * from './names';
export * from './eventually';
export * from './tcp-proxy';
export * from './tokens';
export * from './kafka';
export * from './process';

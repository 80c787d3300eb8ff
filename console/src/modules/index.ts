import { administration } from './administration';
import { registry } from './registry';
import type { ModuleDefinition, ResourceDefinition } from './types';

/**
 * Every module of the console, in menu order. A service's module is a folder here
 * (modules/<service>/index.ts) added to this list; nothing else changes.
 */
export const MODULES: ModuleDefinition[] = [registry, administration];

export const RESOURCES: ResourceDefinition[] = MODULES.flatMap((m) => m.resources);

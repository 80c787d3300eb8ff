import { administration } from './administration';
import { assessment } from './assessment';
import { assistance } from './assistance';
import { funds } from './funds';
import { matching } from './matching';
import { registry } from './registry';
import { support } from './support';
import type { ModuleDefinition, ResourceDefinition } from './types';

/**
 * Every module of the console, in menu order. A service's module is a folder here
 * (modules/<service>/index.ts) added to this list; nothing else changes.
 */
export const MODULES: ModuleDefinition[] = [
  registry,
  assistance,
  funds,
  support,
  matching,
  assessment,
  administration,
];

export const RESOURCES: ResourceDefinition[] = MODULES.flatMap((m) => m.resources);

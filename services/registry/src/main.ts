import { runService } from '@fupin/kit';
import { registryConfigSchema } from './config';
import { createRegistry } from './registry';

runService('registry', registryConfigSchema, createRegistry);

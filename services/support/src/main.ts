import { runService } from '@fupin/kit';
import { supportConfigSchema } from './config';
import { createSupport } from './support';

runService('support', supportConfigSchema, createSupport);

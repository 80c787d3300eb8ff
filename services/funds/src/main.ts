import { runService } from '@fupin/kit';
import { fundsConfigSchema } from './config';
import { createFunds } from './funds';

runService('funds', fundsConfigSchema, createFunds);

import { runService } from '@fupin/kit';
import { matchingConfigSchema } from './config';
import { createMatching } from './matching';

runService('matching', matchingConfigSchema, createMatching);

import { runService } from '@fupin/kit';
import { assistanceConfigSchema } from './config';
import { createAssistance } from './assistance';

runService('assistance', assistanceConfigSchema, createAssistance);

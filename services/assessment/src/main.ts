import { runService } from '@fupin/kit';
import { assessmentConfigSchema } from './config';
import { createAssessment } from './assessment';

runService('assessment', assessmentConfigSchema, createAssessment);

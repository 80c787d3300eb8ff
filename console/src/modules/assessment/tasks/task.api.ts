import type { AssessmentApi } from '../../../providers/api-types';
import { httpClient, uploadFile } from '../../../providers/http';

type S = AssessmentApi.components['schemas'];
export type Task = S['Task'];
export type TaskSummary = S['TaskSummary'];
export type TaskImportReport = S['TaskImportReport'];
export type TaskProgressInput = S['TaskProgressInput'];

/** 任务状态 as the service decides them on the day. */
export const TASK_STATES = [
  'on_track',
  'at_risk',
  'overdue',
  'done',
  'done_late',
] as const satisfies readonly S['TaskState'][];

const TASKS = '/api/assessment/tasks';

/** 倒排工期's calls: a progress report, the sheet's import, the figures. */
export const taskCalls = {
  assessmentReportTask: async (id: string, body: TaskProgressInput): Promise<Task> =>
    (
      await httpClient(`${TASKS}/${encodeURIComponent(id)}/progress`, {
        method: 'POST',
        body: JSON.stringify(body),
      })
    ).json as Task,
  assessmentImportTasks: async (file: File, dryRun: boolean): Promise<TaskImportReport> =>
    (await uploadFile(`${TASKS}/import?dryRun=${String(dryRun)}`, file)) as TaskImportReport,
  assessmentTaskSummary: async (): Promise<TaskSummary> =>
    (await httpClient(`${TASKS}/summary`)).json as TaskSummary,
};

import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import Alert from '@mui/material/Alert';
import {
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  required,
  TextInput,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDay } from '../../../common/format';
import { RowRejectionTable } from '../../../common/imports/RowRejectionTable';
import { FileChooserInput } from '../../../common/inputs';
import { downloadFile } from '../../../providers/http';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import type { Task, TaskImportReport } from './task.api';

const m = (k: string) => `assessment.tasks.${k}`;
const text = (v: Record<string, unknown>, k: string) =>
  typeof v[k] === 'string' ? String(v[k]).trim() : '';

/** 填报进度 — the percentage on a day and the milestones done; a lower figure needs a reason. */
export function ReportTaskButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const task = useRecordContext<Task>();
  const { permissions } = usePermissions<Permissions>();
  if (!task || task.completedOn || !hasRight(permissions, 'assessment', 'write')) return null;
  const open = task.milestones
    .map((ms, i) => ({ id: i, name: `${ms.title}（${formatDay(ms.dueOn)}）`, done: ms.doneOn }))
    .filter((x) => !x.done);
  return (
    <FormDialogButton
      label={m('report')}
      icon={<TrendingUpIcon />}
      variant="contained"
      hint={translate(m('planned'), { percent: task.standing.plannedPercent })}
      record={{
        percent: task.progressPercent,
        reportedOn: formatDay(new Date().toISOString()),
        milestonesDone: [],
      }}
      done={m('reported')}
      alwaysEnable
      onSubmit={(v) => {
        const note = text(v, 'note');
        const reason = text(v, 'reason');
        return calls.assessmentReportTask(task.id, {
          percent: Number(v.percent),
          reportedOn: String(v.reportedOn),
          milestonesDone: (v.milestonesDone ?? []) as number[],
          revision: task.revision,
          ...(note ? { note } : {}),
          ...(reason ? { reason } : {}),
        });
      }}
    >
      <NumberInput
        source="percent"
        label={m('percent')}
        validate={[required(), minValue(0), maxValue(100)]}
        min={0}
        max={100}
        step={5}
      />
      <DateInput source="reportedOn" label={m('reportedOn')} validate={required()} />
      {open.length ? (
        <CheckboxGroupInput
          source="milestonesDone"
          label={m('done_milestones')}
          choices={open}
          row={false}
        />
      ) : null}
      <TextInput source="note" label={m('note')} multiline fullWidth validate={maxLength(500)} />
      <TextInput
        source="reason"
        label={m('reason')}
        helperText={m('reason_hint')}
        multiline
        fullWidth
        validate={maxLength(500)}
      />
    </FormDialogButton>
  );
}

/** What an import stored (or would store, checked only) and every rejected row. */
function TaskImportResult({ report }: { report: TaskImportReport }) {
  const translate = useTranslate();
  return (
    <>
      <Alert severity={report.rejected ? 'warning' : 'success'} sx={{ mt: 2 }}>
        {translate(m(report.dryRun ? 'rows_dry' : 'rows'), report)}
      </Alert>
      <RowRejectionTable rejections={report.rejections} label={m('import_result')} />
    </>
  );
}

/** 导入倒排工期表 — upload the county's sheet, checked first by default; the row report after. */
export function TaskImportButton() {
  const translate = useTranslate();
  const calls = useCalls();
  const refresh = useRefresh();
  const { permissions } = usePermissions<Permissions>();
  if (!hasRight(permissions, 'assessment', 'write')) return null;
  return (
    <FormDialogButton<TaskImportReport>
      label={m('import')}
      icon={<UploadFileIcon />}
      hint={translate(m('import_hint'))}
      maxWidth="md"
      record={{ dryRun: true }}
      submitLabel={m('import')}
      submitIcon={<UploadFileIcon />}
      resultTitle={m('import_result')}
      onSubmit={async (v) => {
        const report = await calls.assessmentImportTasks(v.file as File, v.dryRun === true);
        if (!report.dryRun) refresh();
        return report;
      }}
      result={(report) => <TaskImportResult report={report} />}
    >
      <FileChooserInput source="file" label={m('file')} accept=".csv,.xlsx" validate={required()} />
      <BooleanInput source="dryRun" label={m('dry_run')} />
    </FormDialogButton>
  );
}

/** 下载模板 — the sheet with its columns and an example row. */
export const TaskTemplateButton = () => (
  <DownloadButton
    needs={{ module: 'assessment', right: 'read' }}
    label={m('template')}
    download={() => downloadFile('/api/assessment/tasks/template.xlsx', '倒排工期表.xlsx')}
  />
);

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  CreateButton,
  type RaRecord,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { JobProgress } from '../../../common/JobProgress';
import { pick, type Bilingual } from '../../../providers/problem';
import type { DepartmentImport } from '../support.api';
import { TermField } from '../SupportFields';
import { isFinished } from '.';
import { ImportRows } from './ImportRows';

const COUNTS = [
  'rows',
  'enrolled',
  'changed',
  'unknownPerson',
  'outOfScope',
  'rejected',
  'duplicate',
  'notFound',
] as const;

function Progress() {
  const translate = useTranslate();
  const job = useRecordContext<DepartmentImport>();
  if (!job) return null;
  const message = (job.error as { message?: Bilingual } | null)?.message;
  return (
    <Box>
      <JobProgress
        done={job.checkpointSeq ?? 0}
        total={job.counts.rows ?? null}
        status={job.status}
      />
      {job.status === 'failed' ? (
        <Alert severity="error">
          {translate('resources.support-imports.failed', {
            message: pick(message, translate('ra.notification.http_error')),
          })}
        </Alert>
      ) : null}
      {!isFinished(job.status) ? (
        <Typography variant="caption" color="text.secondary">
          {translate('resources.support-imports.leave_hint')}
        </Typography>
      ) : null}
    </Box>
  );
}

function Counts() {
  const translate = useTranslate();
  const job = useRecordContext<DepartmentImport>();
  if (!job || !isFinished(job.status)) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }} data-testid="support-import-counts">
      {COUNTS.map((c) => (
        <Box key={c}>
          <Typography variant="caption" color="text.secondary">
            {translate(`resources.support-imports.fields.counts.${c}`)}
          </Typography>
          <Typography variant="h6">{(job.counts[c] ?? 0).toLocaleString('en-US')}</Typography>
        </Box>
      ))}
    </Box>
  );
}

function Report() {
  const job = useRecordContext<DepartmentImport>();
  if (!job || job.status !== 'completed') return null;
  return <ImportRows importId={job.id} />;
}

/** The label is read by SimpleShowLayout. */
function Period(_props: { label: string }) {
  const job = useRecordContext<DepartmentImport>();
  if (!job) return null;
  return job.term ? <TermField source="term" /> : <span>{job.year ?? '—'}</span>;
}

/** 导入进度与比对报告 — refreshed every second while the job runs; can be left and reopened. */
export default function DepartmentImportShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <CreateButton label="resources.support-imports.again" />
        </TopToolbar>
      }
      queryOptions={{
        refetchInterval: (query: { state: { data?: RaRecord } }) =>
          isFinished(query.state.data?.status) ? false : 1000,
      }}
    >
      <SimpleShowLayout>
        <Progress />
        <TextField source="fileName" />
        <EnumField source="kind" name="SupportImportKind" />
        <Period label="resources.support-imports.fields.period" />
        <EnumField source="format" name="FileFormat" />
        <EnumField source="status" name="SupportImportStatus" chip />
        <DateTimeField source="createdAt" />
        <DateTimeField source="finishedAt" />
        <Counts />
        <Report />
      </SimpleShowLayout>
    </Show>
  );
}

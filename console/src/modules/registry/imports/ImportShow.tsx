import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Button,
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
import { downloadFile } from '../../../providers/http';
import type { RegistryApi } from '../../../providers/api-types';
import { pick, useNotifyProblem } from '../../../providers/problem';
import { isFinished } from '.';
import { ImportSteps } from './ImportSteps';

type ImportJob = RegistryApi.components['schemas']['ImportJob'];
const COUNTS = [
  'householdsCreated',
  'householdsUpdated',
  'householdsUnchanged',
  'householdsRejected',
  'rowsRejected',
] as const;

function Progress() {
  const translate = useTranslate();
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  return (
    <Box>
      <ImportSteps active={isFinished(job.status) ? 4 : 2} />
      <JobProgress done={job.rowsDone} total={job.rowsTotal ?? null} status={job.status} />
      {job.status === 'failed' && job.error?.message ? (
        <Alert severity="error">
          {translate('resources.imports.wizard.failed', { message: pick(job.error.message) })}
        </Alert>
      ) : null}
      {!isFinished(job.status) ? (
        <Typography variant="caption" color="text.secondary">
          {translate('resources.imports.wizard.leave_hint')}
        </Typography>
      ) : null}
    </Box>
  );
}

function Counts() {
  const translate = useTranslate();
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }} data-testid="import-counts">
      {COUNTS.map((c) => (
        <Box key={c}>
          <Typography variant="caption" color="text.secondary">
            {translate(`resources.imports.fields.counts.${c}`)}
          </Typography>
          <Typography variant="h6">{job.counts[c].toLocaleString('en-US')}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/** 导入报告 — every rejected row with its sheet, row number, column and reason. */
function Report() {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const job = useRecordContext<ImportJob>();
  // Opened from the list, the summary (without its rejected rows) shows until the job loads.
  if (!job || !isFinished(job.status) || !Array.isArray(job.rejected)) return null;
  const download = () =>
    downloadFile(
      `/api/registry/imports/${encodeURIComponent(job.id)}/report.xlsx`,
      'report.xlsx',
    ).catch(notifyProblem);
  if (job.rejected.length === 0) {
    return <Alert severity="success">{translate('resources.imports.wizard.no_rejections')}</Alert>;
  }
  const f = (k: string) => translate(`resources.imports.fields.rejected.${k}`);
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle1">
          {translate('resources.imports.wizard.rejected_rows')}
        </Typography>
        <Button label="resources.imports.wizard.download_report" onClick={() => void download()}>
          <DownloadIcon />
        </Button>
      </Box>
      {job.rejectedTruncated ? (
        <Alert severity="warning">{translate('resources.imports.wizard.truncated')}</Alert>
      ) : null}
      <Table size="small" data-testid="import-rejections">
        <TableHead>
          <TableRow>
            {['sheet', 'row', 'householdNo', 'column', 'header', 'message'].map((k) => (
              <TableCell key={k}>{f(k)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {job.rejected.flatMap((r) =>
            r.errors.map((e, i) => (
              <TableRow key={`${r.sheet}-${r.row}-${i}`}>
                <TableCell>{r.sheet}</TableCell>
                <TableCell>{r.row}</TableCell>
                <TableCell>{r.householdNo ?? '—'}</TableCell>
                <TableCell>{e.column ?? '—'}</TableCell>
                <TableCell>{e.header ?? '—'}</TableCell>
                <TableCell>{pick(e.message)}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * 导入进度与报告 — refreshed every second while the job runs, so the page can be left and
 * opened again at any time to see where the import stands.
 */
export default function ImportShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <CreateButton label="resources.imports.wizard.again" />
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
        <EnumField source="format" name="FileFormat" />
        <EnumField source="status" name="ImportStatus" chip />
        <DateTimeField source="createdAt" />
        <DateTimeField source="finishedAt" />
        <Counts />
        <Report />
      </SimpleShowLayout>
    </Show>
  );
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import {
  CreateButton,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { DateTimeField, EnumField } from '../../../common/fields';
import { ImportCounts } from '../../../common/imports/ImportCounts';
import { ImportRejections } from '../../../common/imports/ImportRejections';
import { ImportSteps } from '../../../common/imports/ImportSteps';
import { JobProgress } from '../../../common/JobProgress';
import { BASE, type PairingImport } from '../assistance.api';
import { MESSAGES } from './codes';

const COUNTS = [
  'rows',
  'pairingsCreated',
  'pairingsUnchanged',
  'helpersCreated',
  'rowsRejected',
] as const;

/** The service reads the whole file before it answers, so an import shown here is done. */
function Progress() {
  const job = useRecordContext<PairingImport>();
  if (!job) return null;
  const rows = job.counts.rows ?? 0;
  return (
    <Box>
      <ImportSteps active={4} messages={MESSAGES} />
      <JobProgress done={rows} total={rows} status="completed" />
    </Box>
  );
}

function Counts() {
  const job = useRecordContext<PairingImport>();
  if (!job) return null;
  return (
    <ImportCounts
      counts={job.counts}
      keys={COUNTS}
      fields="resources.pairing-imports.fields.counts"
      testId="import-counts"
    />
  );
}

/** Headers the service did not know (a misspelt column is ignored, not read). */
function UnknownHeaders() {
  const translate = useTranslate();
  const job = useRecordContext<PairingImport>();
  if (!job?.unknownHeaders?.length) return null;
  return (
    <Alert severity="warning">
      {translate(`${MESSAGES}.unknown_headers`, { headers: job.unknownHeaders.join('、') })}
    </Alert>
  );
}

function Report() {
  const job = useRecordContext<PairingImport>();
  // Opened from the list, the summary may show before the import with its rows loads.
  if (!job || !Array.isArray(job.rejected)) return null;
  return (
    <ImportRejections
      rows={job.rejected}
      truncated={job.rejectedTruncated}
      columns={['row', 'householdNo', 'helperName']}
      fields="resources.pairing-imports.fields.rejected"
      messages={MESSAGES}
      reportUrl={`${BASE}/imports/${encodeURIComponent(job.id)}/report.xlsx`}
      reportName="结对导入错误报告.xlsx"
    />
  );
}

/** 导入结果 — the finished import's counts and every rejected row with its reason. */
export default function PairingImportShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <CreateButton label={`${MESSAGES}.again`} />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Progress />
        <TextField source="fileName" />
        <EnumField source="format" name="FileFormat" />
        <TextField source="actorName" emptyText="—" />
        <DateTimeField source="createdAt" />
        <Counts />
        <UnknownHeaders />
        <Report />
      </SimpleShowLayout>
    </Show>
  );
}

import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { ImportCounts } from '../../../common/imports/ImportCounts';
import { ImportProgress } from '../../../common/imports/ImportProgress';
import { ImportShow as Show } from '../../../common/imports/ImportShow';
import { isImportFinished } from '../../../common/imports/status';
import type { RegistryApi } from '../../../providers/api-types';
import { HouseholdImportReport } from './HouseholdImportReport';

type ImportJob = RegistryApi.components['schemas']['ImportJob'];
const MESSAGES = 'resources.imports.wizard';
const COUNTS = [
  'householdsCreated',
  'householdsUpdated',
  'householdsUnchanged',
  'householdsRejected',
  'rowsRejected',
] as const;

function Progress() {
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  return (
    <ImportProgress
      steps
      messages={MESSAGES}
      done={job.rowsDone}
      total={job.rowsTotal ?? null}
      status={job.status}
      error={job.error?.message}
    />
  );
}

function Counts() {
  const job = useRecordContext<ImportJob>();
  if (!job) return null;
  return (
    <ImportCounts
      counts={job.counts}
      keys={COUNTS}
      fields="resources.imports.fields.counts"
      testId="import-counts"
    />
  );
}

/**
 * 导入报告 — every rejected row under its sheet's own name, in row order, grouped by household
 * (the rows refused because of another row of their household marked as such).
 */
function Report() {
  const job = useRecordContext<ImportJob>();
  // Opened from the list, the summary (without its rejected rows) shows until the job loads.
  if (!job || !isImportFinished(job.status) || !Array.isArray(job.rejected)) return null;
  return (
    <HouseholdImportReport
      rows={job.rejected}
      truncated={job.rejectedTruncated ?? false}
      reportUrl={`/api/registry/imports/${encodeURIComponent(job.id)}/report.xlsx`}
    />
  );
}

/** 导入进度与报告 — a household import's progress, counts and rejected rows. */
export default function ImportShow() {
  return (
    <Show again={`${MESSAGES}.again`}>
      <Progress />
      <TextField source="fileName" />
      <EnumField source="format" name="FileFormat" />
      <EnumField source="status" name="ImportStatus" chip />
      <DateTimeField source="createdAt" />
      <DateTimeField source="finishedAt" />
      <Counts />
      <Report />
    </Show>
  );
}

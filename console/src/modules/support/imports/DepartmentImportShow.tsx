import { TextField, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { ImportCounts } from '../../../common/imports/ImportCounts';
import { ImportProgress } from '../../../common/imports/ImportProgress';
import { ImportShow } from '../../../common/imports/ImportShow';
import { isImportFinished } from '../../../common/imports/status';
import type { Bilingual } from '../../../providers/problem';
import type { DepartmentImport } from '../support.api';
import { TermField } from '../SupportFields';
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
  const job = useRecordContext<DepartmentImport>();
  if (!job) return null;
  return (
    <ImportProgress
      messages="resources.support-imports.wizard"
      done={job.checkpointSeq ?? 0}
      total={job.counts.rows ?? null}
      status={job.status}
      error={(job.error as { message?: Bilingual } | null)?.message}
    />
  );
}

function Counts() {
  const job = useRecordContext<DepartmentImport>();
  if (!job || !isImportFinished(job.status)) return null;
  return (
    <ImportCounts
      counts={job.counts}
      keys={COUNTS}
      fields="resources.support-imports.fields.counts"
      testId="support-import-counts"
    />
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

/** 导入进度与比对报告 — a department list's reconciliation, its counts and its row report. */
export default function DepartmentImportShow() {
  return (
    <ImportShow again="resources.support-imports.again">
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
    </ImportShow>
  );
}

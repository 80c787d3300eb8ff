import { DataTable, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { ImportList, ImportRowProgress } from '../../../common/imports/ImportList';
import { EnumInput } from '../../../common/inputs';
import { IMPORT_KINDS, IMPORT_STATUSES, type DepartmentImport } from '../support.api';
import { TermField } from '../SupportFields';

const filters = [
  <EnumInput key="kind" source="kind" name="SupportImportKind" codes={IMPORT_KINDS} alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="SupportImportStatus"
    codes={IMPORT_STATUSES}
    alwaysOn
  />,
];

function RowProgress() {
  const job = useRecordContext<DepartmentImport>();
  if (!job) return null;
  return (
    <ImportRowProgress
      done={job.checkpointSeq ?? 0}
      total={job.counts.rows ?? null}
      status={job.status}
    />
  );
}

/** The period of an import: the term of an enrollment list, the year of an insurance list. */
function Period() {
  const job = useRecordContext<DepartmentImport>();
  if (!job) return null;
  return job.term ? <TermField source="term" /> : <span>{job.year ?? '—'}</span>;
}

export default function DepartmentImportList() {
  return (
    <ImportList filters={filters}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="fileName" />
        <DataTable.Col source="kind" disableSort>
          <EnumField source="kind" name="SupportImportKind" />
        </DataTable.Col>
        <DataTable.Col source="period" disableSort>
          <Period />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="SupportImportStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="checkpointSeq" disableSort>
          <RowProgress />
        </DataTable.Col>
        <DataTable.NumberCol source="counts.rows" disableSort />
        <DataTable.NumberCol source="counts.enrolled" disableSort />
        <DataTable.NumberCol source="counts.notFound" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </ImportList>
  );
}

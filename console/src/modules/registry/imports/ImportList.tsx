import { DataTable, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { ImportList as List, ImportRowProgress } from '../../../common/imports/ImportList';
import { EnumInput } from '../../../common/inputs';
import { IMPORT_STATUSES } from './codes';

const filters = [
  <EnumInput key="status" source="status" name="ImportStatus" codes={IMPORT_STATUSES} alwaysOn />,
];

function RowProgress() {
  const job = useRecordContext<{ rowsDone: number; rowsTotal: number | null; status: string }>();
  if (!job) return null;
  return <ImportRowProgress done={job.rowsDone} total={job.rowsTotal} status={job.status} />;
}

export default function ImportList() {
  return (
    <List filters={filters}>
      <DataTable rowClick="show">
        <DataTable.Col source="fileName" />
        <DataTable.Col source="status">
          <EnumField source="status" name="ImportStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="rowsDone" disableSort>
          <RowProgress />
        </DataTable.Col>
        <DataTable.NumberCol source="rowsTotal" disableSort />
        <DataTable.NumberCol source="counts.householdsCreated" disableSort />
        <DataTable.NumberCol source="counts.householdsUpdated" disableSort />
        <DataTable.NumberCol source="counts.rowsRejected" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

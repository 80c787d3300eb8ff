import LinearProgress from '@mui/material/LinearProgress';
import { CreateButton, DataTable, List, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { IMPORT_STATUSES, isFinished } from '.';

const filters = [
  <EnumInput key="status" source="status" name="ImportStatus" codes={IMPORT_STATUSES} alwaysOn />,
];

function RowProgress() {
  const job = useRecordContext<{ rowsDone: number; rowsTotal: number | null; status: string }>();
  if (!job) return null;
  const value = isFinished(job.status)
    ? 100
    : job.rowsTotal
      ? (job.rowsDone / job.rowsTotal) * 100
      : 0;
  return <LinearProgress variant="determinate" value={value} sx={{ minWidth: 100 }} />;
}

export default function ImportList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      empty={false}
      queryOptions={{ refetchInterval: 3000 }}
    >
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

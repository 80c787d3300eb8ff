import LinearProgress from '@mui/material/LinearProgress';
import { DataTable, List, TopToolbar, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { formatCount } from '../../../common/format';
import { RUN_SCOPES, RUN_STATUSES, isRunFinished } from '../codes';
import type { MatchingRun } from '../matching.api';
import { StartRunButton } from './StartRunButton';

const filters = [
  <EnumInput key="status" source="status" name="MatchingRunStatus" codes={RUN_STATUSES} alwaysOn />,
  <EnumInput key="scope" source="scope" name="MatchingRunScope" codes={RUN_SCOPES} alwaysOn />,
];

function RowProgress() {
  const run = useRecordContext<MatchingRun>();
  if (!run) return null;
  const { rowsRead, rowsTotal } = run.progress;
  const value =
    run.status === 'completed' ? 100 : rowsTotal ? Math.min(100, (rowsRead / rowsTotal) * 100) : 0;
  return (
    <LinearProgress
      variant={isRunFinished(run.status) || rowsTotal ? 'determinate' : 'indeterminate'}
      value={value}
      sx={{ minWidth: 100 }}
    />
  );
}

function Lists() {
  const run = useRecordContext<MatchingRun>();
  if (!run) return null;
  return <span>{formatCount(run.lists.length)}</span>;
}

/** 比对任务 — every run, newest first, refreshed while any runs; a row opens its progress. */
export default function RunList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <StartRunButton label="resources.matching-runs.start_full" />
        </TopToolbar>
      }
      empty={false}
      queryOptions={{ refetchInterval: 3000 }}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="scope" disableSort>
          <EnumField source="scope" name="MatchingRunScope" />
        </DataTable.Col>
        <DataTable.Col source="lists" disableSort>
          <Lists />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="MatchingRunStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="percent" disableSort>
          <RowProgress />
        </DataTable.Col>
        <DataTable.NumberCol source="progress.rowsRead" disableSort />
        <DataTable.NumberCol source="progress.findings" disableSort />
        <DataTable.Col source="startedBy.name" disableSort />
        <DataTable.Col source="finishedAt" disableSort>
          <DateTimeField source="finishedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

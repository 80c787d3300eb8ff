import { DataTable, List, type RaRecord, TopToolbar } from 'react-admin';
import { DateTimeField, DayField, EnumField } from '../../../../common/fields';
import { EnumInput } from '../../../../common/inputs';
import { SCREENING_STATUSES } from '../codes';
import { isScreeningFinished } from '../rule-counts';
import { RuleCountChips } from './RuleCountChips';
import { RequestedByField, RunErrorField } from './ScreeningFields';
import { ScreenNowButton } from './ScreenNowButton';

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="ScreeningStatus"
    codes={SCREENING_STATUSES}
    alwaysOn
  />,
];

/** Read again every few seconds while a run on the page is still running. */
const whileRunning = (query: { state: { data?: { data?: RaRecord[] } } }) =>
  query.state.data?.data?.some((r) => !isScreeningFinished(r.status)) ? 3000 : false;

/**
 * 监测筛查 — every screening, newest first: what it screened and raised, per rule the households
 * it fired for and those it could not judge, and why a run was not run.
 */
export default function ScreeningList() {
  return (
    <List
      sort={{ field: 'startedAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <ScreenNowButton />
        </TopToolbar>
      }
      empty={false}
      queryOptions={{ refetchInterval: whileRunning }}
    >
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="day" disableSort>
          <DayField source="day" />
        </DataTable.Col>
        <DataTable.Col source="startedAt">
          <DateTimeField source="startedAt" />
        </DataTable.Col>
        <DataTable.Col source="requestedBy" disableSort>
          <RequestedByField />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="ScreeningStatus" chip />
        </DataTable.Col>
        <DataTable.NumberCol source="screened" disableSort />
        <DataTable.NumberCol source="raised" disableSort />
        <DataTable.NumberCol source="updated" disableSort />
        <DataTable.Col source="fired" disableSort>
          <RuleCountChips source="fired" />
        </DataTable.Col>
        <DataTable.Col source="missing" disableSort>
          <RuleCountChips source="missing" />
        </DataTable.Col>
        <DataTable.Col source="error" disableSort>
          <RunErrorField />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

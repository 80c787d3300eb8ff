import Chip from '@mui/material/Chip';
import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';
import type { UnvisitedHousehold } from '../assistance.api';
import { HelperInput } from '../inputs';
import { MonthCalendar } from './MonthCalendar';
import { currentMonth } from './month';
import { ExportButton } from '../../../common/ExportButton';

const filters = [
  <HelperInput key="helperId" source="helperId" />,
  <AreaInput key="area" source="area" />,
];

function Helpers() {
  const translate = useTranslate();
  const r = useRecordContext<UnvisitedHousehold>();
  return (
    <span style={{ display: 'inline-flex', gap: 4, flexWrap: 'wrap' }}>
      {(r?.helpers ?? []).map((h) => (
        <Chip
          key={h.helperId}
          size="small"
          label={`${h.helperName ?? ''}（${translate(`enums.PairingRole.${h.role ?? 'key'}`)}）`}
        />
      ))}
    </span>
  );
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton resource="visits" label="resources.assistance-households.record_visit" />
    <ExportButton service="assistance" path="/exports/unvisited.xlsx" fileName="未走访户.xlsx" />
  </TopToolbar>
);

/** 走访日历 — the month's calendar and the households still owed a visit that month. */
export default function UnvisitedCalendar() {
  return (
    <List
      sort={{ field: 'householdNo', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ month: currentMonth() }}
      actions={<Actions />}
      title="assistance.calendar.title"
      empty={false}
    >
      <MonthCalendar />
      <DataTable
        rowClick={(id) => `/assistance-households/${String(id)}/show`}
        bulkActionButtons={false}
        empty={<EmptyMonth />}
      >
        <DataTable.Col source="householdNo" />
        <DataTable.Col source="headName" disableSort />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="HouseholdStatus" chip />
        </DataTable.Col>
        <DataTable.Col source="helpers" disableSort>
          <Helpers />
        </DataTable.Col>
        <DataTable.Col source="lastVisitDate">
          <DayField source="lastVisitDate" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

function EmptyMonth() {
  const translate = useTranslate();
  return (
    <div style={{ padding: 16 }} data-testid="no-unvisited">
      {translate('assistance.calendar.none_unvisited')}
    </div>
  );
}

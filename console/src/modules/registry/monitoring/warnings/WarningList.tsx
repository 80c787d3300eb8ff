import { DataTable, FilterButton, List, NullableBooleanInput, TopToolbar } from 'react-admin';
import { AreaField, EnumField } from '../../../../common/fields';
import { AreaInput, EnumInput } from '../../../../common/inputs';
import { SIGNAL_CODES, WARNING_STATUSES } from '../codes';
import { DueOnField } from './DueOnField';
import { SignalBreakdown } from './SignalBreakdown';
import { SignalChips } from './SignalChips';

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="MonitoringWarningStatus"
    codes={WARNING_STATUSES}
    alwaysOn
  />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" alwaysOn />,
  <EnumInput key="signal" source="signal" name="MonitoringSignal" codes={SIGNAL_CODES} alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

/**
 * 预警核实 — the warnings of the user's area, open ones by deadline first; a row opens the
 * warning's signals, its verification and its history; above it, 预警信号分布.
 */
export default function WarningList() {
  return (
    <>
      <SignalBreakdown />
      <List
        sort={{ field: 'dueOn', order: 'ASC' }}
        filters={filters}
        filterDefaultValues={{ status: 'open' }}
        actions={
          <TopToolbar>
            <FilterButton />
          </TopToolbar>
        }
        empty={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="householdNo" />
          <DataTable.Col source="headName" disableSort />
          <DataTable.Col source="areaCode">
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="signals" disableSort>
            <SignalChips />
          </DataTable.Col>
          <DataTable.Col source="suggestedCategory" disableSort>
            <EnumField source="suggestedCategory" name="MonitoringCategory" />
          </DataTable.Col>
          <DataTable.Col source="dueOn">
            <DueOnField />
          </DataTable.Col>
          <DataTable.Col source="status">
            <EnumField source="status" name="MonitoringWarningStatus" chip />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}

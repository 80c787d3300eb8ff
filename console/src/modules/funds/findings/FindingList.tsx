import { DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { FINDING_KINDS, FINDING_STATUSES } from '../codes';
import { FindingSummaryField } from './FindingSummaryField';

const filters = [
  <EnumInput key="status" source="status" name="FindingStatus" codes={FINDING_STATUSES} alwaysOn />,
  <EnumInput key="kind" source="kind" name="FindingKind" codes={FINDING_KINDS} alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" />,
];

export default function FindingList() {
  return (
    <List
      sort={{ field: 'detectedAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="detectedAt">
          <DateTimeField source="detectedAt" />
        </DataTable.Col>
        <DataTable.Col source="kind">
          <EnumField source="kind" name="FindingKind" />
        </DataTable.Col>
        <DataTable.Col source="projectCode" disableSort />
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="summary" disableSort>
          <FindingSummaryField source="summary" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="FindingStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

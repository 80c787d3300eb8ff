import { CreateButton, DataTable, DateInput, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { ExportButton } from '../../../common/ExportButton';
import { TOP_UP_STATUSES } from '../support.api';
import { BasisPointsField, HalfGuard } from '../SupportFields';

const filters = [
  <EnumInput
    key="topUpStatus"
    source="topUpStatus"
    name="TopUpStatus"
    codes={TOP_UP_STATUSES}
    alwaysOn
  />,
  <DateInput key="admittedFrom" source="admittedFrom" alwaysOn />,
  <DateInput key="admittedTo" source="admittedTo" alwaysOn />,
  <AreaInput key="townshipCode" source="townshipCode" level="township" />,
  <AreaInput key="areaCode" source="areaCode" level="village" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton
      service="support"
      path="/exports/inpatient-episodes.xlsx"
      fileName="住院报账.xlsx"
    />
    <CreateButton />
  </TopToolbar>
);

export default function EpisodeList() {
  return (
    <HalfGuard half="health">
      <List
        sort={{ field: 'admittedOn', order: 'DESC' }}
        filters={filters}
        actions={<Actions />}
        empty={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col source="areaCode" disableSort>
            <AreaField source="areaCode" />
          </DataTable.Col>
          <DataTable.Col source="hospital" disableSort />
          <DataTable.Col source="admittedOn">
            <DayField source="admittedOn" />
          </DataTable.Col>
          <DataTable.Col source="totalCostFen" align="right">
            <YuanField source="totalCostFen" />
          </DataTable.Col>
          <DataTable.Col source="reimbursedFen" align="right" disableSort>
            <YuanField source="reimbursedFen" />
          </DataTable.Col>
          <DataTable.Col source="ratioBasisPoints" align="right">
            <BasisPointsField source="ratioBasisPoints" />
          </DataTable.Col>
          <DataTable.Col source="topUpFen" align="right">
            <YuanField source="topUpFen" />
          </DataTable.Col>
          <DataTable.Col source="topUpPaidFen" align="right" disableSort>
            <YuanField source="topUpPaidFen" />
          </DataTable.Col>
          <DataTable.Col source="topUpStatus" disableSort>
            <EnumField source="topUpStatus" name="TopUpStatus" chip />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}

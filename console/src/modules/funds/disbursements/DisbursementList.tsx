import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { ExportButton } from '../../../common/ExportButton';
import { AreaField, DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { DISBURSEMENT_STATUSES, SOURCES } from '../codes';
import { ProjectInput } from '../inputs';

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="DisbursementStatus"
    codes={DISBURSEMENT_STATUSES}
    alwaysOn
  />,
  <EnumInput key="source" source="source" name="FundingSource" codes={SOURCES} />,
  <ProjectInput key="projectId" source="projectId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton
      service="funds"
      path="/exports/disbursements.xlsx"
      fileName="disbursements.xlsx"
      unmask="funds"
      title="resources.disbursements.export_title"
      hint="resources.disbursements.export_hint"
    />
  </TopToolbar>
);

export default function DisbursementList() {
  return (
    <List sort={{ field: 'submittedAt', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show">
        <DataTable.Col source="projectCode" />
        <DataTable.Col source="projectName" disableSort />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="source" disableSort>
          <EnumField source="source" name="FundingSource" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="purpose" disableSort />
        <DataTable.Col source="submittedAt">
          <DateTimeField source="submittedAt" />
        </DataTable.Col>
        <DataTable.Col source="paidOn">
          <DayField source="paidOn" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="DisbursementStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

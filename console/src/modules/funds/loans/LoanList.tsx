import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField, YuanField } from '../../../common/fields';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { LOAN_KINDS, LOAN_STATUSES } from '../codes';

const filters = [
  <EnumInput key="kind" source="kind" name="LoanKind" codes={LOAN_KINDS} alwaysOn />,
  <EnumInput key="status" source="status" name="LoanStatus" codes={LOAN_STATUSES} alwaysOn />,
  <AreaInput key="areaCode" source="areaCode" />,
];

export default function LoanList() {
  return (
    <List
      sort={{ field: 'startOn', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <FilterButton />
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show">
        <DataTable.Col source="contractNo" />
        <DataTable.Col source="kind" disableSort>
          <EnumField source="kind" name="LoanKind" />
        </DataTable.Col>
        <DataTable.Col source="householdNo" disableSort />
        <DataTable.Col
          source="borrower.name"
          label="resources.loans.fields.borrowerName"
          disableSort
        />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="principalFen" align="right">
          <YuanField source="principalFen" />
        </DataTable.Col>
        <DataTable.Col source="owedFen" align="right">
          <YuanField source="owedFen" />
        </DataTable.Col>
        <DataTable.Col source="startOn">
          <DayField source="startOn" />
        </DataTable.Col>
        <DataTable.Col source="firstUnpaidDueOn">
          <DayField source="firstUnpaidDueOn" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <EnumField source="status" name="LoanStatus" chip />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

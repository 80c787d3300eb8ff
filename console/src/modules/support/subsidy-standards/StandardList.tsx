import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { DateTimeField, EnumField, YuanField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { SCHOOL_STAGES, SUBSIDY_TYPES } from '../support.api';
import { HalfGuard, TermField } from '../SupportFields';

const filters = [
  <EnumInput key="type" source="type" name="SubsidyType" codes={SUBSIDY_TYPES} alwaysOn />,
  <EnumInput key="stage" source="stage" name="SchoolStage" codes={SCHOOL_STAGES} alwaysOn />,
];

export default function StandardList() {
  return (
    <HalfGuard half="education">
      <List
        sort={{ field: 'type', order: 'ASC' }}
        filters={filters}
        actions={
          <TopToolbar>
            <CreateButton />
          </TopToolbar>
        }
        empty={false}
      >
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="type">
            <EnumField source="type" name="SubsidyType" />
          </DataTable.Col>
          <DataTable.Col source="stage">
            <EnumField source="stage" name="SchoolStage" />
          </DataTable.Col>
          <DataTable.Col source="fromOrdinal">
            <TermField source="fromTerm" />
          </DataTable.Col>
          <DataTable.Col source="amountFen" align="right">
            <YuanField source="amountFen" />
          </DataTable.Col>
          <DataTable.Col source="note" disableSort />
          <DataTable.Col source="updatedAt" disableSort>
            <DateTimeField source="updatedAt" />
          </DataTable.Col>
        </DataTable>
      </List>
    </HalfGuard>
  );
}

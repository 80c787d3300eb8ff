import {
  CreateButton,
  DataTable,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  AutocompleteInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { AreaField, DayField } from '../../../common/fields';
import { AreaInput } from '../../../common/inputs';
import type { Inspection } from './inspections.api';

const filters = [
  <AreaInput key="areaCode" source="areaCode" alwaysOn />,
  <ReferenceInput key="planId" source="planId" reference="inspection-plans">
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="assessment.inspections.record" />
  </TopToolbar>
);

/** 督查记录 — inspections of the caller's areas, newest first. */
export default function InspectionList() {
  return (
    <List sort={{ field: 'inspectedOn', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="inspectedOn">
          <DayField source="inspectedOn" />
        </DataTable.Col>
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="planName" disableSort>
          <TextField source="planName" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="inspectorUnit" disableSort />
        <DataTable.Col source="findings" disableSort>
          <FunctionField<Inspection> render={(r) => r.findings.length} />
        </DataTable.Col>
        <DataTable.Col source="open" disableSort>
          <FunctionField<Inspection>
            render={(r) => r.findings.filter((f) => !f.rectificationId).length}
          />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

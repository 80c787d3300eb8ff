import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { LIST_STATUSES, LIST_TYPES } from '../codes';
import { StartRunButton } from '../runs/StartRunButton';

const filters = [
  <EnumInput key="type" source="type" name="MatchingListType" codes={LIST_TYPES} alwaysOn />,
  <EnumInput
    key="status"
    source="status"
    name="MatchingListStatus"
    codes={LIST_STATUSES}
    alwaysOn
  />,
];

/** 部门名单 — uploaded lists, newest first; a row opens the list's report. */
export default function ListList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <StartRunButton label="resources.matching-runs.start_full" />
          <CreateButton label="resources.department-lists.upload" />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="type">
          <EnumField source="type" name="MatchingListType" />
        </DataTable.Col>
        <DataTable.Col source="fileName" disableSort />
        <DataTable.Col source="date">
          <DayField source="date" />
        </DataTable.Col>
        <DataTable.Col source="areaCode">
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.NumberCol source="version" disableSort />
        <DataTable.Col source="status">
          <EnumField source="status" name="MatchingListStatus" chip />
        </DataTable.Col>
        <DataTable.NumberCol source="rowsRead" disableSort />
        <DataTable.NumberCol source="rowsAccepted" disableSort />
        <DataTable.NumberCol source="rowsRejected" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="rowsDeleteOn" disableSort>
          <DayField source="rowsDeleteOn" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

import { CreateButton, DataTable, FilterButton, List, TopToolbar } from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { NOTICE_KINDS } from '../codes';
import { ProjectInput } from '../inputs';

const filters = [
  <EnumInput key="kind" source="kind" name="NoticeKind" codes={NOTICE_KINDS} alwaysOn />,
  <ProjectInput key="projectId" source="projectId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

export default function NoticeList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="kind" disableSort>
          <EnumField source="kind" name="NoticeKind" />
        </DataTable.Col>
        <DataTable.Col source="projectCode" disableSort />
        <DataTable.Col source="areaCode" disableSort>
          <AreaField source="areaCode" />
        </DataTable.Col>
        <DataTable.Col source="issuer" disableSort />
        <DataTable.Col source="startsOn">
          <DayField source="startsOn" />
        </DataTable.Col>
        <DataTable.Col source="endsOn" disableSort>
          <DayField source="endsOn" />
        </DataTable.Col>
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  SearchInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { HalfGuard } from '../SupportFields';
import { caseField } from './CaseFields';
import { useHealthCaseKind } from './useHealthCaseKind';

export default function HealthCaseList() {
  const kind = useHealthCaseKind();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <EnumInput
      key="status"
      source="status"
      name={kind.status.name}
      codes={kind.status.codes}
      alwaysOn
    />,
    <TextInput key="disease" source="disease" />,
    <AreaInput key="townshipCode" source="townshipCode" level="township" />,
    <AreaInput key="areaCode" source="areaCode" level="village" />,
  ];
  return (
    <HalfGuard half="health">
      <List
        sort={{ field: kind.startedOn, order: 'DESC' }}
        filters={filters}
        actions={
          <TopToolbar>
            <FilterButton />
            <CreateButton />
          </TopToolbar>
        }
        empty={false}
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          {kind.list.map(([source, sortable]) => (
            <DataTable.Col key={source} source={source} disableSort={!sortable}>
              {kind.fields[source]?.type === 'text' ? undefined : caseField(kind, source)}
            </DataTable.Col>
          ))}
        </DataTable>
      </List>
    </HalfGuard>
  );
}

import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { DateTimeField } from '../../../common/fields';

export default function PairingImportList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      empty={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="fileName" />
        <DataTable.Col source="actorName" disableSort />
        <DataTable.NumberCol source="counts.rows" disableSort />
        <DataTable.NumberCol source="counts.pairingsCreated" disableSort />
        <DataTable.NumberCol source="counts.helpersCreated" disableSort />
        <DataTable.NumberCol source="counts.rowsRejected" disableSort />
        <DataTable.Col source="createdAt">
          <DateTimeField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

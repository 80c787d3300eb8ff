import {
  ArrayField,
  DataTable,
  EditButton,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { EndTermButton } from '../terms/EndTermButton';

const m = (k: string) => `resources.work-teams.member.${k}`;
const h = (k: string) => `resources.work-teams.history_entry.${k}`;

function Actions() {
  const translate = useTranslate();
  const record = useRecordContext();
  return (
    <TopToolbar>
      {record?.status === 'active' ? <EditButton /> : null}
      <EndTermButton
        title={(r) =>
          translate('resources.work-teams.end_title', { name: String(r.name ?? r.unit ?? '') })
        }
      />
    </TopToolbar>
  );
}

export default function WorkTeamShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <AreaField source="areaCode" />
        <TextField source="name" emptyText="—" />
        <TextField source="unit" />
        <DayField source="termStart" />
        <DayField source="termEnd" />
        <EnumField source="status" name="TermStatus" chip />
        <ArrayField source="members">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="role" label={m('role')}>
              <EnumField source="role" name="TeamRole" />
            </DataTable.Col>
            <DataTable.Col source="name" label={m('name')} />
            <DataTable.Col source="helperId" label={m('helperId')}>
              <ReferenceField source="helperId" reference="helpers" link="show" emptyText="—">
                <TextField source="name" />
              </ReferenceField>
            </DataTable.Col>
            <DataTable.Col source="unit" label={m('unit')}>
              <TextField source="unit" emptyText="—" />
            </DataTable.Col>
            <DataTable.Col source="from" label={m('from')}>
              <DayField source="from" />
            </DataTable.Col>
            <DataTable.Col source="to" label={m('to')}>
              <DayField source="to" />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
        <ArrayField source="history">
          <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="at" label={h('at')}>
              <DateTimeField source="at" />
            </DataTable.Col>
            <DataTable.Col source="action" label={h('action')}>
              <EnumField source="action" name="WorkTeamAction" />
            </DataTable.Col>
            <DataTable.Col source="actorName" label={h('actorName')} />
            <DataTable.Col source="note" label={h('note')}>
              <TextField source="note" emptyText="—" />
            </DataTable.Col>
          </DataTable>
        </ArrayField>
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}

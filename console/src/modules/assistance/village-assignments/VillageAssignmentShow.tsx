import { ReferenceField, SimpleShowLayout, TextField, TopToolbar, useTranslate } from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { EndTermButton } from '../terms/EndTermButton';

function Actions() {
  const translate = useTranslate();
  return (
    <TopToolbar>
      <EndTermButton
        title={(r) =>
          translate('resources.village-assignments.end_title', {
            name: String(r.personName ?? r.unit ?? ''),
          })
        }
      />
    </TopToolbar>
  );
}

export default function VillageAssignmentShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <EnumField source="kind" name="AssignmentKind" />
        <AreaField source="areaCode" />
        <TextField source="personName" emptyText="—" />
        <ReferenceField source="helperId" reference="helpers" link="show" emptyText="—">
          <TextField source="name" />
        </ReferenceField>
        <TextField source="position" emptyText="—" />
        <TextField source="unit" emptyText="—" />
        <EnumField source="department" name="Department" />
        <DayField source="startDate" />
        <DayField source="endDate" />
        <EnumField source="status" name="TermStatus" chip />
        <TextField source="endReason" emptyText="—" />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}

import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { HalfGuard } from '../SupportFields';

export default function IllnessShow() {
  return (
    <HalfGuard half="health">
      <Show
        actions={
          <TopToolbar>
            <EditButton />
          </TopToolbar>
        }
      >
        <SimpleShowLayout>
          <TextField source="name" />
          <AreaField source="areaCode" />
          <AreaField source="townshipCode" />
          <TextField source="disease" />
          <TextField source="hospital" emptyText="—" />
          <DayField source="diagnosedOn" />
          <DayField source="includedOn" />
          <EnumField source="status" name="SeriousIllnessStatus" chip />
          <DayField source="closedOn" />
          <TextField source="note" emptyText="—" />
        </SimpleShowLayout>
      </Show>
    </HalfGuard>
  );
}

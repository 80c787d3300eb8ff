import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { AreaField, DayField, EnumField } from '../../../common/fields';
import { HalfGuard } from '../SupportFields';

export default function ContractShow() {
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
          <TextField source="doctor" />
          <TextField source="team" emptyText="—" />
          <DayField source="signedOn" />
          <DayField source="validUntil" />
          <EnumField source="status" name="ChronicCareStatus" chip />
          <DayField source="endedOn" />
        </SimpleShowLayout>
      </Show>
    </HalfGuard>
  );
}

import { SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';

export default function AreaShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
        <EnumField source="level" name="AreaLevel" />
        <AreaField source="parentCode" />
        <EnumField source="status" name="RecordStatus" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="updatedAt" />
      </SimpleShowLayout>
    </Show>
  );
}

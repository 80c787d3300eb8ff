import { SimpleShowLayout } from 'react-admin';
import { Show } from '../../../common/Show';
import { EnumArrayField, YesNoField } from '../../../common/fields';
import { DefaultRightsField, RoleNameField } from './RoleFields';

export default function RoleShow() {
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <RoleNameField source="zh" />
        <EnumArrayField source="levels" name="AreaLevel" />
        <YesNoField source="needsDepartment" />
        <DefaultRightsField source="defaultRights" />
      </SimpleShowLayout>
    </Show>
  );
}

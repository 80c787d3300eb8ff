import { Create, DateInput, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { AssistedHouseholdInput, HelperInput } from '../inputs';

export default function VisitCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ date: formatDay(new Date().toISOString()) }}>
        <InputGrid min={280}>
          <AssistedHouseholdInput source="householdId" validate={required()} />
          <HelperInput source="helperId" validate={required()} />
          <DateInput source="date" validate={required()} />
        </InputGrid>
        <TextInput source="findings" multiline minRows={2} fullWidth validate={maxLength(4000)} />
        <TextInput source="actions" multiline minRows={2} fullWidth validate={maxLength(4000)} />
        <TextInput source="nextSteps" multiline minRows={2} fullWidth validate={maxLength(4000)} />
      </SimpleForm>
    </Create>
  );
}

import {
  AutocompleteArrayInput,
  Create,
  DateInput,
  ReferenceArrayInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { EnumArrayInput, EnumInput } from '../../../common/inputs';

/** 新建督查计划 — its townships, cadence and the checks drawn from the platform's own. */
export default function PlanCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ cadence: 'monthly', startsOn: formatDay(new Date().toISOString()) }}
      >
        <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
        <InputGrid min={260}>
          <EnumInput source="cadence" name="InspectionCadence" validate={required()} />
          <TextInput source="inspectorUnit" validate={[required(), maxLength(100)]} />
          <DateInput source="startsOn" validate={required()} />
          <DateInput source="endsOn" />
        </InputGrid>
        <ReferenceArrayInput
          source="areas"
          reference="areas"
          filter={{ level: 'township', status: 'active' }}
          sort={{ field: 'code', order: 'ASC' }}
          perPage={100}
        >
          <AutocompleteArrayInput
            validate={required()}
            optionText={(a: { name: string; code: string }) => `${a.name}（${a.code}）`}
            filterToQuery={(q: string) => ({ q })}
            fullWidth
          />
        </ReferenceArrayInput>
        <EnumArrayInput source="checks" name="InspectionCheck" validate={required()} fullWidth />
        <TextInput source="note" multiline fullWidth validate={maxLength(500)} />
      </SimpleForm>
    </Create>
  );
}

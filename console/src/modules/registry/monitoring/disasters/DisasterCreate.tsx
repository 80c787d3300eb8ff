import {
  AutocompleteArrayInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceArrayInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { formatDay } from '../../../../common/format';
import { InputGrid } from '../../../../common/InputGrid';
import { AreaInput, EnumInput, YuanInput } from '../../../../common/inputs';
import { DISASTER_KINDS } from '../codes';

/** Households of the chosen village (none chosen: the whole village). */
function HouseholdsInput({ village }: { village: string | undefined }) {
  if (!village) return null;
  return (
    <ReferenceArrayInput
      source="householdIds"
      reference="households"
      filter={{ area: village }}
      sort={{ field: 'householdNo', order: 'ASC' }}
      perPage={50}
    >
      <AutocompleteArrayInput
        label="resources.monitoring-disasters.fields.householdIds"
        helperText="resources.monitoring-disasters.households_hint"
        filterToQuery={(q: string) => (q ? { q } : {})}
        fullWidth
      />
    </ReferenceArrayInput>
  );
}

/**
 * 登记灾情 — township staff record a disaster for a village (every household of it) or for
 * some of its households: the kind, the day (not after today), the losses and what happened.
 */
export default function DisasterCreate() {
  return (
    <Create redirect="list">
      <SimpleForm defaultValues={{ day: formatDay(new Date().toISOString()), householdIds: [] }}>
        <InputGrid min={280}>
          <EnumInput
            source="kind"
            name="DisasterKind"
            codes={DISASTER_KINDS}
            validate={required()}
          />
          <AreaInput source="areaCode" level="village" validate={required()} />
          <DateInput source="day" validate={required()} />
          <YuanInput source="lossesFen" />
        </InputGrid>
        <FormDataConsumer>
          {({ formData }) => (
            <HouseholdsInput village={(formData.areaCode as string | undefined) ?? undefined} />
          )}
        </FormDataConsumer>
        <TextInput
          source="description"
          multiline
          minRows={3}
          fullWidth
          validate={maxLength(1000)}
        />
      </SimpleForm>
    </Create>
  );
}

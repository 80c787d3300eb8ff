import {
  ArrayInput,
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  ReferenceInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { AreaInput, EnumInput } from '../../../common/inputs';
import { InspectionFilesInput } from './InspectionFilesInput';

const f = (k: string) => `assessment.inspections.finding.${k}`;

/** 录入督查记录 — where and when, who inspected, each problem found, and photos. */
export default function InspectionCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          inspectedOn: formatDay(new Date().toISOString()),
          findings: [],
          photoFileIds: [],
        }}
      >
        <InputGrid min={280}>
          <ReferenceInput source="planId" reference="inspection-plans">
            <AutocompleteInput optionText="name" />
          </ReferenceInput>
          <AreaInput source="areaCode" validate={required()} />
          <DateInput source="inspectedOn" validate={required()} />
          <TextInput source="inspectorUnit" validate={[required(), maxLength(100)]} />
        </InputGrid>
        <TextInput
          source="inspectors"
          helperText="assessment.inspections.inspectors_hint"
          validate={required()}
          fullWidth
        />
        <TextInput source="summary" multiline fullWidth validate={maxLength(2000)} />
        <ArrayInput source="findings">
          <SimpleFormIterator inline disableReordering>
            <EnumInput
              source="check"
              name="InspectionCheck"
              label={f('check')}
              validate={required()}
            />
            <EnumInput
              source="severity"
              name="InspectionSeverity"
              label={f('severity')}
              validate={required()}
            />
            <TextInput
              source="text"
              label={f('text')}
              validate={[required(), maxLength(1000)]}
              sx={{ minWidth: 320 }}
            />
            <TextInput source="householdId" label={f('householdId')} />
          </SimpleFormIterator>
        </ArrayInput>
        <FormDataConsumer>
          {({ formData }) => (
            <InspectionFilesInput
              source="photoFileIds"
              label="resources.inspections.fields.photos"
              areaCode={typeof formData.areaCode === 'string' ? formData.areaCode : undefined}
            />
          )}
        </FormDataConsumer>
      </SimpleForm>
    </Create>
  );
}

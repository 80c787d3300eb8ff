import {
  AutocompleteArrayInput,
  NumberInput,
  ReferenceArrayInput,
  maxValue,
  minValue,
  required,
} from 'react-admin';

/**
 * What a year's target sets: households and people to exit, the poverty incidence to be at
 * or below (e.g. 1.5%), and the poor villages to exit — a number, the villages named, or both.
 */
export function ExitTargetInputs() {
  return (
    <>
      <NumberInput source="households" validate={[required(), minValue(0)]} />
      <NumberInput source="people" validate={minValue(0)} />
      <NumberInput source="incidencePercent" step={0.1} validate={[minValue(0), maxValue(100)]} />
      <NumberInput source="villages" validate={minValue(0)} />
      <ReferenceArrayInput
        source="villageCodes"
        reference="villages"
        filter={{ poorVillage: true }}
        sort={{ field: 'code', order: 'ASC' }}
        perPage={50}
      >
        <AutocompleteArrayInput
          label="resources.exit-targets.fields.villageCodes"
          optionText="name"
          filterToQuery={(q: string) => ({ q })}
        />
      </ReferenceArrayInput>
    </>
  );
}

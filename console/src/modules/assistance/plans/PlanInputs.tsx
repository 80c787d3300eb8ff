import {
  ArrayInput,
  BooleanInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { EnumArrayInput, YuanInput } from '../../../common/inputs';

const label = (f: string) => `resources.plans.fields.target.${f}`;

/** The plan's text and its yearly targets (income, guarantees, exit). */
export const PlanInputs = () => (
  <>
    <TextInput source="summary" multiline minRows={3} fullWidth validate={maxLength(4000)} />
    <ArrayInput source="targets">
      <SimpleFormIterator inline disableReordering>
        <NumberInput
          source="year"
          label={label('year')}
          validate={[required(), minValue(2000), maxValue(2100)]}
        />
        <YuanInput source="perCapitaIncomeFen" label={label('perCapitaIncomeFen')} />
        <EnumArrayInput source="guarantees" label={label('guarantees')} name="Guarantee" />
        <BooleanInput source="exit" label={label('exit')} />
        <TextInput source="note" label={label('note')} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

import { DateInput, NumberInput, TextInput, maxLength, required } from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { MEASURE_CATEGORIES } from '../codes';
import { HelperInput } from '../inputs';

/** A measure's facts (the household is chosen only when it is planned). */
export const MeasureInputs = () => (
  <>
    <InputGrid>
      <EnumInput
        source="category"
        name="MeasureCategory"
        codes={MEASURE_CATEGORIES}
        validate={required()}
      />
      <TextInput source="type" validate={[required(), maxLength(100)]} />
      <YuanInput source="amountFen" />
      <NumberInput source="quantity" />
      <TextInput source="unit" validate={maxLength(20)} />
      <DateInput source="startDate" />
      <DateInput source="endDate" />
      <HelperInput source="helperId" />
      <TextInput source="projectId" validate={maxLength(64)} />
    </InputGrid>
    <TextInput source="description" multiline minRows={2} fullWidth validate={maxLength(2000)} />
  </>
);

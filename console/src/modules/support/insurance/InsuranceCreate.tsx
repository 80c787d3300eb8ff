import { BooleanInput, Create, SimpleForm, required } from 'react-admin';
import { EnumInput } from '../../../common/inputs';
import { INSURANCE_KINDS, thisYear } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { PersonInput, YearInput } from '../SupportInputs';

/** 登记参保 — a person's enrollment (or not) in one insurance for a year. */
export default function InsuranceCreate() {
  return (
    <HalfGuard half="health">
      <Create redirect="list">
        <SimpleForm defaultValues={{ year: thisYear(), kind: 'basic_medical', enrolled: true }}>
          <PersonInput source="personId" validate={required()} />
          <YearInput source="year" validate={required()} />
          <EnumInput
            source="kind"
            name="InsuranceKind"
            codes={INSURANCE_KINDS}
            validate={required()}
          />
          <BooleanInput source="enrolled" />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}

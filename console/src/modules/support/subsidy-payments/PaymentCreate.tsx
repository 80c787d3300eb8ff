import {
  AutocompleteInput,
  Create,
  DateInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { currentTerm, SUBSIDY_TYPES, today, type Student } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { TermInput } from '../SupportInputs';

/**
 * 发放资助 — one subsidy to one student enrolled in the term; left empty, the amount is the
 * standard of the student's stage. A student gets each subsidy once per term.
 */
export default function PaymentCreate() {
  return (
    <HalfGuard half="education">
      <Create redirect="list">
        <SimpleForm
          defaultValues={{ term: currentTerm(), paidOn: today(), department: '县教育局' }}
        >
          <ReferenceInput
            source="studentId"
            reference="support-students"
            sort={{ field: 'name', order: 'ASC' }}
          >
            <AutocompleteInput
              optionText={(s: Student) => `${s.name}（${s.school}）`}
              filterToQuery={(q: string) => (q.trim() ? { q: q.trim() } : {})}
              validate={required()}
              sx={{ minWidth: 320 }}
            />
          </ReferenceInput>
          <EnumInput source="type" name="SubsidyType" codes={SUBSIDY_TYPES} validate={required()} />
          <TermInput source="term" validate={required()} />
          <YuanInput
            source="amountFen"
            label="resources.support-subsidy-payments.amount_or_standard"
          />
          <DateInput source="paidOn" validate={required()} />
          <TextInput source="department" validate={[required(), maxLength(50)]} />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}

import {
  Create,
  DateInput,
  NumberInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput, enumChoices, YuanInput } from '../../../common/inputs';
import { LOAN_INTERVALS, LOAN_KINDS, REPAYMENT_METHODS } from '../codes';
import { BorrowerInput, RegisteredHouseholdInput } from './LoanInputs';

const percent = [number(), minValue(0), maxValue(50)];

/**
 * 登记贷款 — a loan to a registered household's member; rates are typed in percent (the API
 * keeps basis points) and the principal in yuan. The service computes the schedule.
 */
export default function LoanCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          kind: 'micro_credit',
          repayment: 'bullet',
          intervalMonths: 12,
          termMonths: 36,
          discountPercent: 0,
          startOn: formatDay(new Date().toISOString()),
        }}
      >
        <InputGrid min={280}>
          <TextInput source="contractNo" validate={[required(), maxLength(60)]} />
          <EnumInput source="kind" name="LoanKind" codes={LOAN_KINDS} validate={required()} />
          <RegisteredHouseholdInput source="householdId" validate={required()} />
          <BorrowerInput
            householdSource="householdId"
            source="borrowerMemberId"
            validate={required()}
          />
          <TextInput source="lender" validate={[required(), maxLength(100)]} />
          <YuanInput source="principalFen" validate={required()} />
          <NumberInput
            source="termMonths"
            step={1}
            validate={[required(), minValue(1), maxValue(120)]}
          />
          <SelectInput
            source="intervalMonths"
            choices={enumChoices('LoanInterval', LOAN_INTERVALS.map(String)).map((c) => ({
              ...c,
              id: Number(c.id),
            }))}
            validate={required()}
          />
          <NumberInput source="annualRatePercent" step={0.01} validate={[required(), ...percent]} />
          <NumberInput source="discountPercent" step={0.01} validate={percent} />
          <EnumInput
            source="repayment"
            name="RepaymentMethod"
            codes={REPAYMENT_METHODS}
            validate={required()}
          />
          <DateInput source="startOn" validate={required()} />
          <TextInput
            source="guarantor.name"
            label="resources.loans.fields.guarantorName"
            validate={[required(), maxLength(50)]}
          />
          <TextInput
            source="guarantor.phone"
            label="resources.loans.fields.guarantorPhone"
            validate={maxLength(20)}
          />
          <TextInput
            source="guarantor.role"
            label="resources.loans.fields.guarantorRole"
            validate={maxLength(50)}
          />
        </InputGrid>
        <TextInput source="purpose" fullWidth validate={[required(), maxLength(200)]} />
      </SimpleForm>
    </Create>
  );
}

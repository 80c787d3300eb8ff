import {
  AutocompleteInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  required,
} from 'react-admin';
import { formatDay, formatYuan } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput } from '../../../common/inputs';
import { NOTICE_KINDS } from '../codes';
import type { Disbursement } from '../funds.api';
import { ProjectInput } from '../inputs';

export default function NoticeCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          kind: 'project',
          periodDays: 7,
          startsOn: formatDay(new Date().toISOString()),
        }}
      >
        <InputGrid min={280}>
          <EnumInput source="kind" name="NoticeKind" codes={NOTICE_KINDS} validate={required()} />
          <FormDataConsumer>
            {({ formData }) =>
              formData.kind === 'payment_list' ? (
                <ReferenceInput
                  source="disbursementId"
                  reference="disbursements"
                  sort={{ field: 'submittedAt', order: 'DESC' }}
                  filter={{ payeeKind: 'households' }}
                >
                  <AutocompleteInput
                    validate={required()}
                    optionText={(d: Disbursement) =>
                      `${d.projectCode ?? ''} ${d.purpose ?? ''} ${formatYuan(d.amountFen)}`
                    }
                  />
                </ReferenceInput>
              ) : (
                <ProjectInput source="projectId" validate={required()} />
              )
            }
          </FormDataConsumer>
          <TextInput source="issuer" validate={[required(), maxLength(100)]} />
          <NumberInput source="periodDays" validate={[minValue(5), maxValue(30)]} />
          <DateInput source="startsOn" />
          <TextInput source="supervisionPhone" validate={maxLength(30)} />
        </InputGrid>
      </SimpleForm>
    </Create>
  );
}

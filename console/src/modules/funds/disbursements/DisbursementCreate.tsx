import { Create, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { PAYEE_KINDS, SOURCES } from '../codes';
import { FUNDABLE, ProjectInput } from '../inputs';
import { VoucherInput } from './VoucherInput';

export default function DisbursementCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ payeeKind: 'contractor', voucherFileIds: [] }}>
        <InputGrid min={280}>
          <ProjectInput source="projectId" statuses={FUNDABLE} validate={required()} />
          <EnumInput source="source" name="FundingSource" codes={SOURCES} validate={required()} />
          <YuanInput source="amountFen" validate={required()} />
          <EnumInput
            source="payeeKind"
            name="PayeeKind"
            codes={PAYEE_KINDS}
            validate={required()}
          />
          <TextInput
            source="payee.name"
            label="resources.disbursements.fields.payeeName"
            validate={maxLength(100)}
          />
          <TextInput
            source="payee.bankAccount"
            label="resources.disbursements.fields.payeeAccount"
            validate={maxLength(40)}
          />
        </InputGrid>
        <TextInput source="purpose" fullWidth validate={[required(), maxLength(500)]} />
        <VoucherInput source="voucherFileIds" />
      </SimpleForm>
    </Create>
  );
}

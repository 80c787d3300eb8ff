import {
  ArrayInput,
  Create,
  DateInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  maxLength,
  required,
} from 'react-admin';
import { formatDay } from '../../../common/format';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { SOURCES } from '../codes';
import { FUNDABLE, ProjectInput } from '../inputs';

const a = (f: string) => `resources.batches.fields.allocation.${f}`;

export default function BatchCreate() {
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{ issuedOn: formatDay(new Date().toISOString()), allocations: [] }}
      >
        <InputGrid>
          <TextInput source="documentNo" validate={[required(), maxLength(100)]} />
          <TextInput source="title" validate={[required(), maxLength(200)]} />
          <EnumInput source="source" name="FundingSource" codes={SOURCES} validate={required()} />
          <YuanInput source="amountFen" validate={required()} />
          <DateInput source="issuedOn" validate={required()} />
          <TextInput source="issuer" />
        </InputGrid>
        <ArrayInput source="allocations">
          <SimpleFormIterator inline disableReordering>
            <ProjectInput
              source="projectId"
              label={a('projectId')}
              statuses={FUNDABLE}
              validate={required()}
              sx={{ minWidth: 320 }}
            />
            <YuanInput source="amountFen" label={a('amountFen')} validate={required()} />
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}

import { Create, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { InputGrid } from '../../../common/InputGrid';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { SOURCES } from '../codes';
import { FUNDABLE, ProjectInput } from '../inputs';

const notSameProject = (to: unknown, values: Record<string, unknown>) =>
  to && to === values.fromProjectId ? 'resources.transfers.same_project' : undefined;

/** 申请调剂 — the amount (typed in yuan) moves between two projects once a second person approves. */
export default function TransferCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <InputGrid min={320}>
          <ProjectInput source="fromProjectId" statuses={FUNDABLE} validate={required()} />
          <ProjectInput
            source="toProjectId"
            statuses={FUNDABLE}
            validate={[required(), notSameProject]}
          />
          <EnumInput source="source" name="FundingSource" codes={SOURCES} validate={required()} />
          <YuanInput source="amountFen" validate={required()} />
          <TextInput source="documentNo" validate={maxLength(100)} />
        </InputGrid>
        <TextInput
          source="reason"
          fullWidth
          multiline
          minRows={2}
          validate={[required(), maxLength(500)]}
        />
      </SimpleForm>
    </Create>
  );
}

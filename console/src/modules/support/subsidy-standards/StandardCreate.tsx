import { Create, SimpleForm, TextInput, maxLength, required } from 'react-admin';
import { EnumInput, YuanInput } from '../../../common/inputs';
import { currentTerm, SCHOOL_STAGES, SUBSIDY_TYPES } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { TermInput } from '../SupportInputs';

/** 设定资助标准 — the amount each student of the stage gets from the term on. */
export default function StandardCreate() {
  return (
    <HalfGuard half="education">
      <Create redirect="list">
        <SimpleForm defaultValues={{ fromTerm: currentTerm() }}>
          <EnumInput source="type" name="SubsidyType" codes={SUBSIDY_TYPES} validate={required()} />
          <EnumInput
            source="stage"
            name="SchoolStage"
            codes={SCHOOL_STAGES}
            validate={required()}
          />
          <TermInput source="fromTerm" validate={required()} />
          <YuanInput source="amountFen" validate={required()} />
          <TextInput source="note" validate={maxLength(200)} sx={{ minWidth: 320 }} />
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}

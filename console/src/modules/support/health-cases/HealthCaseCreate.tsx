import { Create, SimpleForm, required } from 'react-admin';
import { today } from '../support.api';
import { HalfGuard } from '../SupportFields';
import { PersonInput } from '../SupportInputs';
import { caseInput } from './CaseFields';
import { useHealthCaseKind } from './useHealthCaseKind';

/** 签约 or 纳入 — a registered person's case taken on from a day (today unless told). */
export default function HealthCaseCreate() {
  const kind = useHealthCaseKind();
  return (
    <HalfGuard half="health">
      <Create redirect="show">
        <SimpleForm defaultValues={{ [kind.startedOn]: today() }}>
          <PersonInput source="personId" validate={required()} />
          {kind.create.map((source) => caseInput(kind, source))}
        </SimpleForm>
      </Create>
    </HalfGuard>
  );
}

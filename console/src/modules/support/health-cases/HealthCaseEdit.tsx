import { Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { HalfGuard } from '../SupportFields';
import { caseInput } from './CaseFields';
import { useHealthCaseKind } from './useHealthCaseKind';

/** 修改, 解约 or 结案 — correct the case, or end it on a day. */
export default function HealthCaseEdit() {
  const kind = useHealthCaseKind();
  return (
    <HalfGuard half="health">
      <Edit mutationMode="pessimistic" redirect="show">
        <SimpleForm>
          <Labeled>
            <TextField source="name" />
          </Labeled>
          {kind.edit.map((source) => caseInput(kind, source))}
        </SimpleForm>
      </Edit>
    </HalfGuard>
  );
}

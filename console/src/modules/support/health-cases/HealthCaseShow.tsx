import { EditButton, Show, SimpleShowLayout, TopToolbar } from 'react-admin';
import { HalfGuard } from '../SupportFields';
import { caseField } from './CaseFields';
import { useHealthCaseKind } from './useHealthCaseKind';

export default function HealthCaseShow() {
  const kind = useHealthCaseKind();
  return (
    <HalfGuard half="health">
      <Show
        actions={
          <TopToolbar>
            <EditButton />
          </TopToolbar>
        }
      >
        <SimpleShowLayout>{kind.show.map((source) => caseField(kind, source))}</SimpleShowLayout>
      </Show>
    </HalfGuard>
  );
}

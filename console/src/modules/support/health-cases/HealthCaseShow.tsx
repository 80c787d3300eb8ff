import { EditButton, SimpleShowLayout, TopToolbar } from 'react-admin';
import { Show } from '../../../common/Show';
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

import { NumberField, ReferenceField, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, YesNoField } from '../../../common/fields';
import { ReceiptButton } from '../receipts/ReceiptButton';
import { VisitPhotos } from './VisitPhotos';

export default function VisitShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ReceiptButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="householdId" reference="assistance-households" link="show">
          <TextField source="householdNo" />
        </ReferenceField>
        <AreaField source="areaCode" />
        <ReferenceField source="helperId" reference="helpers" link="show">
          <TextField source="name" />
        </ReferenceField>
        <DayField source="date" />
        <TextField source="findings" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="actions" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="nextSteps" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField
          source="location.address"
          label="resources.visits.fields.address"
          emptyText="—"
        />
        <VisitPhotos />
        <DateTimeField source="recordedAt" />
        <NumberField source="entryDelayDays" emptyText="—" />
        <YesNoField source="lateEntry" />
      </SimpleShowLayout>
    </Show>
  );
}

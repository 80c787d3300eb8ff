import {
  ChipField,
  NumberField,
  ReferenceArrayField,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { DateTimeField, DayField, EnumArrayField, EnumField } from '../../../common/fields';
import { HistoryTable } from './HistoryTable';

export default function PlanShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EnumField source="cadence" name="InspectionCadence" />
        <ReferenceArrayField source="areas" reference="areas">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
        <EnumArrayField source="checks" name="InspectionCheck" />
        <TextField source="inspectorUnit" />
        <DayField source="startsOn" />
        <DayField source="endsOn" />
        <TextField source="note" emptyText="—" />
        <NumberField source="revision" />
        <DateTimeField source="createdAt" />
        <HistoryTable />
      </SimpleShowLayout>
    </Show>
  );
}

import { NumberField, SimpleShowLayout, TextField } from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';
import {
  AuditActorField,
  AuditChangeField,
  AuditReasonField,
  AuditSubjectFieldsField,
} from './AuditFields';

export default function AuditShow() {
  return (
    <Show actions={false}>
      <SimpleShowLayout>
        <DateTimeField source="at" />
        <EnumField source="service" name="Service" />
        <EnumField source="action" name="AuditAction" />
        <AuditActorField source="actorName" />
        <TextField source="actorId" />
        <AreaField source="actorArea" />
        <EnumField source="subjectType" name="SubjectType" />
        <TextField source="subjectIds" emptyText="—" />
        <AuditSubjectFieldsField source="fields" />
        <AuditReasonField source="reason" />
        <AuditChangeField source="change" />
        <NumberField source="count" />
        <TextField source="requestId" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}

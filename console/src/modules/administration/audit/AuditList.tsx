import { DataTable, DateInput, List, TextInput } from 'react-admin';
import { AreaField, DateTimeField, EnumField } from '../../../common/fields';
import { EnumArrayInput, EnumInput } from '../../../common/inputs';
import { AUDIT_ACTIONS, SERVICES } from './codes';
import { AuditChains } from './AuditChains';
import { AuditActorField, AuditReasonField } from './AuditFields';

const filters = [
  <EnumArrayInput
    key="action"
    source="action"
    name="AuditAction"
    codes={AUDIT_ACTIONS}
    alwaysOn
    sx={{ minWidth: 220 }}
  />,
  <EnumInput key="service" source="service" name="Service" codes={SERVICES} alwaysOn />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
  <TextInput key="actorId" source="actorId" />,
  <TextInput key="subjectType" source="subjectType" />,
  <TextInput key="subjectId" source="subjectId" />,
];

/**
 * 审计日志查询 — newest first, searchable by action, service, actor, subject and dates; above it
 * each service's audit chain as verified when the page opened.
 */
export default function AuditList() {
  return (
    <>
      <AuditChains />
      <List sort={{ field: 'at', order: 'DESC' }} filters={filters} exporter={false}>
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="at">
            <DateTimeField source="at" />
          </DataTable.Col>
          <DataTable.Col source="service">
            <EnumField source="service" name="Service" />
          </DataTable.Col>
          <DataTable.Col source="action">
            <EnumField source="action" name="AuditAction" chip />
          </DataTable.Col>
          <DataTable.Col source="actorName" disableSort>
            <AuditActorField source="actorName" />
          </DataTable.Col>
          <DataTable.Col source="actorArea" disableSort>
            <AreaField source="actorArea" />
          </DataTable.Col>
          <DataTable.Col source="subjectType" disableSort>
            <EnumField source="subjectType" name="SubjectType" />
          </DataTable.Col>
          <DataTable.NumberCol source="count" disableSort />
          <DataTable.Col source="reason" disableSort>
            <AuditReasonField source="reason" />
          </DataTable.Col>
        </DataTable>
      </List>
    </>
  );
}

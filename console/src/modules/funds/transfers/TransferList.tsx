import {
  CreateButton,
  DataTable,
  FilterButton,
  List,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { EnumInput } from '../../../common/inputs';
import { useCalls } from '../../calls';
import { TRANSFER_STATUSES } from '../codes';
import { DecisionButtons } from '../DecisionButtons';
import type { Transfer } from '../funds.api';
import { ProjectInput } from '../inputs';

const filters = [
  <EnumInput
    key="status"
    source="status"
    name="TransferStatus"
    codes={TRANSFER_STATUSES}
    alwaysOn
  />,
  <ProjectInput key="projectId" source="projectId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** 审批 / 退回 in the transfer's row, while it waits for a second person. */
function Decision() {
  const calls = useCalls();
  const t = useRecordContext<Transfer>();
  if (!t) return null;
  return (
    <DecisionButtons
      messages="resources.transfers"
      pending={t.status === 'requested'}
      approve={() => calls.fundsApproveTransfer(t.id)}
      reasonLabel="resources.transfers.reject_reason"
      reject={(reason) => calls.fundsRejectTransfer(t.id, reason)}
    />
  );
}

export default function TransferList() {
  return (
    <List sort={{ field: 'requestedAt', order: 'DESC' }} filters={filters} actions={<Actions />}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="fromProjectCode" disableSort />
        <DataTable.Col source="toProjectCode" disableSort />
        <DataTable.Col source="source" disableSort>
          <EnumField source="source" name="FundingSource" />
        </DataTable.Col>
        <DataTable.Col source="amountFen" align="right">
          <YuanField source="amountFen" />
        </DataTable.Col>
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="documentNo" disableSort>
          <TextField source="documentNo" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col
          source="requestedBy.name"
          label="resources.transfers.fields.requestedBy"
          disableSort
        />
        <DataTable.Col source="requestedAt">
          <DateTimeField source="requestedAt" />
        </DataTable.Col>
        <DataTable.Col
          source="decidedBy.name"
          label="resources.transfers.fields.decidedBy"
          disableSort
        >
          <TextField source="decidedBy.name" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="executedOn" disableSort>
          <DayField source="executedOn" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <EnumField source="status" name="TransferStatus" chip />
        </DataTable.Col>
        <DataTable.Col label="resources.transfers.fields.decision" disableSort>
          <Decision />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

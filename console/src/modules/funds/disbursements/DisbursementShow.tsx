import DownloadIcon from '@mui/icons-material/Download';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import {
  Button,
  DateInput,
  Labeled,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { DecisionButtons } from '../DecisionButtons';
import type { Disbursement } from '../funds.api';

function Vouchers() {
  const calls = useCalls();
  const d = useRecordContext<Disbursement>();
  const notifyProblem = useNotifyProblem();
  return (
    <Labeled label="resources.disbursements.fields.vouchers">
      <div>
        <Table size="small" sx={{ maxWidth: 720 }} data-testid="voucher-list">
          <TableBody>
            {(d?.vouchers ?? []).map((v) => (
              <TableRow key={v.fileId}>
                <TableCell>{v.fileName}</TableCell>
                <TableCell>
                  <Button
                    label="resources.disbursements.voucher.download"
                    onClick={() =>
                      calls
                        .fundsDownload(v.fileId ?? '', v.fileName ?? 'voucher')
                        .catch(notifyProblem)
                    }
                  >
                    <DownloadIcon />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {d?.vouchers?.length ? null : <span>—</span>}
      </div>
    </Labeled>
  );
}

/** 审批 (with the day it is paid) and 退回 — for a payment awaiting approval. */
function Decision() {
  const calls = useCalls();
  const d = useRecordContext<Disbursement>();
  if (!d) return null;
  return (
    <DecisionButtons
      messages="resources.disbursements"
      pending={d.status === 'submitted'}
      approveDefaults={{ paidOn: formatDay(new Date().toISOString()) }}
      approveInputs={<DateInput source="paidOn" label="resources.disbursements.fields.paidOn" />}
      approve={(v) =>
        calls.fundsApproveDisbursement(
          d.id,
          typeof v.paidOn === 'string' && v.paidOn ? v.paidOn : undefined,
        )
      }
      reasonLabel="resources.disbursements.fields.rejectionReason"
      reject={(reason) => calls.fundsRejectDisbursement(d.id, reason)}
    />
  );
}

export default function DisbursementShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <Decision />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <ReferenceField source="projectId" reference="projects" link="show">
          <TextField source="code" />
        </ReferenceField>
        <TextField source="projectName" emptyText="—" />
        <AreaField source="areaCode" />
        <EnumField source="source" name="FundingSource" />
        <YuanField source="amountFen" />
        <TextField source="purpose" />
        <EnumField source="payeeKind" name="PayeeKind" />
        <TextField
          source="payee.name"
          label="resources.disbursements.fields.payeeName"
          emptyText="—"
        />
        <TextField
          source="payee.bankAccount"
          label="resources.disbursements.fields.payeeAccount"
          emptyText="—"
        />
        <Vouchers />
        <EnumField source="status" name="DisbursementStatus" chip />
        <TextField source="submittedBy.name" label="resources.disbursements.fields.submittedBy" />
        <DateTimeField source="submittedAt" />
        <DateTimeField source="decidedAt" />
        <DayField source="paidOn" />
        <TextField source="rejectionReason" emptyText="—" />
      </SimpleShowLayout>
    </Show>
  );
}

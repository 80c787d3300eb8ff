import CheckIcon from '@mui/icons-material/Check';
import DownloadIcon from '@mui/icons-material/Download';
import UndoIcon from '@mui/icons-material/Undo';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useState } from 'react';
import {
  Button,
  DateInput,
  Form,
  Labeled,
  ReferenceField,
  SaveButton,
  Show,
  SimpleShowLayout,
  TextField,
  Toolbar,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { AreaField, DateTimeField, DayField, EnumField, YuanField } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { ReasonDialog } from '../../../common/ReasonDialog';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { type Disbursement, fundsCalls } from '../funds.api';

function Vouchers() {
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
                      fundsCalls
                        .download(v.fileId ?? '', v.fileName ?? 'voucher')
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

/** 审批 and 退回 — for a user with the approve right, on a payment awaiting approval. */
function Decision() {
  const translate = useTranslate();
  const d = useRecordContext<Disbursement>();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  if (!d || d.status !== 'submitted' || !hasRight(permissions, 'funds', 'approve')) return null;
  return (
    <>
      <Button label="resources.disbursements.approve" onClick={() => setApproving(true)}>
        <CheckIcon />
      </Button>
      <Button label="resources.disbursements.reject" onClick={() => setRejecting(true)}>
        <UndoIcon />
      </Button>
      <Dialog open={approving} onClose={() => setApproving(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.disbursements.approve_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.disbursements.approve_hint')}</DialogContentText>
          <Form
            record={{ paidOn: formatDay(new Date().toISOString()) }}
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await fundsCalls.approveDisbursement(
                  d.id,
                  typeof v.paidOn === 'string' && v.paidOn ? v.paidOn : undefined,
                );
                notify('resources.disbursements.approved', { type: 'info' });
                setApproving(false);
                refresh();
              } catch (e) {
                notifyProblem(e);
              }
            }}
          >
            <DateInput source="paidOn" label="resources.disbursements.fields.paidOn" />
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label="resources.disbursements.approve" alwaysEnable />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
      <ReasonDialog
        open={rejecting}
        title={translate('resources.disbursements.reject_title')}
        hint={translate('resources.disbursements.reject_hint')}
        reasonLabel={translate('resources.disbursements.fields.rejectionReason')}
        confirmLabel={translate('resources.disbursements.reject')}
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => {
          fundsCalls.rejectDisbursement(d.id, reason).then(
            () => {
              notify('resources.disbursements.rejected', { type: 'info' });
              setRejecting(false);
              refresh();
            },
            (e: unknown) => notifyProblem(e),
          );
        }}
      />
    </>
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

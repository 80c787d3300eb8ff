import FactCheckIcon from '@mui/icons-material/FactCheck';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import {
  Button,
  Form,
  FunctionField,
  RadioButtonGroupInput,
  ReferenceField,
  SaveButton,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
  required,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { AreaField, DateTimeField, EnumField, YuanField } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import { enumChoices } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { useNotifyProblem } from '../../../providers/problem';
import { FINDING_OUTCOMES } from '../codes';
import { type Finding, type FindingOutcome, fundsCalls } from '../funds.api';
import { FindingEvidence } from './FindingEvidence';
import { FindingSummaryField } from './FindingSummaryField';

interface Resolution {
  outcome?: FindingOutcome;
  note?: string;
  by?: string;
  at?: string;
}

const r = (k: string) => `resources.fund-findings.resolution.${k}`;

/**
 * 核实 — a person other than the one whose action raised the finding confirms it as misuse
 * or dismisses it, with the conclusion (核实结论) written down.
 */
function ResolveButton() {
  const translate = useTranslate();
  const f = useRecordContext<Finding>();
  const { permissions } = usePermissions<Permissions>();
  const notify = useNotify();
  const notifyProblem = useNotifyProblem();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!f || f.status !== 'open' || !hasRight(permissions, 'funds', 'approve')) return null;
  return (
    <>
      <Button label="resources.fund-findings.resolve" onClick={() => setOpen(true)}>
        <FactCheckIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('resources.fund-findings.resolve_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('resources.fund-findings.resolve_hint')}</DialogContentText>
          <Form
            onSubmit={async (v: Record<string, unknown>) => {
              try {
                await fundsCalls.resolveFinding(f.id, {
                  outcome: v.outcome as FindingOutcome,
                  note: String(v.note).trim(),
                });
                notify('resources.fund-findings.resolved', { type: 'info' });
                setOpen(false);
                refresh();
              } catch (e) {
                notifyProblem(e);
              }
            }}
          >
            <RadioButtonGroupInput
              source="outcome"
              label={r('outcome')}
              choices={enumChoices('FindingOutcome', FINDING_OUTCOMES)}
              validate={required()}
            />
            <TextInput
              source="note"
              label={r('note')}
              fullWidth
              multiline
              minRows={3}
              validate={[required(), maxLength(1000)]}
            />
            <Toolbar sx={{ justifyContent: 'flex-end', px: 0 }}>
              <SaveButton label="resources.fund-findings.resolve" icon={<FactCheckIcon />} />
            </Toolbar>
          </Form>
        </DialogContent>
      </Dialog>
    </>
  );
}

export default function FindingShow() {
  const translate = useTranslate();
  return (
    <Show
      actions={
        <TopToolbar>
          <ResolveButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <EnumField source="kind" name="FindingKind" />
        <EnumField source="status" name="FindingStatus" chip />
        <FindingSummaryField source="summary" label="resources.fund-findings.fields.summary" />
        <ReferenceField source="projectId" reference="projects" link="show" emptyText="—">
          <TextField source="code" />
        </ReferenceField>
        <ReferenceField source="disbursementId" reference="disbursements" link="show" emptyText="—">
          <TextField source="purpose" />
        </ReferenceField>
        <AreaField source="areaCode" />
        <YuanField source="amountFen" />
        <DateTimeField source="detectedAt" />
        <FindingEvidence />
        <FunctionField
          source="resolution"
          render={(f: Finding) => {
            const res = (f.resolution ?? null) as Resolution | null;
            if (!res) return '—';
            return (
              <span data-testid="finding-resolution">
                {translate(`enums.FindingOutcome.${res.outcome ?? ''}`, { _: '—' })}
                {'：'}
                {res.note ?? ''}
                {'（'}
                {translate(r('by'), { by: res.by ?? '', at: formatDateTime(res.at) })}
                {'）'}
              </span>
            );
          }}
        />
      </SimpleShowLayout>
    </Show>
  );
}

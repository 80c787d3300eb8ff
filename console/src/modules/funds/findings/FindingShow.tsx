import FactCheckIcon from '@mui/icons-material/FactCheck';
import {
  FunctionField,
  RadioButtonGroupInput,
  ReferenceField,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, EnumField, YuanField } from '../../../common/fields';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDateTime } from '../../../common/format';
import { enumChoices } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { FINDING_OUTCOMES } from '../codes';
import { useCalls } from '../../calls';
import type { Finding, FindingOutcome } from '../funds.api';
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
  const calls = useCalls();
  if (!f || f.status !== 'open' || !hasRight(permissions, 'funds', 'approve')) return null;
  return (
    <FormDialogButton
      label="resources.fund-findings.resolve"
      title="resources.fund-findings.resolve_title"
      icon={<FactCheckIcon />}
      hint={translate('resources.fund-findings.resolve_hint')}
      done="resources.fund-findings.resolved"
      submitLabel="resources.fund-findings.resolve"
      submitIcon={<FactCheckIcon />}
      onSubmit={(v) =>
        calls.fundsResolveFinding(f.id, {
          outcome: v.outcome as FindingOutcome,
          note: String(v.note).trim(),
        })
      }
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
    </FormDialogButton>
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

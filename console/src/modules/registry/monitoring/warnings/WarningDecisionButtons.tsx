import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import { TextInput, required, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../../common/FormDialogButton';
import { EnumInput } from '../../../../common/inputs';
import { hasRight, type Permissions } from '../../../../providers/permissions';
import { useCalls } from '../../../calls';
import { lines, ReasonInput } from '../../households/StepOpinionInputs';
import { MONITORING_CATEGORIES } from '../codes';
import type { MonitoringCategory, MonitoringWarning } from '../monitoring.api';
import { EvidenceFilesInput, fileEntries } from './EvidenceFilesInput';

const l = (k: string) => `resources.monitoring-warnings.${k}`;

/** A dismissal needs a reference typed or a file uploaded. */
const someEvidence = (v: unknown, all: { files?: unknown }) =>
  lines(v).length > 0 || fileEntries(all?.files).length > 0
    ? undefined
    : l('dismiss.evidence_required');

/** What a decision names as evidence: the references typed, then the files uploaded. */
const evidenceOf = (v: Record<string, unknown>) => [...lines(v.evidence), ...fileEntries(v.files)];

/** A field problem of `evidence.3` belongs to the evidence input. */
const inputOf = (path: string) => path.split('.')[0] ?? path;

/**
 * 确认纳入监测 / 排除预警 — for users with the registry's write right, on an open warning only.
 * Confirming opens the household's monitoring-entry workflow in the category chosen (the
 * suggested one by default); a refusal of that workflow lists its reasons in the dialog.
 */
export function WarningDecisionButtons() {
  const translate = useTranslate();
  const w = useRecordContext<MonitoringWarning>();
  const { permissions } = usePermissions<Permissions>();
  const calls = useCalls();
  if (!w || w.status !== 'open' || !hasRight(permissions, 'registry', 'write')) return null;
  const suggested = translate(`enums.MonitoringCategory.${w.suggestedCategory}`);
  return (
    <>
      <FormDialogButton
        label={l('confirm.button')}
        hint={translate(l('confirm.hint'))}
        icon={<CheckIcon />}
        variant="contained"
        record={{ category: w.suggestedCategory }}
        submitLabel={l('confirm.button')}
        alwaysEnable
        listRefusals
        fieldOf={inputOf}
        done={l('confirm.done')}
        onSubmit={(v) =>
          calls.monitoringWarningConfirm(w.id, {
            reason: String(v.reason ?? '').trim(),
            evidence: evidenceOf(v),
            category: v.category as MonitoringCategory,
          })
        }
      >
        <ReasonInput label={l('confirm.reason')} />
        <TextInput
          source="evidence"
          label={l('confirm.evidence')}
          multiline
          minRows={2}
          fullWidth
        />
        <EvidenceFilesInput warningId={w.id} source="files" />
        <EnumInput
          source="category"
          name="MonitoringCategory"
          codes={MONITORING_CATEGORIES}
          label={l('confirm.category')}
          helperText={translate(l('confirm.suggested'), { category: suggested })}
          validate={required()}
          fullWidth
        />
      </FormDialogButton>
      <FormDialogButton
        label={l('dismiss.button')}
        hint={translate(l('dismiss.hint'))}
        icon={<CloseIcon />}
        color="error"
        submitLabel={l('dismiss.button')}
        fieldOf={inputOf}
        done={l('dismiss.done')}
        onSubmit={(v) =>
          calls.monitoringWarningDismiss(w.id, {
            reason: String(v.reason ?? '').trim(),
            evidence: evidenceOf(v),
          })
        }
      >
        <ReasonInput label={l('dismiss.reason')} />
        <TextInput
          source="evidence"
          label={l('dismiss.evidence')}
          multiline
          minRows={2}
          fullWidth
          validate={someEvidence}
        />
        <EvidenceFilesInput warningId={w.id} source="files" />
      </FormDialogButton>
    </>
  );
}

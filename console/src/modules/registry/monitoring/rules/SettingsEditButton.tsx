import EditIcon from '@mui/icons-material/Edit';
import { required, useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../../common/FormDialogButton';
import { YuanInput } from '../../../../common/inputs';
import { useCalls } from '../../../calls';
import { ReasonInput } from '../../households/StepOpinionInputs';
import type { MonitoringSettings } from '../monitoring.api';

const l = (k: string) => `monitoring.rules.edit.${k}`;

/**
 * 调整阈值 — the county poverty office sets the year's monitoring line (empty: 1.5 × the poverty
 * line) and medical threshold, with the reason the audit log keeps.
 */
export function SettingsEditButton({
  settings,
  onSaved,
}: {
  settings: MonitoringSettings;
  onSaved: (next: MonitoringSettings) => void;
}) {
  const translate = useTranslate();
  const calls = useCalls();
  return (
    <FormDialogButton<MonitoringSettings>
      label={l('button')}
      title={l('title')}
      titleArgs={{ year: settings.year }}
      hint={translate(l('hint'))}
      icon={<EditIcon />}
      variant="outlined"
      record={{
        monitoringLineFen:
          settings.monitoringLineSource === 'setting' ? settings.monitoringLineFen : null,
        medicalThresholdFen: settings.medicalThresholdFen,
      }}
      done={l('done')}
      onSubmit={async (v) => {
        const next = await calls.monitoringSettingsSet(settings.year, {
          monitoringLineFen: typeof v.monitoringLineFen === 'number' ? v.monitoringLineFen : null,
          medicalThresholdFen: Number(v.medicalThresholdFen),
          reason: String(v.reason ?? '').trim(),
        });
        onSaved(next);
        return next;
      }}
    >
      <YuanInput source="monitoringLineFen" label={l('monitoring_line')} fullWidth />
      <YuanInput
        source="medicalThresholdFen"
        label={l('medical_threshold')}
        validate={required()}
        fullWidth
      />
      <ReasonInput label={l('reason')} />
    </FormDialogButton>
  );
}

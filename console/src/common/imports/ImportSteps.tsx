import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslate } from 'react-admin';

const STEPS = ['step_template', 'step_upload', 'step_progress', 'step_report'] as const;

/**
 * Where an import stands: template → upload → progress → report, labelled by
 * `<messages>.step_*` (the import's own message group, e.g. `resources.imports.wizard`).
 */
export function ImportSteps({ active, messages }: { active: number; messages: string }) {
  const translate = useTranslate();
  return (
    <Stepper activeStep={active} sx={{ my: 2 }}>
      {STEPS.map((s) => (
        <Step key={s}>
          <StepLabel>{translate(`${messages}.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

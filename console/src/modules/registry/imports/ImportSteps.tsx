import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslate } from 'react-admin';

const STEPS = ['step_template', 'step_upload', 'step_progress', 'step_report'] as const;

/** Where the import stands: template → upload → progress → report. */
export function ImportSteps({ active }: { active: number }) {
  const translate = useTranslate();
  return (
    <Stepper activeStep={active} sx={{ my: 2 }}>
      {STEPS.map((s) => (
        <Step key={s}>
          <StepLabel>{translate(`resources.imports.wizard.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

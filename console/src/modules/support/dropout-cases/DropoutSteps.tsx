import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useRecordContext, useTranslate } from 'react-admin';
import type { DropoutCase } from '../support.api';

const STEPS = ['opened', 'owner', 'follow_up', 'closed'] as const;

/** Where the case stands: opened → owner named → followed up → closed (销号). */
export function DropoutSteps() {
  const translate = useTranslate();
  const c = useRecordContext<DropoutCase>();
  if (!c) return null;
  const active = c.status === 'closed' ? 4 : c.followUps.length > 0 ? 3 : c.owner ? 2 : 1;
  return (
    <Stepper activeStep={active} sx={{ my: 2 }} data-testid="dropout-steps">
      {STEPS.map((s) => (
        <Step key={s}>
          <StepLabel>{translate(`resources.support-dropout-cases.steps.${s}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}

import Step from '@mui/material/Step';
import StepContent from '@mui/material/StepContent';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatDateTime } from './format';

/** A step a person took in a workflow: who, when, the opinion and the evidence. */
export interface TakenStep {
  action: string;
  at: string;
  actor: { name: string };
  reason: string;
  evidence: string[];
}

/**
 * A workflow's steps as a vertical timeline (识别、退出、清退、贫困村退出 …): each step in
 * order with who took it, when and why, what it checked, and — for the steps still to come —
 * what is waited for; the pending one stays open.
 */
export function StepTimeline<S extends TakenStep>({
  order,
  taken,
  pendingAction,
  label,
  checksOf,
  after,
}: {
  /** The steps of the workflow, in order. */
  order: readonly string[];
  /** The steps taken so far, in order (a rejection is not one of them: show it in `after`). */
  taken: S[];
  pendingAction?: string | null;
  /** A step's name in the current language. */
  label: (action: string) => string;
  /** What a taken step checked, shown under its opinion (nothing when it checked nothing). */
  checksOf?: (step: S) => ReactNode;
  /** Shown after the steps, inside the stepper (a rejection, say). */
  after?: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Stepper orientation="vertical" activeStep={taken.length}>
      {order.map((action, i) => {
        const step = taken[i];
        return (
          <Step
            key={action}
            completed={Boolean(step)}
            expanded={Boolean(step) || action === pendingAction}
          >
            <StepLabel
              optional={
                step ? (
                  <Typography variant="caption">
                    {translate('workflow.by', {
                      actor: step.actor.name,
                      date: formatDateTime(step.at),
                    })}
                  </Typography>
                ) : undefined
              }
            >
              {label(action)}
            </StepLabel>
            <StepContent>
              {step ? (
                <>
                  <Typography variant="body2">{step.reason}</Typography>
                  {step.evidence.length ? (
                    <Typography variant="caption" color="text.secondary">
                      {step.evidence.join('；')}
                    </Typography>
                  ) : null}
                  {checksOf?.(step) ?? null}
                </>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {translate('workflow.waiting', { action: label(action) })}
                </Typography>
              )}
            </StepContent>
          </Step>
        );
      })}
      {after}
    </Stepper>
  );
}

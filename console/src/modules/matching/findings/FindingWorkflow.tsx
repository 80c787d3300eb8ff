import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  FormDataConsumer,
  SelectInput,
  TextInput,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { EnumInput } from '../../../common/inputs';
import { hasRight, type Permissions } from '../../../providers/permissions';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { CONCLUSIONS, DISMISSAL_REASONS } from '../codes';
import type { Finding } from '../matching.api';
import { FindingDueButton } from './FindingDueButton';
import { REFUSED } from './FindingRegistryOutcome';

type Action = 'verify' | 'rectify' | 'review' | 'close';

/** The steps the finding's status offers (the service decides again, and may refuse). */
function offered(f: Finding): Action[] {
  switch (f.status) {
    case 'assigned':
      return ['verify'];
    case 'verified':
      return f.conclusion === 'confirmed' ? ['rectify'] : ['review'];
    case 'rectified':
      return ['review'];
    case 'reviewed':
      return ['close'];
    default:
      return [];
  }
}

const RIGHT: Record<Action, 'write' | 'approve'> = {
  verify: 'write',
  rectify: 'write',
  review: 'write',
  close: 'approve',
};

const l = (k: string) => `resources.matching-findings.workflow.${k}`;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** At least two characters once trimmed, else the message key `key`. */
const atLeastTwo = (key: string) => (v: unknown) => (text(v).length < 2 ? l(key) : undefined);

/**
 * The form's values as the step's body: a reason for a conclusion other than confirmed, and
 * for closing when the registry refused the change.
 */
function bodyOf(action: Action, v: Record<string, unknown>): Record<string, string> {
  const body: Record<string, string> = {};
  if (action === 'verify') body.conclusion = String(v.conclusion);
  if (action === 'verify' && v.conclusion !== 'confirmed') body.reason = text(v.reason);
  if (action === 'verify' && v.conclusion === 'not_confirmed')
    body.reasonCode = String(v.reasonCode);
  if (action === 'close' && text(v.reason)) body.reason = text(v.reason);
  if (text(v.note)) body.note = text(v.note);
  return body;
}

/**
 * What a step asks for: the conclusion (and why, unless confirmed) when verifying; the reason
 * when closing a finding whose registry change was refused; a note.
 */
function StepInputs({ action, closeReason }: { action: Action; closeReason: boolean }) {
  return (
    <>
      {action === 'close' && closeReason ? (
        <TextInput
          source="reason"
          label={l('close_reason')}
          helperText={l('close_reason_hint')}
          multiline
          minRows={2}
          fullWidth
          validate={atLeastTwo('reason_required')}
        />
      ) : null}
      {action === 'verify' ? (
        <>
          <EnumInput
            source="conclusion"
            name="MatchingConclusion"
            codes={CONCLUSIONS}
            label={l('conclusion')}
            validate={required()}
            fullWidth
          />
          <FormDataConsumer>
            {({ formData }) =>
              formData.conclusion === 'not_confirmed' ? (
                <SelectInput
                  source="reasonCode"
                  label={l('reason_code')}
                  choices={DISMISSAL_REASONS.map((id) => ({ id, name: l(`dismissal.${id}`) }))}
                  validate={required()}
                  fullWidth
                />
              ) : null
            }
          </FormDataConsumer>
          <FormDataConsumer>
            {({ formData }) =>
              formData.conclusion !== 'confirmed' ? (
                <TextInput
                  source="reason"
                  label={l('reason')}
                  multiline
                  minRows={2}
                  fullWidth
                  validate={atLeastTwo('reason_required')}
                />
              ) : null
            }
          </FormDataConsumer>
        </>
      ) : null}
      <TextInput
        source="note"
        label={l(action === 'rectify' ? 'rectification' : 'note')}
        multiline
        minRows={2}
        fullWidth
        validate={action === 'rectify' ? atLeastTwo('rectification_required') : undefined}
      />
    </>
  );
}

/**
 * 核实 / 整改 / 初审 / 复核销号 — the steps the finding's status and the user's rights allow.
 * When the service refuses a step (closing by the person who reviewed it: 双人复核), its
 * reason stays on the page until the next step.
 */
export function FindingWorkflow() {
  const translate = useTranslate();
  const f = useRecordContext<Finding>();
  const { permissions } = usePermissions<Permissions>();
  const calls = useCalls();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!f) return null;
  const actions = offered(f).filter((a) => hasRight(permissions, 'matching', RIGHT[a]));
  const closeReason = f.registryOutcome ? REFUSED.has(f.registryOutcome.outcome) : false;
  const t = (k: string, o?: object) => translate(l(k), o);

  return (
    <Box data-testid="finding-workflow" sx={{ my: 1 }}>
      {f.status === 'reviewed' && f.review?.name ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('awaiting_second', { name: f.review.name })}
        </Typography>
      ) : null}
      {f.status === 'closed' ? (
        <Alert severity="success">{t('closed_by', { name: f.closing?.name ?? '—' })}</Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: 1 }}>
        {actions.map((a) => (
          <FormDialogButton
            key={a}
            label={l(a)}
            title={l(`${a}_title`)}
            hint={t(a === 'close' && closeReason ? 'close_hint_refused' : `${a}_hint`)}
            variant="contained"
            color={a === 'close' ? 'secondary' : 'primary'}
            record={a === 'verify' ? { conclusion: 'confirmed' } : {}}
            submitLabel={l(a)}
            alwaysEnable
            done={l(`${a}_done`)}
            onSubmit={async (v) => {
              setRefusal(null);
              await calls.matchingFindingStep(f.id, a, bodyOf(a, v));
            }}
            onRefusal={(err) => {
              const p = problemOf(err);
              // A missing reason stays in the dialog, on its input.
              if (p?.errors?.some((e) => e.field === 'reason')) return false;
              setRefusal(p ? pick(p.message) : translate('ra.notification.http_error'));
              return true;
            }}
          >
            <StepInputs action={a} closeReason={closeReason} />
          </FormDialogButton>
        ))}
        <FindingDueButton />
      </Box>
      {refusal ? (
        <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="finding-refusal">
          {t('refused', { message: refusal })}
        </Alert>
      ) : null}
    </Box>
  );
}

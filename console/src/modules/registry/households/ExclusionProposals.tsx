import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { formatDateTime } from '../../../common/format';
import { useCalls } from '../../calls';
import type { ExclusionProposal } from './clearance.api';
import type { HouseholdWorkflows } from './household.api';
import { ReasonInput } from './StepOpinionInputs';

/** Confirm or dismiss one proposed exclusion, with the reason the history keeps. */
function DecideButton(props: {
  householdId: string;
  proposal: ExclusionProposal;
  decision: 'confirm' | 'dismiss';
  revision: number;
  onDecided: (next: HouseholdWorkflows) => void;
}) {
  const calls = useCalls();
  const translate = useTranslate();
  const flag = translate(`clearance.flags.${props.proposal.flag}`);
  return (
    <FormDialogButton
      label={`clearance.${props.decision}`}
      title={`clearance.${props.decision}_title`}
      titleArgs={{ flag }}
      icon={props.decision === 'confirm' ? <CheckIcon /> : <CloseIcon />}
      color={props.decision === 'dismiss' ? 'error' : undefined}
      done="clearance.decided"
      onSubmit={async (v) => {
        const next = await calls.householdDecideExclusion(
          props.householdId,
          props.proposal.findingId,
          {
            decision: props.decision,
            reason: String(v.reason ?? '').trim(),
            revision: props.revision,
          },
        );
        props.onDecided(next);
        return next;
      }}
    >
      <ReasonInput label="clearance.reason" />
    </FormDialogButton>
  );
}

/**
 * 比对提出的排除情形 — exclusion flags proposed from the household's matching findings (a car,
 * a business, a public employee, urban housing): each confirmed or dismissed by a person.
 */
export function ExclusionProposals(props: {
  householdId: string;
  proposals: ExclusionProposal[];
  revision: number;
  mayWrite: boolean;
  onDecided: (next: HouseholdWorkflows) => void;
}) {
  const translate = useTranslate();
  if (!props.proposals.length) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="exclusion-proposals">
      <Typography variant="subtitle1">{translate('clearance.proposals')}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('clearance.proposals_hint')}
      </Typography>
      {props.proposals.map((p) => (
        <Box
          key={p.findingId}
          sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}
        >
          <Typography variant="body2">{translate(`clearance.flags.${p.flag}`)}</Typography>
          <Chip
            size="small"
            color={
              p.status === 'confirmed' ? 'error' : p.status === 'dismissed' ? 'default' : 'warning'
            }
            label={translate(`clearance.status.${p.status}`)}
          />
          <Typography variant="caption" color="text.secondary">
            {translate('clearance.from_finding', {
              id: p.findingId,
              rule: p.rule,
              date: formatDateTime(p.proposedAt),
            })}
          </Typography>
          {p.reason ? (
            <Typography variant="caption">
              {translate('clearance.decided_by', {
                name: p.decidedBy?.name ?? '',
                reason: p.reason,
              })}
            </Typography>
          ) : null}
          {props.mayWrite && p.status === 'proposed' ? (
            <>
              {(['confirm', 'dismiss'] as const).map((d) => (
                <DecideButton
                  key={d}
                  householdId={props.householdId}
                  proposal={p}
                  decision={d}
                  revision={props.revision}
                  onDecided={props.onDecided}
                />
              ))}
            </>
          ) : null}
        </Box>
      ))}
    </Paper>
  );
}

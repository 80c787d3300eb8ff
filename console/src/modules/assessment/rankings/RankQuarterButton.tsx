import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import {
  NumberInput,
  SelectInput,
  required,
  usePermissions,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { FormDialogButton } from '../../../common/FormDialogButton';
import { hasRight, isCountyWide, type Permissions } from '../../../providers/permissions';
import { useCalls } from '../../calls';
import { lastClosedQuarter } from '../codes';

const QUARTERS = [1, 2, 3, 4].map((q) => ({ id: q }));

/**
 * 排名 — rank a closed quarter now instead of waiting for the quarterly job (county-wide users
 * with the approve right). The service computes and publishes it in the one request.
 */
export function RankQuarterButton() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Permissions>();
  const redirect = useRedirect();
  const calls = useCalls();
  if (!hasRight(permissions, 'assessment', 'approve') || !isCountyWide(permissions)) return null;
  const initial = lastClosedQuarter();
  return (
    <FormDialogButton
      label="assessment.rank.button"
      title="assessment.rank.title"
      icon={<LeaderboardIcon />}
      hint={translate('assessment.rank.hint')}
      maxWidth="xs"
      record={{ year: initial.year, quarter: initial.quarter }}
      submitLabel="assessment.rank.confirm"
      alwaysEnable
      onSubmit={async (v) => {
        const ranking = await calls.assessmentRankQuarter(Number(v.year), Number(v.quarter));
        redirect('show', 'rankings', ranking.id);
      }}
    >
      <NumberInput
        source="year"
        label="assessment.rank.year"
        validate={required()}
        sx={{ mr: 2, width: 120 }}
      />
      <SelectInput
        source="quarter"
        label="assessment.rank.quarter"
        choices={QUARTERS}
        optionText={(c: { id: number }) => translate('assessment.quarter_n', { quarter: c.id })}
        validate={required()}
        sx={{ width: 140 }}
      />
    </FormDialogButton>
  );
}

import Chip from '@mui/material/Chip';
import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/**
 * The head's name, and 户主待变更 beside it when the household has no head (its head's death
 * verified by matching): the name shown is then the first member's, not a head's.
 */
export function HeadNameField(_props: FieldProps) {
  const translate = useTranslate();
  const h = useRecordContext<{ headName?: string; headPending?: boolean }>();
  if (!h) return null;
  return (
    <span>
      {h.headName || '—'}
      {h.headPending ? (
        <Chip
          size="small"
          color="warning"
          sx={{ ml: 1 }}
          label={translate('headChange.pending_short')}
          data-testid="head-pending-chip"
        />
      ) : null}
    </span>
  );
}

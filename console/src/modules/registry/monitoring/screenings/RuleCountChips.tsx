import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { type FieldProps, useFieldValue, useTranslate } from 'react-admin';
import { formatCount } from '../../../../common/format';
import { ruleCounts, signalLabelKey } from '../rule-counts';

/**
 * A screening's per-rule counts (households it fired for, or could not judge for want of data)
 * as chips `收入低于监测线 3`, in the rule table's order.
 */
export function RuleCountChips(props: FieldProps & { source: string }) {
  const translate = useTranslate();
  const rows = ruleCounts(useFieldValue(props) as Parameters<typeof ruleCounts>[0]);
  if (rows.length === 0) return <Typography variant="body2">—</Typography>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {rows.map((r) => (
        <Chip
          key={r.code}
          size="small"
          variant="outlined"
          label={`${translate(signalLabelKey(r.code), { _: r.code })} ${formatCount(r.count)}`}
        />
      ))}
    </span>
  );
}

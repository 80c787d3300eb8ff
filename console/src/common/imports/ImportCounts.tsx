import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatCount } from '../format';

export interface ImportCountsProps<K extends string> {
  /** The import's counters (missing ones show as 0). */
  counts: Partial<Record<K, number | null>>;
  /** Which counters to show, in order. */
  keys: readonly K[];
  /** Where their labels are: `<fields>.<key>`. */
  fields: string;
  testId: string;
}

/** 导入统计 — an import's counters side by side: rows read, records created, rows rejected … */
export function ImportCounts<K extends string>({
  counts,
  keys,
  fields,
  testId,
}: ImportCountsProps<K>) {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }} data-testid={testId}>
      {keys.map((c) => (
        <Box key={c}>
          <Typography variant="caption" color="text.secondary">
            {translate(`${fields}.${c}`)}
          </Typography>
          <Typography variant="h6">{formatCount(counts[c] ?? 0)}</Typography>
        </Box>
      ))}
    </Box>
  );
}

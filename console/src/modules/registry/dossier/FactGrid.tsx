import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Cell, type CellFormat } from './SectionTable';

/** One labelled fact: a value formatted as a table cell would be, or drawn by the section. */
export interface Fact {
  label: string;
  value?: unknown;
  format?: CellFormat;
  node?: ReactNode;
}

/** Facts of one record (the household, a plan, the totals) as label and value, in columns. */
export function FactGrid({ facts, testId }: { facts: Fact[]; testId?: string }) {
  const translate = useTranslate();
  return (
    <Box
      data-testid={testId}
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        gap: 1.5,
        my: 1,
      }}
    >
      {facts.map((f) => (
        <Box key={f.label}>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate(f.label)}
          </Typography>
          <Typography variant="body2" component="div">
            {f.node ?? <Cell value={f.value} format={f.format} />}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

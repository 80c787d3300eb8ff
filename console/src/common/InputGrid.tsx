import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** Inputs side by side in columns of at least `min` pixels, wrapping on narrow screens. */
export const InputGrid = ({ children, min = 220 }: { children: ReactNode; min?: number }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))`,
      columnGap: 2,
      width: '100%',
      alignItems: 'start',
    }}
  >
    {children}
  </Box>
);

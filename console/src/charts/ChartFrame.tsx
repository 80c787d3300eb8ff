import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** The SVG canvas every chart draws on: scales to its card, named for screen readers. */
export function ChartFrame(props: {
  title: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <svg
        role="img"
        aria-label={props.title}
        viewBox={`0 0 ${props.width} ${props.height}`}
        width="100%"
        style={{ maxWidth: props.width, display: 'block' }}
      >
        <title>{props.title}</title>
        {props.children}
      </svg>
    </Box>
  );
}

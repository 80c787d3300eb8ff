import { useTheme } from '@mui/material/styles';
import { ChartFrame } from './ChartFrame';

export interface Bar {
  label: string;
  value: number;
  /** The text shown at the bar's end (the value formatted); the value itself by default. */
  display?: string;
}

/**
 * Horizontal bars drawn as SVG: one row per category, labels on the left, values at the
 * bars' ends. Enough for counts per status or cause and incidence per township.
 */
export function BarChart({
  bars,
  title,
  labelWidth = 120,
}: {
  bars: Bar[];
  title: string;
  labelWidth?: number;
}) {
  const theme = useTheme();
  const rowHeight = 26;
  const width = 520;
  const chartWidth = width - labelWidth - 70;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * rowHeight + 8;
  return (
    <ChartFrame title={title} width={width} height={height}>
      {bars.map((b, i) => {
        const y = i * rowHeight + 4;
        const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * chartWidth);
        return (
          <g key={b.label} data-testid="bar">
            <text
              x={labelWidth - 8}
              y={y + rowHeight / 2}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={12}
              fill={theme.palette.text.primary}
            >
              {b.label}
            </text>
            <rect
              x={labelWidth}
              y={y + 3}
              width={w}
              height={rowHeight - 8}
              rx={3}
              fill={theme.palette.primary.main}
            />
            <text
              x={labelWidth + w + 6}
              y={y + rowHeight / 2}
              dominantBaseline="middle"
              fontSize={12}
              fill={theme.palette.text.secondary}
            >
              {b.display ?? b.value.toLocaleString('en-US')}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

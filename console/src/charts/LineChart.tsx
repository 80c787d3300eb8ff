import { useTheme } from '@mui/material/styles';
import { ChartFrame } from './ChartFrame';

export interface Series {
  label: string;
  /** One value per x label; null where there is nothing (a year without a target). */
  values: (number | null)[];
  dashed?: boolean;
}

/**
 * Lines over labelled x positions (years), drawn as SVG, with a legend: enough for exits
 * against the target by year.
 */
export function LineChart({
  xLabels,
  series,
  title,
}: {
  xLabels: string[];
  series: Series[];
  title: string;
}) {
  const theme = useTheme();
  const colors = [theme.palette.primary.main, theme.palette.info.main, theme.palette.success.main];
  const width = 520;
  const height = 220;
  const pad = { left: 44, right: 16, top: 28, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(
    1,
    ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
  );
  const x = (i: number) =>
    pad.left + (xLabels.length <= 1 ? plotW / 2 : (i / (xLabels.length - 1)) * plotW);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max].map((t) => Math.round(t));
  return (
    <ChartFrame title={title} width={width} height={height}>
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(t)}
            y2={y(t)}
            stroke={theme.palette.divider}
          />
          <text
            x={pad.left - 6}
            y={y(t)}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize={11}
            fill={theme.palette.text.secondary}
          >
            {t.toLocaleString('en-US')}
          </text>
        </g>
      ))}
      {xLabels.map((l, i) => (
        <text
          key={l}
          x={x(i)}
          y={height - 8}
          textAnchor="middle"
          fontSize={11}
          fill={theme.palette.text.secondary}
        >
          {l}
        </text>
      ))}
      {series.map((s, si) => {
        const color = colors[si % colors.length];
        const points = s.values
          .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
          .filter((p): p is string => p !== null);
        return (
          <g key={s.label} data-testid="line">
            <polyline
              points={points.join(' ')}
              fill="none"
              stroke={color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
            />
            {s.values.map((v, i) =>
              v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={color} />,
            )}
            <rect x={pad.left + si * 120} y={6} width={12} height={12} fill={color} />
            <text
              x={pad.left + si * 120 + 18}
              y={12}
              dominantBaseline="middle"
              fontSize={12}
              fill={theme.palette.text.primary}
            >
              {s.label}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

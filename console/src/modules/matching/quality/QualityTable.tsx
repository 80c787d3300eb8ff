import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import Collapse from '@mui/material/Collapse';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatPercent } from '../../../common/format';
import type { MatchingApi } from '../../../providers/api-types';
import { DISMISSAL_REASONS } from '../codes';

type S = MatchingApi.components['schemas'];
type Figures = S['QualityFigures'];
export type QualityRow = S['QualityRow'];

/** A line of a figures table: what it is about (a rule, a list type, a list) and its figures. */
export interface QualityLine {
  key: string;
  /** One cell per heading of the table. */
  names: ReactNode[];
  row: QualityRow;
}

/** The figures of a line; pending and overdue are the period end's, so a month has neither. */
const FIGURES = [
  'confirmed',
  'dataCorrected',
  'dismissed',
  'dismissedBy',
  'decided',
  'pending',
  'overdue',
  'confirmationRate',
] as const;
const MONTH_FIGURES = FIGURES.filter((f) => f !== 'pending' && f !== 'overdue');
type Figure = (typeof FIGURES)[number];

const useQualityText = () => {
  const translate = useTranslate();
  return (k: string, o?: object) => translate(`matching.quality.${k}`, o);
};

/** 不属实 by reason: one line per reason with its count, the reasons without any left out. */
function DismissedBy({ by }: { by: Figures['dismissedBy'] }) {
  const translate = useTranslate();
  const t = useQualityText();
  const lines = [...DISMISSAL_REASONS, 'uncoded' as const]
    .filter((code) => (by[code] ?? 0) > 0)
    .map((code) => ({
      code,
      label:
        code === 'uncoded'
          ? t('uncoded')
          : translate(`resources.matching-findings.workflow.dismissal.${code}`),
      count: by[code] ?? 0,
    }));
  if (lines.length === 0) return <>—</>;
  return (
    <>
      {lines.map((l) => (
        <Typography key={l.code} variant="body2" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {`${l.label} ${l.count}`}
        </Typography>
      ))}
    </>
  );
}

function FigureCell({ figures, figure }: { figures: Figures; figure: Figure }) {
  if (figure === 'dismissedBy')
    return (
      <TableCell>
        <DismissedBy by={figures.dismissedBy} />
      </TableCell>
    );
  if (figure === 'confirmationRate')
    return (
      <TableCell align="right">
        {formatPercent(figures.confirmationRate === null ? null : figures.confirmationRate * 100)}
      </TableCell>
    );
  return <TableCell align="right">{figures[figure]}</TableCell>;
}

function FigureHeads({ figures }: { figures: readonly Figure[] }) {
  const t = useQualityText();
  return (
    <>
      {figures.map((f) => (
        <TableCell key={f} align={f === 'dismissedBy' ? 'left' : 'right'}>
          {t(`fields.${f}`)}
        </TableCell>
      ))}
    </>
  );
}

/** 按核实月份 — a line's decisions by the Asia/Shanghai month they were made in. */
function MonthTable({ months }: { months: QualityRow['months'] }) {
  const t = useQualityText();
  return (
    <Box sx={{ my: 1, ml: 4 }}>
      <Typography variant="subtitle2">{t('months_title')}</Typography>
      <Table size="small" data-testid="quality-months">
        <TableHead>
          <TableRow>
            <TableCell>{t('fields.month')}</TableCell>
            <FigureHeads figures={MONTH_FIGURES} />
          </TableRow>
        </TableHead>
        <TableBody>
          {months.map((m) => {
            const [year, month] = m.month.split('-');
            return (
              <TableRow key={m.month}>
                <TableCell>{t('month', { year, month: Number(month) })}</TableCell>
                {MONTH_FIGURES.map((f) => (
                  <FigureCell key={f} figures={m} figure={f} />
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}

/** A line and, opened, its months underneath. */
function LineRows({ line, width, total }: { line: QualityLine; width: number; total?: boolean }) {
  const t = useQualityText();
  const [open, setOpen] = useState(false);
  const hasMonths = line.row.months.length > 0;
  const weight = total ? { fontWeight: 600 } : undefined;
  return (
    <>
      <TableRow data-testid="quality-line" sx={weight ? { '& td': weight } : undefined}>
        {line.names.map((n, i) => (
          <TableCell
            key={i}
            colSpan={i === line.names.length - 1 ? width - line.names.length + 1 : 1}
          >
            {n}
          </TableCell>
        ))}
        {FIGURES.map((f) => (
          <FigureCell key={f} figures={line.row} figure={f} />
        ))}
        <TableCell padding="none">
          {hasMonths ? (
            <IconButton
              size="small"
              aria-label={t(open ? 'hide_months' : 'show_months')}
              title={t(open ? 'hide_months' : 'show_months')}
              onClick={() => setOpen(!open)}
            >
              {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            </IconButton>
          ) : null}
        </TableCell>
      </TableRow>
      {hasMonths ? (
        <TableRow>
          <TableCell colSpan={width + FIGURES.length + 1} sx={{ py: 0, borderBottom: 0 }}>
            <Collapse in={open} unmountOnExit>
              <MonthTable months={line.row.months} />
            </Collapse>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/**
 * The figures of one dimension: a line per rule (or list type, or list) with what was decided
 * in the period, what was pending and overdue at its end and the confirmation rate; each line
 * opens on its months. `total` is the last line, over every line.
 */
export function QualityTable({
  heads,
  lines,
  total,
  testId,
}: {
  /** The headings naming a line (`matching.quality.fields.*`). */
  heads: string[];
  lines: QualityLine[];
  total?: QualityRow;
  testId: string;
}) {
  const t = useQualityText();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            {heads.map((h) => (
              <TableCell key={h}>{t(`fields.${h}`)}</TableCell>
            ))}
            <FigureHeads figures={FIGURES} />
            <TableCell padding="none" />
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <LineRows key={l.key} line={l} width={heads.length} />
          ))}
          {total ? (
            <LineRows
              line={{ key: 'total', names: [t('total')], row: total }}
              width={heads.length}
              total
            />
          ) : null}
        </TableBody>
      </Table>
    </Box>
  );
}

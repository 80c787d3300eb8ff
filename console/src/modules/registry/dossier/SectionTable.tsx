import Box from '@mui/material/Box';
import MuiLink from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { formatDateTime, formatDay, formatYuan } from '../../../common/format';

/**
 * How a cell shows its value: amounts in integer fen as yuan (`1,234.56 元`), days, instants in
 * Asia/Shanghai, yes / no, or an enum code by its label (`enums.<name>.<code>`).
 */
export type CellFormat = 'text' | 'yuan' | 'day' | 'datetime' | 'yesno' | { enum: string };

/** One column of a section's table. */
export interface Column<T> {
  /** The row's field (a dotted path for a nested one: `overdue.overdueFen`). */
  source: string;
  /** The column's heading, a message key (with its arguments, if it has any). */
  label: string;
  labelArgs?: Record<string, unknown>;
  format?: CellFormat;
  /** The cell drawn by the section itself, when a format does not say it. */
  render?: (row: T) => ReactNode;
  align?: 'right';
  /** Kept on one line: a code (a contract number) reads wrongly broken at its hyphens. */
  noWrap?: boolean;
}

const valueAt = (row: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : null),
      row,
    );

const empty = (v: unknown) => v === null || v === undefined || v === '';

/** A value in a cell, by its column's format; nothing known is a dash. */
export function Cell({ value, format = 'text' }: { value: unknown; format?: CellFormat }) {
  const translate = useTranslate();
  if (typeof format === 'object') return <EnumLabel name={format.enum} code={value} />;
  if (empty(value)) return <>—</>;
  switch (format) {
    case 'yuan':
      return <>{translate('app.common.yuan', { amount: formatYuan(value) })}</>;
    case 'day':
      return <>{formatDay(value)}</>;
    case 'datetime':
      return <>{formatDateTime(value)}</>;
    case 'yesno':
      return <>{translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
    default:
      return <>{String(value)}</>;
  }
}

/** A link to the console page of a record the dossier names: `/#/<resource>/<id>/show`. */
export const RecordLink = ({
  resource,
  id,
  children,
}: {
  resource: string;
  id: string;
  children: ReactNode;
}) => (
  <MuiLink href={`/#/${resource}/${encodeURIComponent(id)}/show`} underline="hover">
    {children}
  </MuiLink>
);

/** Figures, days and names stay on one line; free text wraps. */
const noWrap = (c: Column<never>) =>
  c.noWrap ?? (c.source === 'name' || (c.format !== undefined && c.format !== 'text'));

/**
 * How many records a section cut at its limit left out: `omitted` (its `total` holds them all);
 * `more` where a part still says it that way.
 */
export const leftOut = (section: { omitted?: number; more?: number }): number =>
  section.omitted ?? section.more ?? 0;

/** 另有 N 条未列出 — a section the service cut says how many more it holds. */
export function MoreNote({ more }: { more: number | undefined }) {
  const translate = useTranslate();
  if (!more) return null;
  return (
    <Typography variant="caption" color="text.secondary" component="p" data-testid="dossier-more">
      {translate('dossier.more', { count: more })}
    </Typography>
  );
}

/** A section's heading. */
export const SectionTitle = ({ label, extra }: { label: string; extra?: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mt: 3, mb: 1, flexWrap: 'wrap' }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500 }}>
        {translate(label)}
      </Typography>
      {extra ? (
        <Typography variant="body2" color="text.secondary" component="span">
          {extra}
        </Typography>
      ) : null}
    </Box>
  );
};

export interface SectionTableProps<T> {
  /** The section's heading (a message key); none for a table under a heading of its own. */
  title?: string;
  /** Beside the heading: totals, counts. */
  extra?: ReactNode;
  rows: T[];
  columns: Column<T>[];
  /** Records the service holds beyond those listed. */
  more?: number;
  /** A row to draw attention to: red for what is overdue or missing. */
  tone?: (row: T) => 'error' | 'warning' | undefined;
  testId?: string;
}

/** A wide table scrolls in its place: uncontained, its width would widen the whole page. */
const SCROLLS = { overflowX: 'auto', contain: 'inline-size' } as const;

/**
 * One section of the dossier as a table, its columns described by specs (field, heading, format),
 * with 暂无记录 when empty and how many more the service left out.
 */
export function SectionTable<T>({
  title,
  extra,
  rows,
  columns,
  more,
  tone,
  testId,
}: SectionTableProps<T>) {
  const translate = useTranslate();
  return (
    <Box data-testid={testId} sx={{ mb: 1 }}>
      {title ? <SectionTitle label={title} extra={extra} /> : null}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('dossier.none')}
        </Typography>
      ) : (
        <Box sx={SCROLLS}>
          <Table size="small">
            <TableHead>
              <TableRow>
                {columns.map((c) => (
                  <TableCell key={c.source} align={c.align} sx={{ whiteSpace: 'nowrap' }}>
                    {translate(c.label, c.labelArgs)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, i) => {
                const t = tone?.(row);
                return (
                  <TableRow
                    key={i}
                    data-tone={t}
                    sx={t ? { '& td': { color: `${t}.main` } } : undefined}
                  >
                    {columns.map((c) => (
                      <TableCell
                        key={c.source}
                        align={c.align}
                        sx={noWrap(c as Column<never>) ? { whiteSpace: 'nowrap' } : undefined}
                      >
                        {c.render ? (
                          c.render(row)
                        ) : (
                          <Cell value={valueAt(row, c.source)} format={c.format} />
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
      <MoreNote more={more} />
    </Box>
  );
}

import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Labeled, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, formatYuan } from '../../../common/format';
import type { Finding } from '../funds.api';

type Translate = ReturnType<typeof useTranslate>;
type Entry = [string, unknown];

/** Internal ids: the codes and names next to them say the same to a reader. */
const HIDDEN = new Set(['id', 'fileId', 'householdId', 'projectId', 'disbursementId']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const entriesOf = (o: Record<string, unknown>): Entry[] =>
  Object.entries(o).filter(([k]) => !HIDDEN.has(k));

/** One value of the evidence as text: amounts in yuan, instants in Asia/Shanghai, people by name. */
function text(key: string, value: unknown, translate: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  if (/Fen$/.test(key) && typeof value === 'number') return formatYuan(value);
  if (/At$/.test(key)) return formatDateTime(value);
  if (key === 'source') {
    return translate(`enums.FundingSource.${String(value)}`, { _: String(value) });
  }
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (isObject(value)) {
    return typeof value.name === 'string'
      ? value.name
      : entriesOf(value)
          .map(([k, v]) => `${label(k, translate)}：${text(k, v, translate)}`)
          .join('；');
  }
  return String(value as string | number);
}

const label = (key: string, translate: Translate) =>
  translate(`resources.fund-findings.evidence.${key}`);

/** A list in the evidence (the other payments with the voucher, the payees …) as a table. */
function Rows({ items }: { items: unknown[] }) {
  const translate = useTranslate();
  const rows = items.map((i) => (isObject(i) ? i : { value: i }));
  const keys = [...new Set(rows.flatMap((r) => entriesOf(r).map(([k]) => k)))];
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {keys.map((k) => (
            <TableCell key={k}>{label(k, translate)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, n) => (
          <TableRow key={n}>
            {keys.map((k) => (
              <TableCell key={k}>{text(k, r[k], translate)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 证据 — what the service found, as stored with the finding, each item labelled. */
export function FindingEvidence() {
  const translate = useTranslate();
  const f = useRecordContext<Finding>();
  const evidence = isObject(f?.evidence) ? f.evidence : {};
  const entries = entriesOf(evidence);
  return (
    <Labeled label="resources.fund-findings.fields.evidence">
      <Table size="small" sx={{ maxWidth: 900 }} data-testid="finding-evidence">
        <TableBody>
          {entries.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" sx={{ width: 200, verticalAlign: 'top' }}>
                {label(k, translate)}
              </TableCell>
              <TableCell>
                {Array.isArray(v) ? v.length ? <Rows items={v} /> : '—' : text(k, v, translate)}
              </TableCell>
            </TableRow>
          ))}
          {entries.length ? null : (
            <TableRow>
              <TableCell>—</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Labeled>
  );
}

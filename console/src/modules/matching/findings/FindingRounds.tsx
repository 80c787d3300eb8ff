import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { EnumLabel } from '../../../common/fields';
import { formatDateTime } from '../../../common/format';
import type { Finding } from '../matching.api';
import { useOutcomeText } from './FindingRegistryOutcome';

const l = (k: string) => `resources.matching-findings.rounds.${k}`;

/** What an earlier round's evidence said, in the user's language. */
function statementOf(evidence: Record<string, unknown>, locale: string): string | null {
  const s = evidence.statement as { 'zh-CN'?: string; en?: string } | undefined;
  if (!s) return null;
  return (locale.startsWith('zh') ? s['zh-CN'] : s.en) ?? null;
}

/**
 * 重新打开记录 — the earlier rounds of a finding a later run found again after it was closed:
 * how each was concluded and closed, by whom, what the registry did, and what it rested on.
 */
export function FindingRounds() {
  const translate = useTranslate();
  const locale = useLocale();
  const outcome = useOutcomeText();
  const f = useRecordContext<Finding>();
  const rounds = f?.rounds ?? [];
  if (!f || rounds.length === 0) return null;
  return (
    <Box data-testid="finding-rounds" sx={{ my: 2 }}>
      <Typography variant="subtitle1">
        {translate(l('title'), { count: f.reopenings ?? rounds.length })}
      </Typography>
      <Table size="small" sx={{ maxWidth: 960 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(l('round'))}</TableCell>
            <TableCell>{translate(l('conclusion'))}</TableCell>
            <TableCell>{translate(l('closed'))}</TableCell>
            <TableCell>{translate(l('registry'))}</TableCell>
            <TableCell>{translate(l('evidence'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rounds.map((r) => (
            <TableRow key={r.round}>
              <TableCell>{translate(l('round_n'), { n: r.round })}</TableCell>
              <TableCell>
                <EnumLabel name="MatchingConclusion" code={r.conclusion} />
                {r.conclusionReason ? `（${r.conclusionReason}）` : ''}
              </TableCell>
              <TableCell>
                {r.closing?.name ?? '—'} · {formatDateTime(r.closedAt)}
                {r.closing?.reason ? `（${r.closing.reason}）` : ''}
              </TableCell>
              <TableCell>{r.registryOutcome ? outcome(r.registryOutcome) : '—'}</TableCell>
              <TableCell>{statementOf(r.evidence, locale) ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

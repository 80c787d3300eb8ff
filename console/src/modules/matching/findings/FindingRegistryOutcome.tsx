import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import type { Finding } from '../matching.api';

type Outcome = NonNullable<Finding['registryOutcome']>;

const l = (k: string) => `resources.matching-findings.registry.${k}`;

/** Outcomes where the registry did not make the change: closing then needs a reason. */
export const REFUSED = new Set<Outcome['outcome']>(['refused', 'clearance_rejected']);

/** One outcome in words: 已发起清退, 登记系统拒绝：<reason> … */
export function useOutcomeText(): (o: Outcome) => string {
  const translate = useTranslate();
  return (o) => {
    const label = translate(`enums.MatchingRegistryOutcome.${o.outcome}`, { _: o.outcome });
    return o.reason ? translate(l('with_reason'), { label, reason: o.reason }) : label;
  };
}

/**
 * 登记系统处理结果 — what the registry did with the verified finding (a member removed, 清退
 * opened or decided, a 漏评 candidate, no change, or refused with its reason), and every
 * outcome it recorded before.
 */
export function FindingRegistryOutcome() {
  const translate = useTranslate();
  const text = useOutcomeText();
  const f = useRecordContext<Finding>();
  if (!f) return null;
  const latest = f.registryOutcome ?? null;
  const all = f.registryOutcomes ?? [];
  return (
    <Box data-testid="finding-registry-outcome" sx={{ my: 2 }}>
      <Typography variant="subtitle1">{translate(l('title'))}</Typography>
      {latest ? (
        <Alert severity={REFUSED.has(latest.outcome) ? 'warning' : 'info'} sx={{ maxWidth: 760 }}>
          {text(latest)}
          {' · '}
          {formatDateTime(latest.at)}
          {REFUSED.has(latest.outcome) ? ` ${translate(l('close_needs_reason'))}` : ''}
        </Alert>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate(l(f.status === 'assigned' ? 'not_yet_verified' : 'none'))}
        </Typography>
      )}
      {all.length > 1 ? (
        <Table size="small" sx={{ maxWidth: 760, mt: 1 }}>
          <TableHead>
            <TableRow>
              <TableCell>{translate(l('at'))}</TableCell>
              <TableCell>{translate(l('outcome'))}</TableCell>
              <TableCell>{translate(l('workflow'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {all.map((o) => (
              <TableRow key={o.eventId}>
                <TableCell>{formatDateTime(o.at)}</TableCell>
                <TableCell>{text(o)}</TableCell>
                <TableCell>{o.workflowId ?? '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}

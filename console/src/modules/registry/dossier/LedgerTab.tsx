import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLocale, useTranslate } from 'react-admin';
import { DownloadButton } from '../../../common/DownloadButton';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { formatYuan } from '../../../common/format';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { BenefitRow } from './ledger.api';
import { type Column, SectionTable } from './SectionTable';

const COLUMNS = (zh: boolean): Column<BenefitRow>[] => [
  { source: 'on', label: 'dossier.ledger.on', format: 'day' },
  { source: 'source', label: 'dossier.ledger.source', format: { enum: 'DossierPart' } },
  { source: 'kind', label: 'dossier.ledger.kind', format: { enum: 'BenefitKind' } },
  {
    source: 'label',
    label: 'dossier.ledger.content',
    render: (r) => (zh ? r.label['zh-CN'] : r.label.en),
  },
  { source: 'amountFen', label: 'dossier.ledger.amount', format: 'yuan', align: 'right' },
  { source: 'status', label: 'dossier.ledger.status', format: { enum: 'BenefitStatus' } },
  { source: 'projectId', label: 'dossier.ledger.project', noWrap: true },
];

/**
 * 受益底册 — every benefit the household received, by year and source, with totals: subsidies and
 * top-ups (support), measures with amounts (assistance), payments, loans and 贴息 (funds). A source
 * the user has no right to, or that did not answer, says so.
 */
export function LedgerTab({ householdId }: { householdId: string }) {
  const translate = useTranslate();
  const zh = useLocale().startsWith('zh');
  const calls = useCalls();
  const ledger = useApi(() => calls.householdLedger(householdId), [householdId]);
  if (ledger.loading && !ledger.data) return <Spinner />;
  const l = ledger.data;
  if (!l) {
    const p = problemOf(ledger.error);
    return (
      <Alert severity="error">{p ? pick(p.message) : translate('app.error.unavailable')}</Alert>
    );
  }
  const totals = (t: { count: number; totalFen: number; paidFen: number }) =>
    translate('dossier.ledger.totals', {
      count: t.count,
      total: formatYuan(t.totalFen),
      paid: formatYuan(t.paidFen),
    });
  return (
    <Box data-testid="dossier-ledger">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mt: 2, flexWrap: 'wrap' }}>
        <Typography variant="body1">{totals(l)}</Typography>
        <DownloadButton
          needs={{ module: 'registry', right: 'export' }}
          label="dossier.ledger.export"
          download={() => calls.householdLedgerExport(l.householdId, l.householdNo)}
          testId="ledger-export"
        />
      </Box>
      <Typography variant="caption" color="text.secondary" component="p">
        {translate('dossier.ledger.counted_once')}
      </Typography>
      {l.sources
        .filter((s) => s.status !== 'ok')
        .map((s) => (
          <Alert
            key={s.source}
            severity={s.status === 'no_right' ? 'info' : 'warning'}
            sx={{ mt: 1 }}
          >
            {'message' in s && s.message ? pick(s.message) : null}
          </Alert>
        ))}
      {l.years.length === 0 ? (
        <Typography sx={{ mt: 2 }}>{translate('dossier.ledger.none')}</Typography>
      ) : null}
      {[...l.years].reverse().map((y) => (
        <Box key={y.year}>
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mt: 3, mb: 1 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500 }}>
              {translate('dossier.ledger.year', { year: y.year })}
            </Typography>
            <Typography variant="body2" color="text.secondary" component="span">
              {totals(y)}
            </Typography>
          </Box>
          <SectionTable
            rows={y.sources.flatMap((s) => s.rows)}
            columns={COLUMNS(zh)}
            testId={`ledger-year-${y.year}`}
          />
        </Box>
      ))}
    </Box>
  );
}

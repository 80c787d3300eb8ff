import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AreaName } from '../../../common/AreaName';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { AreaYearPage } from '../../registry/ledger/AreaYearPage';
import { type Column, SectionTable } from '../../registry/dossier/SectionTable';
import { type AreaYear, areaOf } from '../../registry/ledger/AreaYearInputs';
import type { UnconfirmedPayment, UnconfirmedPayments } from './receipt.api';

/** The list's first page: the strongest signals come first, so the page shows them. */
const FIRST = 500;

const townshipColumns: Column<UnconfirmedPayments['townships'][number]>[] = [
  {
    source: 'townshipCode',
    label: 'assistance.unconfirmed.township',
    render: (t) => <AreaName code={t.townshipCode} />,
  },
  { source: 'notReceived', label: 'assistance.unconfirmed.not_received', align: 'right' },
  { source: 'amountDiffers', label: 'assistance.unconfirmed.amount_differs', align: 'right' },
  { source: 'unconfirmed', label: 'assistance.unconfirmed.unconfirmed', align: 'right' },
  { source: 'amountFen', label: 'assistance.unconfirmed.amount', format: 'yuan', align: 'right' },
];

const rowColumns: Column<UnconfirmedPayment>[] = [
  {
    source: 'reason',
    label: 'assistance.unconfirmed.reason',
    format: { enum: 'UnconfirmedReason' },
  },
  {
    source: 'householdNo',
    label: 'assistance.unconfirmed.household',
    noWrap: true,
    render: (r) => r.householdNo ?? r.householdId,
  },
  {
    source: 'areaCode',
    label: 'assistance.unconfirmed.area',
    render: (r) => <AreaName code={r.areaCode} />,
  },
  { source: 'on', label: 'assistance.unconfirmed.on', format: 'day' },
  { source: 'source', label: 'assistance.unconfirmed.source', format: { enum: 'DossierPart' } },
  { source: 'label', label: 'assistance.unconfirmed.content', render: (r) => pick(r.label) },
  { source: 'amountFen', label: 'assistance.unconfirmed.paid', format: 'yuan', align: 'right' },
  {
    source: 'receipt.amountFen',
    label: 'assistance.unconfirmed.said',
    format: 'yuan',
    align: 'right',
  },
  { source: 'daysSincePaid', label: 'assistance.unconfirmed.days', align: 'right' },
];

/** The area's signal: counts per township, then the payments, strongest first. */
function Signal({ areaCode, year }: { areaCode: string | null; year: number | null }) {
  const translate = useTranslate();
  const calls = useCalls();
  const found = useApi(
    () => calls.unconfirmedPayments({ areaCode, year }, FIRST),
    [areaCode, year],
  );
  if (found.loading && !found.data) return <Spinner />;
  const u = found.data;
  if (!u) {
    const p = problemOf(found.error);
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {p ? pick(p.message) : translate('app.error.unavailable')}
      </Alert>
    );
  }
  const leftOut = u.sources.filter((s) => s.status !== 'ok');
  return (
    <Box data-testid="unconfirmed-result" sx={{ mt: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('assistance.unconfirmed.grace', { days: u.graceDays, today: u.today })}
      </Typography>
      {leftOut.map((s) =>
        s.status === 'ok' ? null : (
          <Alert key={s.source} severity="warning" sx={{ mt: 1 }}>
            {pick(s.message)}
          </Alert>
        ),
      )}
      {!u.checked ? (
        <Alert severity="warning" sx={{ mt: 1 }} data-testid="unconfirmed-unchecked">
          {u.message ? pick(u.message) : translate('app.error.unavailable')}
        </Alert>
      ) : u.total === 0 ? (
        <Alert severity="success" sx={{ mt: 1 }} data-testid="unconfirmed-none">
          {translate('assistance.unconfirmed.none')}
        </Alert>
      ) : (
        <>
          <SectionTable
            title="assistance.unconfirmed.by_township"
            rows={u.townships}
            columns={townshipColumns}
            testId="unconfirmed-townships"
          />
          <SectionTable
            title="assistance.unconfirmed.list"
            extra={translate('assistance.unconfirmed.total', { total: u.total })}
            rows={u.rows}
            columns={rowColumns}
            testId="unconfirmed-rows"
            tone={(r) => (r.reason === 'unconfirmed' ? undefined : 'error')}
          />
          {u.total > u.rows.length ? (
            <Typography variant="body2" color="text.secondary">
              {translate('assistance.unconfirmed.more', { count: u.rows.length })}
            </Typography>
          ) : null}
        </>
      )}
    </Box>
  );
}

function Result() {
  const values = useWatch<AreaYear>() as AreaYear;
  const year = values.year ? Number(values.year) : null;
  return <Signal areaCode={areaOf(values)} year={year} />;
}

/**
 * 到户资金未确认（截留预警） — payments to households not confirmed at a helper's visit in time,
 * and those the household said it did not receive or received with another amount.
 */
export default function UnconfirmedPaymentsPage() {
  return (
    <AreaYearPage testId="unconfirmed-payments" messages="assistance.unconfirmed">
      <Result />
    </AreaYearPage>
  );
}

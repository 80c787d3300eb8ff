import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiLink from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useGetMany, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DownloadButton } from '../../../common/DownloadButton';
import { Spinner } from '../../../common/Spinner';
import { useApi } from '../../../common/useApi';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { AreaYearPage } from './AreaYearPage';
import type { LedgerMismatch } from '../dossier/ledger.api';
import { type Column, SectionTable } from '../dossier/SectionTable';
import { type AreaYear, areaOf } from './AreaYearInputs';

/** 户号, linked to the household's 受益底册 in its dossier. */
function HouseholdLink({ id, householdNo }: { id: string; householdNo?: string }) {
  return (
    <MuiLink
      href={`/#/households/${encodeURIComponent(id)}/dossier/ledger`}
      underline="hover"
      data-testid="benefit-ledger-household"
    >
      {householdNo ?? id}
    </MuiLink>
  );
}

const columns = (numbers: Map<string, string>): Column<LedgerMismatch>[] => [
  {
    source: 'householdId',
    label: 'benefit_ledger.columns.household',
    noWrap: true,
    render: (m) => <HouseholdLink id={m.householdId} householdNo={numbers.get(m.householdId)} />,
  },
  { source: 'year', label: 'benefit_ledger.columns.year' },
  { source: 'projectId', label: 'benefit_ledger.columns.project', noWrap: true },
  {
    source: 'kind',
    label: 'benefit_ledger.columns.kind',
    format: { enum: 'LedgerMismatchKind' },
  },
  {
    source: 'measuredFen',
    label: 'benefit_ledger.columns.measured',
    format: 'yuan',
    align: 'right',
  },
  { source: 'paidFen', label: 'benefit_ledger.columns.paid', format: 'yuan', align: 'right' },
];

/** The picked area's mismatches of the year, or why they could not be checked. */
function Mismatches({ areaCode, year }: { areaCode: string; year: number }) {
  const translate = useTranslate();
  const calls = useCalls();
  const found = useApi(() => calls.ledgerMismatches(areaCode, year), [areaCode, year]);
  const rows = found.data?.mismatches ?? [];
  const households = useGetMany('households', {
    ids: [...new Set(rows.map((m) => m.householdId))],
  });
  const numbers = new Map(
    (households.data ?? []).map((h) => [String(h.id), String(h.householdNo ?? h.id)]),
  );
  if (found.loading && !found.data) return <Spinner />;
  const m = found.data;
  if (!m) {
    const p = problemOf(found.error);
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {p ? pick(p.message) : translate('app.error.unavailable')}
      </Alert>
    );
  }
  return (
    <Box data-testid="benefit-ledger-result" sx={{ mt: 2 }}>
      {!m.checked ? (
        <Alert severity="warning" data-testid="benefit-ledger-unchecked">
          {m.message ? pick(m.message) : translate('app.error.unavailable')}
        </Alert>
      ) : rows.length === 0 ? (
        <Alert severity="success" data-testid="benefit-ledger-none">
          {translate('benefit_ledger.none')}
        </Alert>
      ) : (
        <>
          <Typography variant="body1" data-testid="benefit-ledger-count">
            {translate('benefit_ledger.checked', { year, count: rows.length })}
          </Typography>
          <SectionTable rows={rows} columns={columns(numbers)} testId="benefit-ledger-mismatches" />
        </>
      )}
    </Box>
  );
}

/** What the pickers name, checked once an area is picked; the export below the pickers. */
function Result() {
  const translate = useTranslate();
  const calls = useCalls();
  const values = useWatch<AreaYear>() as AreaYear;
  const areaCode = areaOf(values);
  const year = Number(values.year);
  if (!areaCode) {
    return (
      <Typography sx={{ mt: 2 }} color="text.secondary">
        {translate('benefit_ledger.pick_area')}
      </Typography>
    );
  }
  return (
    <>
      <Box sx={{ mt: 1 }}>
        <DownloadButton
          needs={{ module: 'registry', right: 'export' }}
          label="benefit_ledger.export"
          download={() => calls.areaLedgerExport(areaCode, year)}
          variant="outlined"
          testId="benefit-ledger-export"
        />
      </Box>
      <Mismatches areaCode={areaCode} year={year} />
    </>
  );
}

/**
 * 受益底册核对 — a village's or township's year: the assistance measures recorded but not paid by
 * the funds, and the funds' payments without a measure, per household and project; the whole
 * ledger exported as XLSX.
 */
export default function BenefitLedgerPage() {
  return (
    <AreaYearPage testId="benefit-ledger" messages="benefit_ledger">
      <Result />
    </AreaYearPage>
  );
}

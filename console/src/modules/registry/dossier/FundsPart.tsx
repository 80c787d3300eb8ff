import { useTranslate } from 'react-admin';
import type { FundsSections } from './dossier.api';
import { FactGrid } from './FactGrid';
import { Cell, type Column, RecordLink, SectionTable, SectionTitle } from './SectionTable';

type Project = FundsSections['projects']['items'][number];
type Payment = FundsSections['payments']['items'][number];
type Loan = FundsSections['loans']['items'][number];
type YearTotals = FundsSections['totals']['byYear'][number];
type Translate = ReturnType<typeof useTranslate>;

const projectColumns = (translate: Translate): Column<Project>[] => [
  { source: 'code', label: 'dossier.funds.code' },
  {
    source: 'name',
    label: 'dossier.funds.project',
    render: (p) => (
      <RecordLink resource="projects" id={p.id}>
        {p.name}
      </RecordLink>
    ),
  },
  { source: 'type', label: 'dossier.funds.type', format: { enum: 'ProjectType' } },
  { source: 'year', label: 'dossier.columns.year' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'ProjectStatus' } },
  { source: 'plannedTotalFen', label: 'dossier.funds.planned', format: 'yuan', align: 'right' },
  { source: 'disbursedFen', label: 'dossier.funds.disbursed', format: 'yuan', align: 'right' },
  {
    source: 'paidToHouseholdFen',
    label: 'dossier.funds.paid_to_household',
    format: 'yuan',
    align: 'right',
  },
  {
    source: 'linkedBy',
    label: 'dossier.funds.linked_by',
    render: (p) =>
      p.linkedBy.map((l) => translate(`enums.DossierProjectLink.${l}`, { _: l })).join('、'),
  },
];

const paymentColumns = (translate: Translate): Column<Payment>[] => [
  { source: 'date', label: 'dossier.columns.day', format: 'day' },
  { source: 'projectName', label: 'dossier.funds.project' },
  { source: 'purpose', label: 'dossier.funds.purpose' },
  { source: 'source', label: 'dossier.funds.source', format: { enum: 'FundingSource' } },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'DisbursementStatus' } },
  { source: 'amountFen', label: 'dossier.funds.household_amount', format: 'yuan', align: 'right' },
  {
    source: 'paymentAmountFen',
    label: 'dossier.funds.payment_amount',
    format: 'yuan',
    align: 'right',
  },
  {
    source: 'payees',
    label: 'dossier.funds.payees',
    render: (p) =>
      p.payees.map((x) => (x.idNumber ? `${x.name}（${x.idNumber}）` : x.name)).join('、') || '—',
  },
  { source: 'vouchers', label: 'dossier.funds.vouchers', align: 'right' },
  {
    source: 'findings',
    label: 'dossier.funds.findings',
    align: 'right',
    render: (p) =>
      p.findings ? translate('dossier.funds.findings_count', { count: p.findings }) : '—',
  },
  { source: 'rejectionReason', label: 'dossier.funds.rejection' },
];

const loanColumns = (translate: Translate): Column<Loan>[] => [
  { source: 'contractNo', label: 'dossier.funds.contract', noWrap: true },
  { source: 'kind', label: 'dossier.funds.loan_kind', format: { enum: 'LoanKind' } },
  { source: 'lender', label: 'dossier.funds.lender' },
  { source: 'principalFen', label: 'dossier.funds.principal', format: 'yuan', align: 'right' },
  { source: 'startOn', label: 'dossier.columns.from', format: 'day' },
  { source: 'endOn', label: 'dossier.columns.to', format: 'day' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'LoanStatus' } },
  { source: 'discountFen', label: 'dossier.funds.discount_term', format: 'yuan', align: 'right' },
  { source: 'paidFen', label: 'dossier.funds.repaid', format: 'yuan', align: 'right' },
  { source: 'owedFen', label: 'dossier.funds.owed', format: 'yuan', align: 'right' },
  {
    source: 'overdue.overdueFen',
    label: 'dossier.funds.overdue',
    align: 'right',
    render: (l) =>
      l.overdue.overdueFen > 0 ? (
        <>
          <Cell value={l.overdue.overdueFen} format="yuan" />
          {translate('dossier.funds.overdue_days', { count: l.overdue.daysOverdue })}
        </>
      ) : (
        '—'
      ),
  },
  {
    source: 'guarantor.name',
    label: 'dossier.funds.guarantor',
    render: (l) =>
      [l.guarantor.name, l.guarantor.role, l.guarantor.phone].filter(Boolean).join(' · ') || '—',
  },
  {
    source: 'writeOff',
    label: 'dossier.funds.write_off',
    render: (l) =>
      l.writeOff ? (
        <>
          {l.writeOff.on} {l.writeOff.reason}（<Cell value={l.writeOff.amountFen} format="yuan" />）
        </>
      ) : (
        '—'
      ),
  },
];

const yearColumns: Column<YearTotals>[] = [
  { source: 'year', label: 'dossier.columns.year' },
  { source: 'paidFen', label: 'dossier.funds.paid', format: 'yuan', align: 'right' },
  { source: 'pendingFen', label: 'dossier.funds.pending', format: 'yuan', align: 'right' },
  {
    source: 'loanPrincipalFen',
    label: 'dossier.funds.loans_taken',
    format: 'yuan',
    align: 'right',
  },
  { source: 'discountFen', label: 'dossier.funds.discount', format: 'yuan', align: 'right' },
  { source: 'repaidFen', label: 'dossier.funds.repaid', format: 'yuan', align: 'right' },
];

function Totals({ totals: t }: { totals: FundsSections['totals'] }) {
  return (
    <>
      <SectionTitle label="dossier.funds.totals" />
      <FactGrid
        testId="dossier-funds-totals"
        facts={[
          { label: 'dossier.funds.paid', value: t.paidFen, format: 'yuan' },
          { label: 'dossier.funds.pending', value: t.pendingFen, format: 'yuan' },
          { label: 'dossier.funds.loans_taken', value: t.loanPrincipalFen, format: 'yuan' },
          { label: 'dossier.funds.discount', value: t.discountFen, format: 'yuan' },
          { label: 'dossier.funds.repaid', value: t.repaidFen, format: 'yuan' },
          { label: 'dossier.funds.owed', value: t.loanOwedFen, format: 'yuan' },
          { label: 'dossier.funds.overdue', value: t.overdueFen, format: 'yuan' },
        ]}
      />
      <SectionTable title="dossier.funds.by_year" rows={t.byYear} columns={yearColumns} />
    </>
  );
}

/** 项目资金 — the funds part: projects for the household, payments to it, its loans, totals by year. */
export function FundsPart({ sections: s }: { sections: FundsSections }) {
  const translate = useTranslate();
  return (
    <>
      <SectionTable
        title="dossier.funds.projects"
        rows={s.projects.items}
        columns={projectColumns(translate)}
        more={s.projects.omitted}
        testId="dossier-projects"
      />
      <SectionTable
        title="dossier.funds.payments"
        rows={s.payments.items}
        columns={paymentColumns(translate)}
        more={s.payments.omitted}
        tone={(p) => (p.findings > 0 ? 'error' : p.status === 'rejected' ? 'warning' : undefined)}
        testId="dossier-payments"
      />
      <SectionTable
        title="dossier.funds.loans"
        rows={s.loans.items}
        columns={loanColumns(translate)}
        more={s.loans.omitted}
        tone={(l) => (l.overdue.overdueFen > 0 ? 'error' : undefined)}
        testId="dossier-loans"
      />
      <Totals totals={s.totals} />
    </>
  );
}

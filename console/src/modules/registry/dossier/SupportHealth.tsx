import Box from '@mui/material/Box';
import { useTranslate } from 'react-admin';
import { formatYuan } from '../../../common/format';
import { basisPointsToPercent } from '../../support/support.api';
import type { SupportSections } from './dossier.api';
import { type Column, leftOut, SectionTable } from './SectionTable';

type Insurance = NonNullable<SupportSections['insurance']>;
type Insured = Insurance['items'][number];
type Stay = NonNullable<SupportSections['inpatient']>['items'][number];
type Chronic = NonNullable<SupportSections['chronicCare']>['items'][number];
type Serious = NonNullable<SupportSections['seriousIllness']>['items'][number];
type Translate = ReturnType<typeof useTranslate>;

const KINDS = ['basic_medical', 'serious_illness', 'pension'] as const;

/** One member's year: each insurance and its state, a gap (eligible, not enrolled) in red. */
function InsuranceYear({
  member,
  year,
  gaps,
}: {
  member: Insured;
  year: number;
  gaps: Set<string>;
}) {
  const translate = useTranslate();
  const y = member.years.find((x) => x.year === year);
  if (!y) return <>—</>;
  return (
    <>
      {KINDS.map((k) => {
        const gap = gaps.has(`${member.personId}:${year}:${k}`);
        return (
          <Box
            key={k}
            data-gap={gap || undefined}
            sx={gap ? { color: 'error.main', fontWeight: 500 } : undefined}
          >
            {translate(`enums.InsuranceKind.${k}`)}：
            {translate(`enums.InsuranceState.${y[k]}`, { _: y[k] })}
          </Box>
        );
      })}
    </>
  );
}

function insuranceColumns(translate: Translate, insurance: Insurance): Column<Insured>[] {
  const gaps = new Set(insurance.gaps.map((g) => `${g.personId}:${g.year}:${g.kind}`));
  return [
    {
      source: 'name',
      label: 'dossier.columns.name',
      render: (m) =>
        m.memberStatus === 'removed'
          ? `${m.name}（${translate('enums.MemberStatus.removed')}）`
          : m.name,
    },
    {
      source: 'relation',
      label: 'resources.members.fields.relation',
      format: { enum: 'Relation' },
    },
    ...insurance.years.map<Column<Insured>>((year) => ({
      source: `year-${year}`,
      label: 'dossier.support.year',
      labelArgs: { year },
      render: (m) => <InsuranceYear member={m} year={year} gaps={gaps} />,
    })),
  ];
}

const stayColumns: Column<Stay>[] = [
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'hospital', label: 'dossier.support.hospital' },
  { source: 'admittedOn', label: 'dossier.support.admitted', format: 'day' },
  { source: 'dischargedOn', label: 'dossier.support.discharged', format: 'day' },
  { source: 'diagnosis', label: 'dossier.support.diagnosis' },
  { source: 'totalCostFen', label: 'dossier.support.total_cost', format: 'yuan', align: 'right' },
  { source: 'reimbursedFen', label: 'dossier.support.reimbursed', format: 'yuan', align: 'right' },
  {
    source: 'ratioBasisPoints',
    label: 'dossier.support.ratio',
    align: 'right',
    render: (s) => basisPointsToPercent(s.ratioBasisPoints),
  },
  { source: 'topUpFen', label: 'dossier.support.top_up', format: 'yuan', align: 'right' },
  { source: 'topUpPaidFen', label: 'dossier.support.top_up_paid', format: 'yuan', align: 'right' },
  {
    source: 'topUpOutstandingFen',
    label: 'dossier.support.top_up_outstanding',
    format: 'yuan',
    align: 'right',
  },
  { source: 'topUpStatus', label: 'dossier.columns.status', format: { enum: 'TopUpStatus' } },
  {
    source: 'outOfPocketFen',
    label: 'dossier.support.out_of_pocket',
    format: 'yuan',
    align: 'right',
  },
];

const chronicColumns: Column<Chronic>[] = [
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'disease', label: 'dossier.support.disease' },
  { source: 'doctor', label: 'dossier.support.doctor' },
  { source: 'team', label: 'dossier.support.team' },
  { source: 'signedOn', label: 'dossier.support.signed', format: 'day' },
  { source: 'validUntil', label: 'dossier.support.valid_until', format: 'day' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'ChronicCareStatus' } },
  { source: 'endedOn', label: 'dossier.support.ended', format: 'day' },
];

const seriousColumns: Column<Serious>[] = [
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'disease', label: 'dossier.support.disease' },
  { source: 'hospital', label: 'dossier.support.hospital' },
  { source: 'diagnosedOn', label: 'dossier.support.diagnosed', format: 'day' },
  { source: 'includedOn', label: 'dossier.support.included', format: 'day' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'SeriousIllnessStatus' } },
  { source: 'closedOn', label: 'dossier.support.closed_on', format: 'day' },
  { source: 'note', label: 'dossier.columns.note' },
];

/** 健康扶贫 — insurance per member and year (gaps in red), stays and the 90% top-up, care, relief. */
export function SupportHealth({ sections: s }: { sections: SupportSections }) {
  const translate = useTranslate();
  const t = s.inpatient?.totals;
  return (
    <>
      {s.insurance ? (
        <SectionTable
          title="dossier.support.insurance"
          extra={
            s.insurance.gaps.length
              ? translate('dossier.support.gaps', { count: s.insurance.gaps.length })
              : translate('dossier.support.no_gaps')
          }
          rows={s.insurance.items}
          columns={insuranceColumns(translate, s.insurance)}
          more={leftOut(s.insurance)}
          testId="dossier-insurance"
        />
      ) : null}
      {s.inpatient ? (
        <SectionTable
          title="dossier.support.inpatient"
          extra={
            t
              ? translate('dossier.support.inpatient_totals', {
                  count: t.episodes ?? 0,
                  paid: formatYuan(t.topUpPaidFen ?? 0),
                  outstanding: formatYuan(t.topUpOutstandingFen ?? 0),
                })
              : undefined
          }
          rows={s.inpatient.items}
          columns={stayColumns}
          more={leftOut(s.inpatient)}
          tone={(x) => (x.topUpOutstandingFen > 0 ? 'error' : undefined)}
          testId="dossier-inpatient"
        />
      ) : null}
      {s.chronicCare ? (
        <SectionTable
          title="dossier.support.chronic_care"
          rows={s.chronicCare.items}
          columns={chronicColumns}
          more={leftOut(s.chronicCare)}
          testId="dossier-chronic-care"
        />
      ) : null}
      {s.seriousIllness ? (
        <SectionTable
          title="dossier.support.serious_illness"
          rows={s.seriousIllness.items}
          columns={seriousColumns}
          more={leftOut(s.seriousIllness)}
          testId="dossier-serious-illness"
        />
      ) : null}
    </>
  );
}

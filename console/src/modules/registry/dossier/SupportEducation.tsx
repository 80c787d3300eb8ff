import { useTranslate } from 'react-admin';
import { formatYuan } from '../../../common/format';
import { useTermLabel } from '../../support/SupportInputs';
import type { SupportSections } from './dossier.api';
import { type Column, leftOut, SectionTable } from './SectionTable';

type Students = NonNullable<SupportSections['students']>;
type Student = Students['items'][number];
type Subsidies = NonNullable<SupportSections['subsidies']>;
type Subsidy = Subsidies['items'][number];
type SubsidyTotal = Subsidies['totals']['byYear'][number];
type DropoutCase = NonNullable<SupportSections['dropoutCases']>['items'][number];
type Translate = ReturnType<typeof useTranslate>;
type TermLabel = ReturnType<typeof useTermLabel>;

const grade = (translate: Translate, stage: string | null | undefined, g: unknown) =>
  [
    stage ? translate(`enums.SchoolStage.${stage}`, { _: stage }) : null,
    typeof g === 'number' ? translate('support.grade', { grade: g }) : null,
  ]
    .filter(Boolean)
    .join(' ') || '—';

const studentColumns = (translate: Translate, term: TermLabel): Column<Student>[] => [
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'school', label: 'dossier.support.school' },
  {
    source: 'stage',
    label: 'dossier.support.grade',
    render: (s) => grade(translate, s.stage, s.grade),
  },
  {
    source: 'terms',
    label: 'dossier.support.terms',
    render: (s) =>
      s.terms
        .map(
          (e) =>
            `${term(e.term)}：${
              e.status
                ? translate(`enums.EnrollmentStatus.${e.status}`, { _: e.status })
                : translate('dossier.support.not_recorded')
            }`,
        )
        .join('；'),
  },
  { source: 'latestTerm', label: 'dossier.support.latest_term', render: (s) => term(s.latestTerm) },
];

const subsidyColumns = (translate: Translate, term: TermLabel): Column<Subsidy>[] => [
  { source: 'paidOn', label: 'dossier.support.paid_on', format: 'day' },
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'type', label: 'dossier.support.subsidy_type', format: { enum: 'SubsidyType' } },
  { source: 'stage', label: 'dossier.support.stage', format: { enum: 'SchoolStage' } },
  { source: 'term', label: 'dossier.support.term', render: (s) => term(s.term) },
  { source: 'amountFen', label: 'dossier.columns.amount', format: 'yuan', align: 'right' },
  {
    source: 'voided',
    label: 'dossier.support.voided',
    render: (s) =>
      s.voided
        ? translate('dossier.support.voided_because', { reason: s.voidReason ?? '—' })
        : translate('ra.boolean.false'),
  },
];

const subsidyTotalColumns: Column<SubsidyTotal>[] = [
  { source: 'year', label: 'dossier.columns.year' },
  { source: 'type', label: 'dossier.support.subsidy_type', format: { enum: 'SubsidyType' } },
  { source: 'payments', label: 'dossier.support.payments', align: 'right' },
  { source: 'amountFen', label: 'dossier.columns.amount', format: 'yuan', align: 'right' },
];

const dropoutColumns = (translate: Translate, term: TermLabel): Column<DropoutCase>[] => [
  { source: 'name', label: 'dossier.columns.name' },
  { source: 'term', label: 'dossier.support.term', render: (c) => term(c.term) },
  {
    source: 'expectedStage',
    label: 'dossier.support.expected',
    render: (c) => grade(translate, c.expectedStage, c.expectedGrade),
  },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'DropoutCaseStatus' } },
  {
    source: 'owner',
    label: 'dossier.support.owner',
    render: (c) =>
      c.owner ? [c.owner.name, c.owner.unit].filter(Boolean).join(' · ') : translate('app.none'),
  },
  { source: 'followUps', label: 'dossier.support.follow_ups', align: 'right' },
  { source: 'openedAt', label: 'dossier.support.opened', format: 'datetime' },
  { source: 'closedAt', label: 'dossier.support.closed', format: 'datetime' },
  {
    source: 'closeReason',
    label: 'dossier.support.close_reason',
    format: { enum: 'DropoutCloseReason' },
  },
];

/** 教育扶贫 — the students and their terms, the subsidies paid with totals, 控辍保学 cases. */
export function SupportEducation({ sections: s }: { sections: SupportSections }) {
  const translate = useTranslate();
  const term = useTermLabel();
  return (
    <>
      {s.students ? (
        <SectionTable
          title="dossier.support.students"
          extra={translate('dossier.support.current_term', { term: term(s.students.currentTerm) })}
          rows={s.students.items}
          columns={studentColumns(translate, term)}
          more={leftOut(s.students)}
          testId="dossier-students"
        />
      ) : null}
      {s.subsidies ? (
        <>
          <SectionTable
            title="dossier.support.subsidies"
            extra={translate('dossier.support.subsidy_totals', {
              count: s.subsidies.totals.payments,
              amount: formatYuan(s.subsidies.totals.amountFen),
            })}
            rows={s.subsidies.items}
            columns={subsidyColumns(translate, term)}
            more={leftOut(s.subsidies)}
            tone={(x) => (x.voided ? 'warning' : undefined)}
            testId="dossier-subsidies"
          />
          {s.subsidies.totals.byYear.length ? (
            <SectionTable
              title="dossier.support.subsidy_by_year"
              rows={s.subsidies.totals.byYear}
              columns={subsidyTotalColumns}
            />
          ) : null}
        </>
      ) : null}
      {s.dropoutCases ? (
        <SectionTable
          title="dossier.support.dropout_cases"
          extra={translate('dossier.support.open_cases', { count: s.dropoutCases.open })}
          rows={s.dropoutCases.items}
          columns={dropoutColumns(translate, term)}
          more={leftOut(s.dropoutCases)}
          tone={(c) => (c.status === 'open' ? 'warning' : undefined)}
          testId="dossier-dropout-cases"
        />
      ) : null}
    </>
  );
}

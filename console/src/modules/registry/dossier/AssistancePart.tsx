import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { formatYuan } from '../../../common/format';
import { Photo } from '../../assistance/visits/VisitPhotos';
import type { AssistanceSections } from './dossier.api';
import { FactGrid } from './FactGrid';
import { type Column, MoreNote, SectionTable, SectionTitle } from './SectionTable';
import { VisitCalendar } from './VisitCalendar';

type Helper = AssistanceSections['helpers']['items'][number];
type Plan = NonNullable<AssistanceSections['plan']>;
type Target = Plan['targets'][number];
type Progress = Plan['progress']['items'][number];
type Measure = AssistanceSections['measures']['items'][number];
type Visit = AssistanceSections['visits']['items'][number];
type Translate = ReturnType<typeof useTranslate>;

const causesText = (c: Plan['causes'], translate: Translate) =>
  [c.mainCause, ...c.otherCauses]
    .filter((x): x is string => Boolean(x))
    .map((x) => translate(`enums.PovertyCause.${x}`, { _: x }))
    .join('、') || '—';

const helperColumns: Column<Helper>[] = [
  { source: 'name', label: 'dossier.assistance.helper' },
  { source: 'unit', label: 'dossier.assistance.unit' },
  { source: 'rank', label: 'dossier.assistance.rank', format: { enum: 'HelperRank' } },
  { source: 'role', label: 'dossier.assistance.role', format: { enum: 'PairingRole' } },
  { source: 'phone', label: 'dossier.assistance.phone' },
  { source: 'startDate', label: 'dossier.columns.from', format: 'day' },
  { source: 'endDate', label: 'dossier.columns.to', format: 'day' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'PairingStatus' } },
  { source: 'endReason', label: 'dossier.assistance.end_reason' },
];

const targetColumns = (translate: Translate): Column<Target>[] => [
  { source: 'year', label: 'dossier.columns.year' },
  {
    source: 'perCapitaIncomeFen',
    label: 'dossier.assistance.target_income',
    format: 'yuan',
    align: 'right',
  },
  {
    source: 'guarantees',
    label: 'dossier.assistance.target_guarantees',
    render: (t) =>
      (t.guarantees ?? []).map((g) => translate(`enums.Guarantee.${g}`, { _: g })).join('、') ||
      '—',
  },
  { source: 'exit', label: 'dossier.assistance.target_exit', format: 'yesno' },
  { source: 'note', label: 'dossier.columns.note' },
];

const progressColumns: Column<Progress>[] = [
  { source: 'date', label: 'dossier.columns.day', format: 'day' },
  { source: 'percent', label: 'dossier.assistance.percent', render: (p) => `${p.percent}%` },
  { source: 'note', label: 'dossier.columns.note' },
  { source: 'by', label: 'dossier.columns.by' },
];

function PlanSection({ plan }: { plan: AssistanceSections['plan'] }) {
  const translate = useTranslate();
  if (!plan) {
    return (
      <>
        <SectionTitle label="dossier.assistance.plan" />
        <Typography variant="body2" color="text.secondary">
          {translate('dossier.assistance.no_plan')}
        </Typography>
      </>
    );
  }
  return (
    <Box data-testid="dossier-plan">
      <SectionTitle label="dossier.assistance.plan" />
      <FactGrid
        facts={[
          { label: 'dossier.assistance.summary', value: plan.summary },
          { label: 'dossier.assistance.causes', value: causesText(plan.causes, translate) },
          { label: 'dossier.assistance.progress', value: `${plan.progressPercent}%` },
          { label: 'dossier.assistance.versions', value: plan.versions },
          { label: 'dossier.columns.updated', value: plan.updatedAt, format: 'datetime' },
        ]}
      />
      {plan.causesChanged ? (
        <Alert severity="warning" sx={{ my: 1 }}>
          {translate('dossier.assistance.causes_changed', {
            causes: causesText(plan.currentCauses, translate),
          })}
        </Alert>
      ) : null}
      <SectionTable
        title="dossier.assistance.targets"
        rows={plan.targets}
        columns={targetColumns(translate)}
      />
      <SectionTable
        title="dossier.assistance.progress_notes"
        rows={plan.progress.items}
        columns={progressColumns}
        more={plan.progress.omitted}
      />
    </Box>
  );
}

const measureColumns: Column<Measure>[] = [
  { source: 'category', label: 'dossier.assistance.category', format: { enum: 'MeasureCategory' } },
  { source: 'type', label: 'dossier.assistance.measure_type' },
  { source: 'description', label: 'dossier.columns.note' },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'MeasureStatus' } },
  { source: 'amountFen', label: 'dossier.columns.amount', format: 'yuan', align: 'right' },
  {
    source: 'quantity',
    label: 'dossier.assistance.quantity',
    render: (m) =>
      m.quantity === null || m.quantity === undefined ? '—' : `${m.quantity}${m.unit ?? ''}`,
  },
  { source: 'startDate', label: 'dossier.columns.from', format: 'day' },
  { source: 'endDate', label: 'dossier.columns.to', format: 'day' },
  { source: 'helperName', label: 'dossier.assistance.helper' },
];

const visitColumns: Column<Visit>[] = [
  { source: 'date', label: 'dossier.columns.day', format: 'day' },
  { source: 'helperName', label: 'dossier.assistance.helper' },
  { source: 'findings', label: 'dossier.assistance.findings' },
  { source: 'actions', label: 'dossier.assistance.actions' },
  { source: 'nextSteps', label: 'dossier.assistance.next_steps' },
  { source: 'photos', label: 'dossier.assistance.photos', align: 'right' },
  { source: 'lateEntry', label: 'dossier.assistance.late_entry', format: 'yesno' },
];

function Photos({ photos }: { photos: AssistanceSections['photos'] }) {
  const translate = useTranslate();
  return (
    <Box data-testid="dossier-photos">
      <SectionTitle label="dossier.assistance.photo_wall" />
      {photos.items.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('dossier.none')}
        </Typography>
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {photos.items.map((p) => (
            <Link
              key={p.photoId}
              to={`/visits/${p.visitId}/show`}
              title={`${p.date} ${p.helperName}`}
            >
              <Photo url={p.url} name={`${p.date} ${p.helperName}`} />
            </Link>
          ))}
        </Box>
      )}
      <MoreNote more={photos.omitted} />
    </Box>
  );
}

/** 帮扶 — the assistance part: helpers, the 一户一策 plan, measures, visits and their calendar, photos. */
export function AssistancePart({ sections: s }: { sections: AssistanceSections }) {
  const translate = useTranslate();
  return (
    <>
      <SectionTable
        title="dossier.assistance.helpers"
        rows={s.helpers.items}
        columns={helperColumns}
        more={s.helpers.omitted}
        testId="dossier-helpers"
      />
      <PlanSection plan={s.plan} />
      <SectionTable
        title="dossier.assistance.measures"
        extra={translate('dossier.assistance.measures_amount', {
          amount: translate('app.common.yuan', { amount: formatYuan(s.measures.amountFen) }),
        })}
        rows={s.measures.items}
        columns={measureColumns}
        more={s.measures.omitted}
        testId="dossier-measures"
      />
      <VisitCalendar calendar={s.visitCalendar} />
      <SectionTable
        title="dossier.assistance.visit_log"
        extra={
          s.visits.lastVisitDate
            ? translate('dossier.assistance.last_visit', { date: s.visits.lastVisitDate })
            : undefined
        }
        rows={s.visits.items}
        columns={visitColumns}
        more={s.visits.omitted}
        testId="dossier-visits"
      />
      <Photos photos={s.photos} />
    </>
  );
}

import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { pick } from '../../../providers/problem';
import { evidenceText, type GuaranteeView, sourceText } from '../households/guarantee-source';
import type { RegistrySections } from './dossier.api';
import { FactGrid } from './FactGrid';
import { RegistryWorkflows } from './RegistryWorkflows';
import { type Column, SectionTable } from './SectionTable';

type Member = RegistrySections['members']['items'][number];
type StatusChange = RegistrySections['statusHistory']['items'][number];
type Guarantee = RegistrySections['guarantees'][number];
type IncomeYear = RegistrySections['incomeByYear']['items'][number];
type Translate = ReturnType<typeof useTranslate>;

const F = 'resources.households.fields';
const M = 'resources.members.fields';

function HouseholdFacts({ h }: { h: RegistrySections['household'] }) {
  const translate = useTranslate();
  return (
    <FactGrid
      testId="dossier-household"
      facts={[
        { label: `${F}.householdNo`, value: h.householdNo },
        {
          label: `${F}.headName`,
          value: h.headPending ? translate('dossier.registry.head_pending') : h.headName,
        },
        { label: `${F}.status`, value: h.status, format: { enum: 'HouseholdStatus' } },
        { label: `${F}.groupNo`, value: h.groupNo },
        { label: `${F}.address`, value: h.address },
        { label: `${F}.attribute`, value: h.attribute, format: { enum: 'PovertyAttribute' } },
        { label: `${F}.mainCause`, value: h.mainCause, format: { enum: 'PovertyCause' } },
        {
          label: `${F}.otherCauses`,
          value: (h.otherCauses ?? [])
            .map((c) => translate(`enums.PovertyCause.${c}`, { _: c }))
            .join('、'),
        },
        { label: `${F}.size`, value: h.size },
        { label: `${F}.identificationYear`, value: h.identificationYear },
        { label: `${F}.exitYear`, value: h.exitYear },
        {
          label: `${F}.housingGrade`,
          value: h.housingGrade,
          format: { enum: 'HousingSafetyGrade' },
        },
        { label: `${F}.partyMember`, value: h.partyMember, format: 'yesno' },
        { label: `${F}.phone`, value: h.phone },
        { label: `${F}.bankName`, value: h.bankName },
        { label: `${F}.bankAccount`, value: h.bankAccount },
        { label: `${F}.createdAt`, value: h.registeredAt, format: 'datetime' },
        { label: `${F}.updatedAt`, value: h.updatedAt, format: 'datetime' },
      ]}
    />
  );
}

const memberColumns = (translate: Translate): Column<Member>[] => [
  { source: 'name', label: `${M}.name` },
  { source: 'relation', label: `${M}.relation`, format: { enum: 'Relation' } },
  { source: 'sex', label: `${M}.sex`, format: { enum: 'Sex' } },
  { source: 'birthDate', label: `${M}.birthDate`, format: 'day' },
  { source: 'idNumber', label: 'dossier.registry.id_number_masked' },
  { source: 'health', label: `${M}.health`, format: { enum: 'HealthStatus' } },
  { source: 'labourCapacity', label: `${M}.labourCapacity`, format: { enum: 'LabourCapacity' } },
  { source: 'educationLevel', label: `${M}.educationLevel`, format: { enum: 'EducationLevel' } },
  { source: 'schoolStage', label: `${M}.schoolStage`, format: { enum: 'SchoolStage' } },
  { source: 'medicalInsurance', label: `${M}.medicalInsurance`, format: 'yesno' },
  { source: 'pensionInsurance', label: `${M}.pensionInsurance`, format: 'yesno' },
  { source: 'minimumAllowance', label: `${M}.minimumAllowance`, format: 'yesno' },
  {
    source: 'status',
    label: `${M}.status`,
    render: (m) =>
      m.status === 'active'
        ? translate('enums.MemberStatus.active')
        : translate('dossier.registry.removed', {
            date: m.removedOn ?? '—',
            reason:
              m.removedReason === 'import'
                ? translate('dossier.registry.removed_by_import')
                : (m.removedReason ?? '—'),
          }),
  },
];

const actionLabel = (action: string, translate: Translate) => {
  const [kind, step] = action.split('.');
  return step
    ? `${translate(`enums.WorkflowKind.${kind}`, { _: kind })} · ${translate(`enums.WorkflowAction.${step}`, { _: step })}`
    : translate(`enums.HistoryAction.${action}`, { _: action });
};

const statusColumns = (translate: Translate): Column<StatusChange>[] => {
  const status = (s: string | null) =>
    s ? translate(`enums.HouseholdStatus.${s}`, { _: s }) : translate('app.none');
  return [
    { source: 'at', label: 'dossier.columns.at', format: 'datetime' },
    {
      source: 'action',
      label: 'dossier.registry.action',
      render: (c) => actionLabel(c.action, translate),
    },
    {
      source: 'to',
      label: 'dossier.registry.change',
      render: (c) => `${status(c.from)} → ${status(c.to)}`,
    },
    { source: 'reason', label: 'dossier.columns.reason' },
    { source: 'actorName', label: 'dossier.columns.by' },
    {
      source: 'evidence',
      label: 'dossier.registry.evidence',
      render: (c) => c.evidence.map((e) => evidenceText(e, translate)).join('；') || '—',
    },
  ];
};

/** The dossier's guarantee as the household card reads one (its typed or derived source). */
const viewOf = (g: Guarantee): GuaranteeView => ({
  state: g.state,
  source: g.source,
  note: g.note ?? null,
  derived: g.source !== 'typed' && g.fact ? { state: g.state, fact: g.fact } : null,
  typed:
    g.source === 'typed'
      ? { state: g.state, reason: g.reason ?? null, actorName: g.typedBy ?? null }
      : null,
});

const guaranteeColumns = (translate: Translate, members: Member[]): Column<Guarantee>[] => [
  { source: 'code', label: 'guarantees.columns.guarantee', format: { enum: 'Guarantee' } },
  {
    source: 'state',
    label: 'guarantees.columns.state',
    render: (g) => translate(`guarantees.state.${g.state}`),
  },
  {
    source: 'source',
    label: 'guarantees.columns.source',
    render: (g) => sourceText(viewOf(g), members, translate),
  },
  { source: 'note', label: 'guarantees.columns.note' },
];

const incomeColumns: Column<IncomeYear>[] = [
  { source: 'year', label: `${F}.income.year` },
  { source: 'wagesFen', label: 'dossier.registry.wages', format: 'yuan', align: 'right' },
  { source: 'productionFen', label: 'dossier.registry.production', format: 'yuan', align: 'right' },
  { source: 'propertyFen', label: 'dossier.registry.property', format: 'yuan', align: 'right' },
  { source: 'transferFen', label: 'dossier.registry.transfer', format: 'yuan', align: 'right' },
  { source: 'totalFen', label: 'dossier.registry.total_income', format: 'yuan', align: 'right' },
  { source: 'size', label: `${F}.size`, align: 'right' },
  { source: 'perCapitaFen', label: 'dossier.registry.per_capita', format: 'yuan', align: 'right' },
  { source: 'povertyLineFen', label: 'dossier.registry.line', format: 'yuan', align: 'right' },
  { source: 'belowLine', label: `${F}.belowPovertyLine`, format: 'yesno' },
];

/** 家庭与成员 — the registry's part: the household, its members, history, guarantees, income, workflows. */
export function RegistryPart({ sections: s }: { sections: RegistrySections }) {
  const translate = useTranslate();
  const members = s.members.items;
  return (
    <>
      <HouseholdFacts h={s.household} />
      <SectionTable
        title="dossier.registry.members"
        extra={translate('dossier.registry.masked')}
        rows={members}
        columns={memberColumns(translate)}
        more={s.members.omitted}
        tone={(m) => (m.status === 'active' ? undefined : 'warning')}
        testId="dossier-members"
      />
      <SectionTable
        title="dossier.registry.status_history"
        rows={s.statusHistory.items}
        columns={statusColumns(translate)}
        more={s.statusHistory.omitted}
        testId="dossier-status-history"
      />
      <SectionTable
        title="guarantees.card"
        rows={s.guarantees}
        columns={guaranteeColumns(translate, members)}
        tone={(g) => (g.state === 'met' ? undefined : 'error')}
        testId="dossier-guarantees"
      />
      <SectionTable
        title="dossier.registry.income"
        rows={s.incomeByYear.items}
        columns={incomeColumns}
        tone={(y) => (y.belowLine ? 'error' : undefined)}
        testId="dossier-income"
      />
      {s.incomeByYear.kept === 'latest_year_only' ? (
        <Typography variant="caption" color="text.secondary" component="p">
          {pick(s.incomeByYear.note)}
        </Typography>
      ) : null}
      <RegistryWorkflows workflows={s.workflows} />
    </>
  );
}

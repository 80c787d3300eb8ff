import { useTranslate } from 'react-admin';
import { formatDateTime } from '../../../common/format';
import { pick } from '../../../providers/problem';
import type { MatchingSections, PartView, RegistrySections } from './dossier.api';
import { PartGate } from './PartGate';
import { type Column, RecordLink, SectionTable } from './SectionTable';

type Finding = MatchingSections['findings']['items'][number];
type Monitoring = RegistrySections['monitoring'];
type Warning = Monitoring['warnings']['items'][number];
type FollowUp = Monitoring['followUps']['items'][number];
type Translate = ReturnType<typeof useTranslate>;

function evidenceText(f: Finding, translate: Translate): string {
  const e = f.evidence;
  if (e.statement) return pick(e.statement);
  if (e.kind === 'list_row' && e.listType)
    return translate('dossier.checks.evidence_row', {
      list: translate(`enums.MatchingListType.${e.listType}`, { _: e.listType }),
      date: e.listDate ?? '—',
      row: e.row ?? '—',
    });
  return translate(`dossier.checks.evidence_${e.kind}`);
}

const findingColumns = (translate: Translate): Column<Finding>[] => [
  {
    source: 'rule',
    label: 'dossier.checks.rule',
    render: (f) => (
      <RecordLink resource="matching-findings" id={f.id}>
        {translate(`enums.MatchingRule.${f.rule}`, { _: f.rule })}
      </RecordLink>
    ),
  },
  { source: 'listType', label: 'dossier.checks.list_type', format: { enum: 'MatchingListType' } },
  {
    source: 'memberName',
    label: 'dossier.checks.subject',
    render: (f) => f.memberName ?? translate('resources.matching-findings.whole_household'),
  },
  { source: 'status', label: 'dossier.columns.status', format: { enum: 'MatchingFindingStatus' } },
  {
    source: 'conclusion',
    label: 'dossier.checks.conclusion',
    render: (f) =>
      f.conclusion
        ? [
            translate(`enums.MatchingConclusion.${f.conclusion}`, { _: f.conclusion }),
            f.conclusionReasonCode
              ? translate(
                  `resources.matching-findings.workflow.dismissal.${f.conclusionReasonCode}`,
                  {
                    _: f.conclusionReasonCode,
                  },
                )
              : null,
          ]
            .filter(Boolean)
            .join('：')
        : '—',
  },
  {
    source: 'dueAt',
    label: 'dossier.checks.due',
    render: (f) =>
      f.overdue
        ? translate('dossier.checks.overdue_since', { date: formatDateTime(f.dueAt) })
        : formatDateTime(f.dueAt),
  },
  { source: 'createdAt', label: 'dossier.checks.created', format: 'datetime' },
  { source: 'closedAt', label: 'dossier.checks.closed', format: 'datetime' },
  {
    source: 'registryOutcome.outcome',
    label: 'dossier.checks.registry_outcome',
    format: { enum: 'MatchingRegistryOutcome' },
  },
  {
    source: 'evidence',
    label: 'dossier.checks.evidence',
    render: (f) => evidenceText(f, translate),
  },
];

const warningColumns = (translate: Translate): Column<Warning>[] => [
  {
    source: 'rules',
    label: 'dossier.checks.signals',
    render: (w) => (
      <RecordLink resource="monitoring-warnings" id={w.id}>
        {w.rules.map((r) => pick(r.label)).join('、') || '—'}
      </RecordLink>
    ),
  },
  {
    source: 'status',
    label: 'dossier.columns.status',
    format: { enum: 'MonitoringWarningStatus' },
  },
  {
    source: 'suggestedCategory',
    label: 'dossier.registry.category',
    format: { enum: 'MonitoringCategory' },
  },
  { source: 'raisedAt', label: 'dossier.checks.raised', format: 'datetime' },
  {
    source: 'dueAt',
    label: 'dossier.checks.due',
    render: (w) =>
      w.overdue
        ? translate('dossier.checks.overdue_since', { date: formatDateTime(w.dueAt) })
        : formatDateTime(w.dueAt),
  },
  {
    source: 'decision',
    label: 'dossier.checks.decision',
    render: (w) =>
      w.decision
        ? translate('dossier.checks.decided', {
            decision: translate(`enums.MonitoringWarningStatus.${w.decision.decision}`),
            by: w.decision.by,
            date: formatDateTime(w.decision.at),
            reason: w.decision.reason,
          })
        : '—',
  },
];

const followUpColumns: Column<FollowUp>[] = [
  { source: 'month', label: 'dossier.checks.month' },
  { source: 'incomeFen', label: 'dossier.checks.income', format: 'yuan', align: 'right' },
  { source: 'size', label: 'resources.households.fields.size', align: 'right' },
  { source: 'perCapitaFen', label: 'dossier.registry.per_capita', format: 'yuan', align: 'right' },
  { source: 'homeCheckOn', label: 'dossier.checks.home_check', format: 'day' },
  { source: 'note', label: 'dossier.columns.note' },
  { source: 'recordedBy', label: 'dossier.columns.by' },
  { source: 'recordedAt', label: 'dossier.checks.recorded', format: 'datetime' },
];

/**
 * 数据比对与预警 — the matching findings on the household (overdue ones in red) and the registry's
 * 防返贫 warnings with the monthly follow-ups.
 */
export function ChecksTab({
  matching,
  monitoring,
}: {
  matching: PartView<'matching'> | undefined;
  monitoring: Monitoring;
}) {
  const translate = useTranslate();
  const c = monitoring.counts;
  return (
    <>
      <PartGate part={matching}>
        {({ sections: s }) => (
          <SectionTable
            title="dossier.checks.findings"
            extra={translate('dossier.checks.finding_counts', {
              open: s.counts.open,
              overdue: s.counts.overdue,
              closed: s.counts.closed,
            })}
            rows={s.findings.items}
            columns={findingColumns(translate)}
            more={s.findings.omitted}
            tone={(f) => (f.overdue ? 'error' : undefined)}
            testId="dossier-findings"
          />
        )}
      </PartGate>
      <SectionTable
        title="dossier.checks.warnings"
        extra={translate('dossier.checks.warning_counts', {
          open: c.open,
          overdue: c.overdue,
          confirmed: c.confirmed,
          dismissed: c.dismissed,
        })}
        rows={monitoring.warnings.items}
        columns={warningColumns(translate)}
        more={monitoring.warnings.omitted}
        tone={(w) => (w.overdue ? 'error' : undefined)}
        testId="dossier-warnings"
      />
      <SectionTable
        title="dossier.checks.follow_ups"
        rows={monitoring.followUps.items}
        columns={followUpColumns}
        more={monitoring.followUps.omitted}
        testId="dossier-follow-ups"
      />
    </>
  );
}

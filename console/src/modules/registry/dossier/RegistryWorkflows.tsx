import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { formatDay } from '../../../common/format';
import { evidenceText } from '../households/guarantee-source';
import type { RegistrySections } from './dossier.api';
import { FactGrid } from './FactGrid';
import { type Column, SectionTable, SectionTitle } from './SectionTable';

type Workflows = RegistrySections['workflows'];
type Run = NonNullable<Workflows['active']>;
type Step = Run['steps'][number];
type Proposal = Workflows['proposals'][number];
type Translate = ReturnType<typeof useTranslate>;

const today = () => formatDay(new Date().toISOString());

/** 告知与答复 of a 清退 opened for a finding, in words: told when and how, and the answer. */
export function noticeLines(run: Run, translate: Translate): string[] {
  const n = run.householdNotice;
  if (!n) return run.findingId ? [translate('clearance.notice.not_given')] : [];
  const lines = [
    translate('clearance.notice.given', {
      date: n.givenOn,
      channel: translate(`enums.NoticeChannel.${n.channel}`, { _: n.channel }),
    }),
    translate('clearance.notice.respond_by', { date: n.respondBy }),
  ];
  if (n.text) lines.push(n.text);
  const r = n.response;
  if (r) {
    lines.push(
      `${translate('clearance.notice.answered_on', { date: r.receivedOn })}：${translate(
        r.objects ? 'clearance.notice.objects' : 'clearance.notice.no_objection',
      )}`,
    );
    if (r.text) lines.push(r.text);
  } else {
    lines.push(
      n.respondBy < today()
        ? translate('clearance.notice.lapsed', { date: n.respondBy })
        : translate('clearance.notice.waiting', { date: n.respondBy }),
    );
  }
  return lines;
}

const stepColumns = (translate: Translate): Column<Step>[] => [
  { source: 'at', label: 'dossier.columns.at', format: 'datetime' },
  { source: 'action', label: 'dossier.registry.action', format: { enum: 'WorkflowAction' } },
  { source: 'actorName', label: 'dossier.columns.by' },
  { source: 'reason', label: 'dossier.columns.reason' },
  {
    source: 'evidence',
    label: 'dossier.registry.evidence',
    render: (s) => s.evidence.map((e) => evidenceText(e, translate)).join('；') || '—',
  },
];

function ActiveRun({ run, pending }: { run: Run; pending: Workflows['pending'] }) {
  const translate = useTranslate();
  const notice = noticeLines(run, translate);
  return (
    <Box data-testid="dossier-active-workflow">
      <FactGrid
        facts={[
          { label: 'dossier.registry.kind', value: run.kind, format: { enum: 'WorkflowKind' } },
          { label: 'dossier.registry.stage', value: run.stage, format: { enum: 'WorkflowStage' } },
          { label: 'dossier.registry.started', value: run.startedAt, format: 'datetime' },
          {
            label: 'dossier.registry.category',
            value: run.category,
            format: { enum: 'MonitoringCategory' },
          },
          { label: 'dossier.columns.year', value: run.year },
          {
            label: 'clearance.finding_id',
            value: run.findingId ? translate('clearance.finding', { id: run.findingId }) : null,
          },
        ]}
      />
      {pending ? (
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('workflow.waiting', {
            action: translate(`enums.WorkflowAction.${pending.action}`, { _: pending.action }),
          })}
          {pending.noticeEndsAt
            ? `；${translate('workflow.notice_until', { date: formatDay(pending.noticeEndsAt) })}`
            : ''}
        </Alert>
      ) : null}
      {notice.length ? (
        <Box data-testid="dossier-household-notice" sx={{ my: 1 }}>
          <Typography variant="subtitle2">{translate('clearance.notice.title')}</Typography>
          {notice.map((l, i) => (
            <Typography key={i} variant="body2">
              {l}
            </Typography>
          ))}
        </Box>
      ) : null}
      <SectionTable rows={run.steps} columns={stepColumns(translate)} />
    </Box>
  );
}

const runColumns = (translate: Translate): Column<Run>[] => [
  { source: 'kind', label: 'dossier.registry.kind', format: { enum: 'WorkflowKind' } },
  { source: 'outcome', label: 'dossier.registry.outcome', format: { enum: 'WorkflowOutcome' } },
  { source: 'startedAt', label: 'dossier.registry.started', format: 'datetime' },
  { source: 'closedAt', label: 'dossier.registry.closed', format: 'datetime' },
  {
    source: 'steps',
    label: 'dossier.registry.last_step',
    render: (r) => {
      const last = r.steps[r.steps.length - 1];
      if (!last) return '—';
      const step = translate(`enums.WorkflowAction.${last.action}`, { _: last.action });
      return last.reason ? `${step}：${last.reason}` : step;
    },
  },
  {
    source: 'householdNotice',
    label: 'clearance.notice.title',
    render: (r) => noticeLines(r, translate).join('；') || '—',
  },
];

const proposalColumns = (translate: Translate): Column<Proposal>[] => [
  { source: 'flag', label: 'dossier.registry.flag', format: { enum: 'ExclusionFlag' } },
  { source: 'rule', label: 'dossier.checks.rule', format: { enum: 'MatchingRule' } },
  {
    source: 'status',
    label: 'dossier.columns.status',
    render: (p) => translate(`clearance.status.${p.status}`),
  },
  { source: 'proposedAt', label: 'dossier.registry.proposed', format: 'datetime' },
  { source: 'decidedBy', label: 'dossier.columns.by' },
  { source: 'reason', label: 'dossier.columns.reason' },
];

/** 识别与退出流程 — the running workflow (with 告知与答复), the closed ones, the exclusions proposed. */
export function RegistryWorkflows({ workflows: w }: { workflows: Workflows }) {
  const translate = useTranslate();
  return (
    <>
      <SectionTitle label="dossier.registry.workflow_active" />
      {w.active ? (
        <ActiveRun run={w.active} pending={w.pending} />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('workflow.none_active')}
        </Typography>
      )}
      <SectionTable
        title="workflow.closed_runs"
        rows={w.recent.items}
        columns={runColumns(translate)}
        more={w.recent.omitted}
        testId="dossier-recent-workflows"
      />
      {w.proposals.length ? (
        <SectionTable
          title="clearance.proposals"
          rows={w.proposals}
          columns={proposalColumns(translate)}
        />
      ) : null}
    </>
  );
}

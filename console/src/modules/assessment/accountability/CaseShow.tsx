import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router';
import { AreaField, DateTimeField, EnumField, EnumLabel } from '../../../common/fields';
import { formatDateTime, formatDay } from '../../../common/format';
import { Show } from '../../../common/Show';
import { formatScore, pickText, resultId } from '../codes';
import { YellowCard } from '../results/YellowCard';
import type { AccountabilityCase } from './accountability.api';
import { CloseButton, DecideButton, FollowUpButton } from './CaseActions';
import { CaseQuarter } from './CaseList';

const m = (k: string) => `assessment.cases.${k}`;

/** 事实 — the two rankings behind the case, each with its explanation and a link to it. */
function Facts() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  if (!c) return null;
  return (
    <Labeled label={m('facts')}>
      <Box>
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="case-reason">
          {pickText(c.facts.reason)}
        </Typography>
        <Table size="small" data-testid="case-facts">
          <TableHead>
            <TableRow>
              {['quarter', 'score', 'rank', 'warning', 'explanation', 'open'].map((k) => (
                <TableCell key={k}>{translate(m(`ranking.${k}`))}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {c.facts.rankings.map((r) => (
              <TableRow key={r.rankingId}>
                <TableCell>
                  {translate('assessment.quarter_version', {
                    year: r.year,
                    quarter: r.quarter,
                    version: r.version,
                  })}
                </TableCell>
                <TableCell align="right">{formatScore(r.scoreCenti)}</TableCell>
                <TableCell>{translate('assessment.rank_of', { rank: r.rank, of: r.of })}</TableCell>
                <TableCell>
                  <YellowCard
                    yellowCard={r.yellowCard}
                    accountability={r.rankingId === c.facts.rankingId}
                    consecutive={r.consecutiveYellowCards}
                  />
                </TableCell>
                <TableCell sx={{ maxWidth: 480 }}>
                  {r.explanation.map((e, i) => (
                    <Typography key={i} variant="body2">
                      {pickText(e)}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  <MuiButton
                    size="small"
                    component={Link}
                    to={`/ranking-results/${encodeURIComponent(resultId(r.rankingId, c.unitId))}/show`}
                  >
                    {translate('assessment.table.open')}
                  </MuiButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Labeled>
  );
}

/** Label and value rows of one part of the case (the decision, the closing). */
function Rows({
  label,
  rows,
  testId,
}: {
  label: string;
  rows: [string, ReactNode][];
  testId: string;
}) {
  const translate = useTranslate();
  return (
    <Labeled label={label}>
      <Table size="small" sx={{ maxWidth: 760 }} data-testid={testId}>
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" sx={{ width: 160 }}>
                {translate(k)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Decision() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  const d = c?.decision;
  if (!d) return null;
  return (
    <Rows
      label={m('decision.title')}
      testId="case-decision"
      rows={[
        [m('decision.kind'), <EnumLabel key="k" name="AccountabilityDecisionKind" code={d.kind} />],
        [m('decision.decidedOn'), formatDay(d.decidedOn)],
        [m('decision.decidedBy'), d.decidedBy],
        [m('decision.documentNo'), d.documentNo || '—'],
        [m('decision.text'), d.text],
        [
          m('decision.recordedBy'),
          translate(m('by_at'), { by: d.recordedBy.name, at: formatDateTime(d.recordedAt) }),
        ],
      ]}
    />
  );
}

function FollowUps() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  if (!c?.decision) return null;
  return (
    <Labeled label={m('follow_ups.title')}>
      <Table size="small" sx={{ maxWidth: 900 }} data-testid="case-follow-ups">
        <TableHead>
          <TableRow>
            {['on', 'text', 'by'].map((k) => (
              <TableCell key={k}>{translate(m(`follow_ups.${k}`))}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {c.followUps.map((f) => (
            <TableRow key={f.id}>
              <TableCell>{formatDay(f.on)}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{f.text}</TableCell>
              <TableCell>{f.by.name}</TableCell>
            </TableRow>
          ))}
          {c.followUps.length ? null : (
            <TableRow>
              <TableCell colSpan={3}>{translate(m('follow_ups.none'))}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Closing() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  const cl = c?.closing;
  if (!cl) return null;
  return (
    <Rows
      label={m('closing.title')}
      testId="case-closing"
      rows={[
        [m('closing.on'), formatDay(cl.on)],
        [m('closing.note'), cl.note],
        [m('closing.by'), translate(m('by_at'), { by: cl.by.name, at: formatDateTime(cl.at) })],
      ]}
    />
  );
}

/** 处理记录 — every change, the ranking's own (系统) and the office's. */
function History() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  return (
    <Labeled label={m('history.title')}>
      <Table size="small" sx={{ maxWidth: 1000 }} data-testid="case-history">
        <TableBody>
          {(c?.history ?? []).map((h, i) => (
            <TableRow key={i}>
              <TableCell>{formatDateTime(h.at)}</TableCell>
              <TableCell>{translate(m(`history.${h.action}`))}</TableCell>
              <TableCell>
                <EnumLabel name="AccountabilityCaseStatus" code={h.to} />
              </TableCell>
              <TableCell>{h.by?.name ?? translate(m('history.system'))}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{h.note ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Withdrawal() {
  const translate = useTranslate();
  const c = useRecordContext<AccountabilityCase>();
  if (!c?.withdrawal) return null;
  return (
    <Alert severity="info" data-testid="case-withdrawal">
      {translate(m('withdrawn_by'), { reason: pickText(c.withdrawal.reason) })}
    </Alert>
  );
}

/** 问责案件 — the facts, the decision, the follow-ups, the closing and the history. */
export default function CaseShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <DecideButton />
          <FollowUpButton />
          <CloseButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Withdrawal />
        <TextField source="unit.name" label="resources.accountability-cases.fields.unit.name" />
        <AreaField source="areaCode" />
        <Labeled label="resources.accountability-cases.fields.quarterKey">
          <CaseQuarter />
        </Labeled>
        <EnumField source="status" name="AccountabilityCaseStatus" chip />
        <DateTimeField source="openedAt" />
        <Facts />
        <Decision />
        <FollowUps />
        <Closing />
        <History />
      </SimpleShowLayout>
    </Show>
  );
}

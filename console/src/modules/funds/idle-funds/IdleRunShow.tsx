import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Labeled,
  RecordContextProvider,
  SimpleShowLayout,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { Link } from 'react-router';
import { AreaField, DateTimeField, DayField, EnumLabel } from '../../../common/fields';
import { formatYuan } from '../../../common/format';
import type { IdleRun } from '../funds.api';

const f = (k: string) => `resources.idle-funds.fields.${k}`;
const TOWNSHIP_COLUMNS = [
  'idleFen',
  'unfinishedFen',
  'completedUnpaidFen',
  'allocatedFen',
  'disbursedFen',
] as const;

function Townships() {
  const translate = useTranslate();
  const run = useRecordContext<IdleRun>();
  if (!run) return null;
  return (
    <Labeled label="resources.idle-funds.townships">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('townshipCode'))}</TableCell>
            {TOWNSHIP_COLUMNS.map((k) => (
              <TableCell key={k} align="right">
                {translate(f(k))}
              </TableCell>
            ))}
            <TableCell align="right">{translate(f('idleProjects'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {run.townships.map((t) => (
            <TableRow key={t.townshipCode}>
              <TableCell>
                <RecordContextProvider value={{ ...t, id: t.townshipCode ?? '' }}>
                  <AreaField source="townshipCode" />
                </RecordContextProvider>
              </TableCell>
              {TOWNSHIP_COLUMNS.map((k) => (
                <TableCell key={k} align="right">
                  {formatYuan(t[k])}
                </TableCell>
              ))}
              <TableCell align="right">{t.idleProjects ?? 0}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Projects() {
  const translate = useTranslate();
  const run = useRecordContext<IdleRun>();
  if (!run) return null;
  return (
    <Labeled label="resources.idle-funds.projects">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('code'))}</TableCell>
            <TableCell>{translate(f('projectName'))}</TableCell>
            <TableCell>{translate(f('category'))}</TableCell>
            <TableCell align="right">{translate(f('idleFen'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(run.projects ?? []).map((p) => (
            <TableRow key={p.projectId}>
              <TableCell>
                <Link to={`/projects/${p.projectId ?? ''}/show`}>{p.code}</Link>
              </TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>
                <EnumLabel name="IdleCategory" code={p.category} />
              </TableCell>
              <TableCell align="right">{formatYuan(p.idleFen)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Totals() {
  const translate = useTranslate();
  const run = useRecordContext<IdleRun>();
  if (!run) return null;
  return (
    <Typography variant="body1">
      {translate('resources.idle-funds.totals', {
        idle: formatYuan(run.totals.idleFen ?? 0),
        townships: run.totals.townshipsWithIdle ?? 0,
        projects: run.totals.idleProjects ?? 0,
      })}
    </Typography>
  );
}

export default function IdleRunShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DayField source="date" />
        <DayField source="cutoff" />
        <DateTimeField source="computedAt" />
        <Totals />
        <Townships />
        <Projects />
      </SimpleShowLayout>
    </Show>
  );
}

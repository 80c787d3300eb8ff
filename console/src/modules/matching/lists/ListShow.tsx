import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  CreateButton,
  Labeled,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { SectionHeading } from '../../../common/SectionHeading';
import { ImportCounts } from '../../../common/imports/ImportCounts';
import { pick } from '../../../providers/problem';
import type { MatchingApi } from '../../../providers/api-types';
import { StartRunButton } from '../runs/StartRunButton';
import type { DepartmentList } from '../matching.api';
import { ListRetention, rowsDeleted } from './ListRetention';

type RowProblem = MatchingApi.components['schemas']['RowProblem'];
const COUNTS = [
  'rowsRead',
  'rowsAccepted',
  'rowsRejected',
  'rowsWithInvalidId',
  'warningsCount',
] as const;

function Counts() {
  const list = useRecordContext<DepartmentList>();
  if (!list) return null;
  return (
    <ImportCounts
      counts={list}
      keys={COUNTS}
      fields="resources.department-lists.fields"
      testId="list-counts"
    />
  );
}

/** 列映射 — which column gave the ID numbers, which the fact, which were kept (masked) as evidence. */
function Columns() {
  const translate = useTranslate();
  const list = useRecordContext<DepartmentList>();
  if (!list) return null;
  const kept = new Set(list.evidenceHeaders ?? []);
  return (
    <Box data-testid="list-columns">
      <SectionHeading label="resources.department-lists.sections.columns" />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        {(list.headers ?? [])
          .filter((h) => h !== '')
          .map((h, i) => {
            const role =
              h === list.idColumn
                ? 'id'
                : h === list.factColumn
                  ? 'fact'
                  : kept.has(h)
                    ? 'evidence'
                    : 'ignored';
            return (
              <Chip
                key={`${h}-${i}`}
                size="small"
                color={role === 'id' ? 'primary' : role === 'fact' ? 'secondary' : 'default'}
                variant={role === 'ignored' ? 'outlined' : 'filled'}
                label={`${h}：${translate(`resources.department-lists.column_roles.${role}`)}`}
              />
            );
          })}
      </Box>
    </Box>
  );
}

function Problems({ rows, testId }: { rows: RowProblem[]; testId: string }) {
  const translate = useTranslate();
  const f = (k: string) => translate(`resources.department-lists.problem_fields.${k}`);
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          {['row', 'column', 'value', 'message'].map((k) => (
            <TableCell key={k}>{f(k)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={`${r.row}-${r.column}-${i}`}>
            <TableCell>{r.row}</TableCell>
            <TableCell>{r.column}</TableCell>
            <TableCell>{r.value || '—'}</TableCell>
            <TableCell>{pick(r.message)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** 名单导入报告 — every rejected row (bad ID numbers …) with its row number and reason; warnings too. */
function Report() {
  const translate = useTranslate();
  const list = useRecordContext<DepartmentList>();
  if (!list) return null;
  if (list.status === 'failed') {
    return (
      <Alert severity="error">
        {translate('resources.department-lists.failed', {
          message: list.error?.message ? pick(list.error.message) : '',
        })}
      </Alert>
    );
  }
  const rejected = list.rejected ?? [];
  const warnings = list.warnings ?? [];
  return (
    <Box>
      <SectionHeading label="resources.department-lists.sections.rejected" />
      {list.reportTruncated ? (
        <Alert severity="warning">{translate('resources.department-lists.truncated')}</Alert>
      ) : null}
      {rejected.length === 0 ? (
        <Alert severity="success">{translate('resources.department-lists.no_rejections')}</Alert>
      ) : (
        <Problems rows={rejected} testId="list-rejections" />
      )}
      {warnings.length > 0 ? (
        <>
          <SectionHeading label="resources.department-lists.sections.warnings" />
          <Problems rows={warnings} testId="list-warnings" />
        </>
      ) : null}
    </Box>
  );
}

function RunThisList() {
  const list = useRecordContext<DepartmentList>();
  // A list whose rows were deleted (保留期限) cannot be matched.
  if (!list || list.status !== 'ready' || rowsDeleted(list)) return null;
  return <StartRunButton listId={list.id} label="resources.department-lists.start_run" />;
}

/** A department list: what it is, how its columns were read, and its row report. */
export default function ListShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <RunThisList />
          <CreateButton label="resources.department-lists.upload_another" />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <EnumField source="type" name="MatchingListType" />
        <TextField source="fileName" />
        <EnumField source="format" name="FileFormat" />
        <DayField source="date" />
        <AreaField source="areaCode" />
        <TextField source="version" emptyText="—" />
        <EnumField source="status" name="MatchingListStatus" chip />
        <TextField source="uploadedBy.name" />
        <DateTimeField source="createdAt" />
        <Labeled source="rowsRead" label="resources.department-lists.sections.counts">
          <Counts />
        </Labeled>
        <ListRetention />
        <Columns />
        <Report />
      </SimpleShowLayout>
    </Show>
  );
}

import DownloadIcon from '@mui/icons-material/Download';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  Button,
  DateInput,
  Labeled,
  NumberField,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Show } from '../../../common/Show';
import { AreaField, DateTimeField, DayField, EnumField } from '../../../common/fields';
import { formatDay } from '../../../common/format';
import { useNotifyProblem } from '../../../providers/problem';
import { useCalls } from '../../calls';
import type { Notice } from '../funds.api';
import { FormDialogButton } from '../../../common/FormDialogButton';

const f = (k: string) => `resources.notices.fields.${k}`;

/** The notice as generated: its introduction, the table and the closing lines. */
function Content() {
  const n = useRecordContext<Notice>();
  const c = n?.content;
  if (!c) return null;
  const columns = (c.columns ?? []) as { header?: string; title?: string; label?: string }[];
  return (
    <Labeled label="resources.notices.content">
      <div>
        {(c.intro ?? []).map((p, i) => (
          <Typography key={i} variant="body2" sx={{ mb: 1 }}>
            {p}
          </Typography>
        ))}
        <Table size="small">
          <TableHead>
            <TableRow>
              {columns.map((col, i) => (
                <TableCell key={i}>{col.header ?? col.title ?? col.label ?? ''}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(c.rows ?? []).map((row, i) => (
              <TableRow key={i}>
                {row.map((cell, j) => (
                  <TableCell key={j}>{cell}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {(c.footer ?? []).map((p, i) => (
          <Typography key={i} variant="body2" sx={{ mt: 1 }}>
            {p}
          </Typography>
        ))}
      </div>
    </Labeled>
  );
}

function Postings() {
  const translate = useTranslate();
  const n = useRecordContext<Notice>();
  return (
    <Labeled label={f('postings')}>
      <Table size="small" sx={{ maxWidth: 640 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(f('place'))}</TableCell>
            <TableCell>{translate(f('postedOn'))}</TableCell>
            <TableCell>{translate(f('takenDownOn'))}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(n?.postings ?? []).map((p) => (
            <TableRow key={p.id}>
              <TableCell>{p.place}</TableCell>
              <TableCell>{formatDay(p.postedOn ?? '')}</TableCell>
              <TableCell>{formatDay(p.takenDownOn ?? '')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Labeled>
  );
}

function Actions() {
  const calls = useCalls();
  const n = useRecordContext<Notice>();
  const { canAccess } = useCanAccess({ resource: 'notices', action: 'create' });
  const notifyProblem = useNotifyProblem();
  if (!n) return <TopToolbar />;
  return (
    <TopToolbar>
      <Button
        label="resources.notices.pdf"
        onClick={() => calls.fundsNoticeFile(n.id, 'pdf').catch(notifyProblem)}
      >
        <DownloadIcon />
      </Button>
      <Button
        label="resources.notices.xlsx"
        onClick={() => calls.fundsNoticeFile(n.id, 'xlsx').catch(notifyProblem)}
      >
        <DownloadIcon />
      </Button>
      {canAccess ? (
        <FormDialogButton
          label="resources.notices.add_posting"
          record={{ postedOn: formatDay(new Date().toISOString()) }}
          done="resources.notices.posting_saved"
          alwaysEnable
          onSubmit={(v) =>
            calls.fundsRecordPosting(n.id, {
              place: String(v.place),
              postedOn: String(v.postedOn),
            })
          }
        >
          <TextInput
            source="place"
            label={f('place')}
            validate={[required(), maxLength(200)]}
            fullWidth
          />
          <DateInput source="postedOn" label={f('postedOn')} validate={required()} />
        </FormDialogButton>
      ) : null}
    </TopToolbar>
  );
}

export default function NoticeShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="title" />
        <EnumField source="kind" name="NoticeKind" />
        <TextField source="projectCode" emptyText="—" />
        <AreaField source="areaCode" />
        <TextField source="issuer" />
        <NumberField source="periodDays" />
        <DayField source="startsOn" />
        <DayField source="endsOn" />
        <TextField source="supervisionPhone" emptyText="—" />
        <Content />
        <Postings />
        <DateTimeField source="createdAt" />
      </SimpleShowLayout>
    </Show>
  );
}

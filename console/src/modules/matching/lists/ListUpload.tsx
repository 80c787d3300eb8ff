import UploadIcon from '@mui/icons-material/Upload';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type ComponentProps, useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';
import { pick, problemOf } from '../../../providers/problem';
import { useCalls } from '../../calls';
import { FACT_COLUMN, ID_HEADERS, LIST_TYPES } from '../codes';
import { type HeaderCell, readHeaderRow } from './headerRow';
import { AUTO_ROW, ListPreviewTable, useListPreview } from './ListPreview';

type ListType = (typeof LIST_TYPES)[number];
const STEPS = ['step_file', 'step_columns', 'step_report'] as const;
const AUTO = '';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const headerKey = (s: string) => s.replace(/[\s\u3000*＊]/g, '');

/** 列映射 — the ID-number column: found by its usual headers, chosen, or typed when unreadable. */
function ColumnMapping({
  preview,
  headers,
  idColumn,
  onIdColumn,
  detected,
  needsChoice,
  fact,
}: {
  preview: ComponentProps<typeof ListPreviewTable> | null;
  headers: HeaderCell[] | null;
  idColumn: string;
  onIdColumn: (column: string) => void;
  detected: HeaderCell | undefined;
  needsChoice: boolean;
  fact: string | undefined;
}) {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`matching.upload.${k}`, o);
  return (
    <>
      {preview ? <ListPreviewTable {...preview} /> : null}
      {headers === null ? (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('headers_unreadable')}
          </Typography>
          <TextField
            size="small"
            name="idColumn"
            label={t('id_column_free')}
            value={idColumn}
            onChange={(e) => onIdColumn(e.target.value.trim())}
            sx={{ mt: 1, minWidth: 280 }}
          />
        </>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {t('headers_found', { count: headers.length })}
          </Typography>
          <TextField
            select
            size="small"
            name="idColumn"
            label={t('id_column')}
            value={idColumn}
            onChange={(e) => onIdColumn(e.target.value)}
            sx={{ mt: 1, minWidth: 360 }}
            // The automatic choice has the empty value: shown, not left as a blank field.
            slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          >
            <MenuItem value={AUTO}>
              {detected
                ? t('auto_found', { column: `${detected.letter} · ${detected.text}` })
                : t('auto_none')}
            </MenuItem>
            {headers.map((h) => (
              <MenuItem key={h.letter} value={h.letter}>
                {`${h.letter} · ${h.text}`}
              </MenuItem>
            ))}
          </TextField>
          {needsChoice ? (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('choose_id_column')}
            </Alert>
          ) : null}
        </>
      )}
      {fact ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t(`fact_${fact}`)}
        </Typography>
      ) : null}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {t('other_columns')}
      </Typography>
    </>
  );
}

/** The list's type and the day it describes. */
function ListFacts(props: {
  type: ListType;
  onType: (type: ListType) => void;
  date: string;
  onDate: (date: string) => void;
}) {
  const translate = useTranslate();
  const t = (k: string) => translate(`matching.upload.${k}`);
  const { type, date, onType, onDate } = props;
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        name="listType"
        label={t('type')}
        value={type}
        onChange={(e) => onType(e.target.value as ListType)}
        sx={{ minWidth: 280 }}
      >
        {LIST_TYPES.map((c) => (
          <MenuItem key={c} value={c}>
            {translate(`enums.MatchingListType.${c}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        type="date"
        name="listDate"
        label={t('date')}
        value={date}
        onChange={(e) => onDate(e.target.value)}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Box>
  );
}

/**
 * 上传部门名单 — choose the list's type, the day it describes and the file; then map the
 * ID-number column (列映射: found by its usual headers, or chosen here); the service hashes
 * every ID number as it reads the file and answers the list with its row report.
 */
export default function ListUpload() {
  const translate = useTranslate();
  const redirect = useRedirect();
  const calls = useCalls();
  const [type, setType] = useState<ListType>('vehicles');
  const [date, setDate] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const [browserHeaders, setHeaders] = useState<HeaderCell[] | null>(null);
  const [idColumn, setIdColumn] = useState(AUTO);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const t = (k: string, o?: object) => translate(`matching.upload.${k}`, o);

  const choose = async (f: File | null) => {
    setFile(f);
    setError(null);
    setIdColumn(AUTO);
    setHeaders(f ? await readHeaderRow(f) : null);
  };

  const { preview, headerRow, setHeaderRow } = useListPreview(file);
  const headers =
    preview?.headers.map((h) => ({ letter: h.column, text: h.text })) ?? browserHeaders;
  const detected = preview?.idColumn
    ? { letter: preview.idColumn.column, text: preview.idColumn.header }
    : headers?.find((h) => ID_HEADERS.includes(headerKey(h.text)));
  const pickHeaderRow = (row: string) => {
    setHeaderRow(row);
    setIdColumn(AUTO);
  };
  const needsChoice = headers !== null && headers.length > 0 && !detected && idColumn === AUTO;
  const fact = FACT_COLUMN[type];

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const q = new URLSearchParams({ type, date, fileName: file.name });
    if (idColumn !== AUTO) q.set('idColumn', idColumn);
    if (headerRow !== AUTO_ROW) q.set('headerRow', headerRow);
    try {
      const list = await calls.matchingListUpload(q, file);
      redirect('show', 'department-lists', list.id);
    } catch (err) {
      const p = problemOf(err);
      setError({
        message: p ? pick(p.message) : translate('ra.notification.http_error'),
        details: (p?.errors ?? []).map((e) => pick(e.message)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="matching.upload.title" />
      <CardContent>
        <Stepper activeStep={file ? 1 : 0} sx={{ my: 2 }}>
          {STEPS.map((s) => (
            <Step key={s}>
              <StepLabel>{t(s)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 760 }}>
          <Typography variant="body2">{t('hint')}</Typography>
          <ListFacts type={type} onType={setType} date={date} onDate={setDate} />
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Button variant="outlined" component="label">
              {t('choose_file')}
              <input
                hidden
                type="file"
                name="listFile"
                accept=".xlsx,.csv"
                onChange={(e) => void choose(e.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography variant="body2" data-testid="list-file-name">
              {file?.name ?? ''}
            </Typography>
          </Box>
          {file ? (
            <Box data-testid="column-mapping">
              <Typography variant="subtitle1">{t('step_columns')}</Typography>
              <ColumnMapping
                preview={preview && { preview, headerRow, onHeaderRow: pickHeaderRow }}
                headers={headers}
                idColumn={idColumn}
                onIdColumn={setIdColumn}
                detected={detected}
                needsChoice={needsChoice}
                fact={fact}
              />
            </Box>
          ) : null}
          {error ? (
            <Alert severity="error" role="alert">
              {t('failed', { message: error.message })}
              {error.details.map((d) => (
                <div key={d}>{d}</div>
              ))}
            </Alert>
          ) : null}
          <Box>
            <Button
              variant="contained"
              startIcon={<UploadIcon />}
              disabled={!file || busy || needsChoice || !/^\d{4}-\d{2}-\d{2}$/.test(date)}
              onClick={() => void upload()}
            >
              {t(busy ? 'uploading' : 'upload')}
            </Button>
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
}

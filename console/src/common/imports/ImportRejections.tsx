import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Button, useTranslate } from 'react-admin';
import { useCommonCalls } from '../../providers/dataProvider';
import { type Bilingual, pick, useNotifyProblem } from '../../providers/problem';

/** A refused row of an import file: where it is, what identifies it, and each problem in it. */
export interface RejectedRow {
  row?: number;
  errors?: { column?: string | null; header?: string | null; message?: Bilingual }[];
}

export interface ImportRejectionsProps<R extends RejectedRow> {
  rows: readonly R[];
  /** The service kept only the first rows (the report file has them all). */
  truncated?: boolean;
  /** The row's own columns shown before the problem's column, header and reason. */
  columns: readonly (keyof R & string)[];
  /** Where the column titles are: `<fields>.<column>`, `<fields>.column|header|message`. */
  fields: string;
  /** The import's message group: `rejected_rows`, `download_report`, `truncated`, `no_rejections`. */
  messages: string;
  reportUrl: string;
  reportName: string;
}

/**
 * 导入报告 — every rejected row, one line per problem, with its row number, the column and the
 * reason, and the same as an XLSX report to download.
 */
export function ImportRejections<R extends RejectedRow>({
  rows,
  truncated,
  columns,
  fields,
  messages,
  reportUrl,
  reportName,
}: ImportRejectionsProps<R>) {
  const translate = useTranslate();
  const notifyProblem = useNotifyProblem();
  const calls = useCommonCalls();
  const t = (k: string) => translate(`${messages}.${k}`);
  if (rows.length === 0) return <Alert severity="success">{t('no_rejections')}</Alert>;
  const cell = (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v));
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="subtitle1">{t('rejected_rows')}</Typography>
        <Button
          label={`${messages}.download_report`}
          onClick={() => void calls.download(reportUrl, reportName).catch(notifyProblem)}
        >
          <DownloadIcon />
        </Button>
      </Box>
      {truncated ? <Alert severity="warning">{t('truncated')}</Alert> : null}
      <Table size="small" data-testid="import-rejections">
        <TableHead>
          <TableRow>
            {[...columns, 'column', 'header', 'message'].map((k) => (
              <TableCell key={k}>{translate(`${fields}.${k}`)}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.flatMap((r, ri) =>
            (r.errors?.length ? r.errors : [{}]).map((e, i) => (
              <TableRow key={`${ri}-${i}`}>
                {columns.map((c) => (
                  <TableCell key={c}>{cell(r[c])}</TableCell>
                ))}
                <TableCell>{cell(e.column)}</TableCell>
                <TableCell>{cell(e.header)}</TableCell>
                <TableCell>{cell(pick(e.message))}</TableCell>
              </TableRow>
            )),
          )}
        </TableBody>
      </Table>
    </Box>
  );
}

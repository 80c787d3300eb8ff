import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useCalls } from '../../calls';
import type { ListPreview } from '../matching.api';

/** The header row left to the service (found by its ID-number header). */
export const AUTO_ROW = '';

/**
 * The service's reading of the file's first rows, asked again whenever the header row picked
 * changes (a new file starts from the row found); null until it answers or when it cannot.
 */
export function useListPreview(file: File | null) {
  const calls = useCalls();
  const [picked, setPicked] = useState<{ file: File | null; row: string }>({
    file: null,
    row: AUTO_ROW,
  });
  const [read, setRead] = useState<{ key: object; preview: ListPreview } | null>(null);
  const headerRow = picked.file === file ? picked.row : AUTO_ROW;
  const key = useMemo(() => ({ file, headerRow }), [file, headerRow]);
  useEffect(() => {
    if (!key.file) return;
    let current = true;
    const q = new URLSearchParams();
    if (key.headerRow !== AUTO_ROW) q.set('headerRow', key.headerRow);
    calls.matchingListPreview(q, key.file).then(
      (preview) => current && setRead({ key, preview }),
      () => current && setRead(null),
    );
    return () => {
      current = false;
    };
  }, [key, calls]);
  return {
    preview: read?.key === key ? read.preview : null,
    headerRow,
    setHeaderRow: (row: string) => setPicked({ file, row }),
  };
}

const letterOf = (index: number): string => {
  let n = index;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/**
 * 文件预览 — the first rows of the file as the service reads them, the header rows marked;
 * the user may pick another header row (the ID column is picked in the column mapping, which
 * also says when none was found).
 */
export function ListPreviewTable({
  preview,
  headerRow,
  onHeaderRow,
}: {
  preview: ListPreview;
  headerRow: string;
  onHeaderRow: (row: string) => void;
}) {
  const translate = useTranslate();
  const t = (k: string, o?: object) => translate(`matching.preview.${k}`, o);
  const width = Math.max(1, ...preview.rows.map((r) => r.cells.length));
  const inHeader = (row: number) =>
    preview.headerRow !== null &&
    row >= preview.headerRow &&
    row <= (preview.headerLastRow ?? preview.headerRow);
  return (
    <Box data-testid="list-preview">
      <Typography variant="subtitle2">{t('title')}</Typography>
      <Box sx={{ overflowX: 'auto', maxHeight: 360, my: 1 }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('row')}</TableCell>
              {Array.from({ length: width }, (_, i) => (
                <TableCell key={i}>{letterOf(i + 1)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.rows.map((r) => (
              <TableRow key={r.row} selected={inHeader(r.row)}>
                <TableCell>{r.row}</TableCell>
                {Array.from({ length: width }, (_, i) => (
                  <TableCell key={i} sx={{ whiteSpace: 'nowrap' }}>
                    {r.cells[i] ?? ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <TextField
        select
        size="small"
        name="headerRow"
        label={t('header_row')}
        value={headerRow}
        onChange={(e) => onHeaderRow(e.target.value)}
        sx={{ minWidth: 280 }}
        // The automatic choice has the empty value: shown, not left as a blank field.
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
      >
        <MenuItem value={AUTO_ROW}>
          {preview.headerFound && preview.headerRow !== null
            ? t('header_auto', { row: preview.headerRow })
            : t('header_auto_none')}
        </MenuItem>
        {preview.rows.map((r) => (
          <MenuItem key={r.row} value={String(r.row)}>
            {t('header_pick', { row: r.row })}
          </MenuItem>
        ))}
      </TextField>
      {preview.headerRow !== null ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('header_band', {
            from: preview.headerRow,
            to: preview.headerLastRow ?? preview.headerRow,
            next: (preview.headerLastRow ?? preview.headerRow) + 1,
          })}
        </Typography>
      ) : null}
      {preview.idColumn ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('id_found', preview.idColumn)}
        </Typography>
      ) : null}
    </Box>
  );
}

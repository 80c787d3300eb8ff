import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslate } from 'react-admin';
import { type Bilingual, pick } from '../../providers/problem';

/**
 * The rejected rows of a small import answered at once (areas, the task schedule): one line per
 * problem with its row number, column and reason. Nothing when there is none.
 */
export function RowRejectionTable({
  rejections,
  label,
}: {
  rejections: readonly { row: number; column: string; message: Bilingual }[];
  /** The table's accessible name (a message key). */
  label: string;
}) {
  const translate = useTranslate();
  if (!rejections.length) return null;
  return (
    <Table size="small" sx={{ mt: 2 }} aria-label={translate(label)}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.imports.fields.rejected.row')}</TableCell>
          <TableCell>{translate('resources.imports.fields.rejected.column')}</TableCell>
          <TableCell>{translate('resources.imports.fields.rejected.message')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rejections.map((r, i) => (
          <TableRow key={i}>
            <TableCell>{r.row}</TableCell>
            <TableCell>{r.column}</TableCell>
            <TableCell>{pick(r.message)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

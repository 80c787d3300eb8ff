import Checkbox from '@mui/material/Checkbox';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useInput, useTranslate } from 'react-admin';
import { MODULE_NAMES, RIGHT_NAMES } from './codes';

type Rights = Partial<Record<string, string[]>>;

/** The rights across the top of both grids. */
function RightsHead() {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        <TableCell />
        {RIGHT_NAMES.map((r) => (
          <TableCell key={r} align="center">
            {translate(`enums.Right.${r}`)}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

/** 模块权限 — rights per module as a grid of checkboxes (module × read/write/approve/unmask/export). */
export function RightsInput({ source = 'rights' }: { source?: string }) {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const rights = (field.value ?? {}) as Rights;
  const toggle = (m: string, r: string, on: boolean) => {
    const list = new Set(rights[m] ?? []);
    if (on) list.add(r);
    else list.delete(r);
    const next: Rights = { ...rights, [m]: RIGHT_NAMES.filter((x) => list.has(x)) };
    if (!next[m]?.length) delete next[m];
    field.onChange(next);
  };
  return (
    <div style={{ margin: '8px 0' }}>
      <FormLabel>{translate('resources.users.fields.rights')}</FormLabel>
      <Table size="small" sx={{ maxWidth: 720 }}>
        <RightsHead />
        <TableBody>
          {MODULE_NAMES.map((m) => (
            <TableRow key={m}>
              <TableCell>{translate(`enums.Module.${m}`)}</TableCell>
              {RIGHT_NAMES.map((r) => (
                <TableCell key={r} align="center" padding="checkbox">
                  <Checkbox
                    size="small"
                    checked={Boolean(rights[m]?.includes(r))}
                    onChange={(e) => toggle(m, r, e.target.checked)}
                    slotProps={{
                      input: {
                        'aria-label': `${translate(`enums.Module.${m}`)} ${translate(`enums.Right.${r}`)}`,
                      },
                    }}
                  />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <FormHelperText>{translate('resources.users.rights_hint')}</FormHelperText>
    </div>
  );
}

/** The same grid, read-only, for the user page. */
export function RightsTable({ rights }: { rights: Rights }) {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ maxWidth: 720 }}>
      <RightsHead />
      <TableBody>
        {MODULE_NAMES.filter((m) => rights[m]?.length).map((m) => (
          <TableRow key={m}>
            <TableCell>{translate(`enums.Module.${m}`)}</TableCell>
            {RIGHT_NAMES.map((r) => (
              <TableCell key={r} align="center">
                {rights[m]?.includes(r) ? '✓' : ''}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslate } from 'react-admin';
import { pick } from '../../../../providers/problem';
import type { WarningRule } from '../monitoring.api';

const COLUMNS = ['label', 'version', 'source', 'inputs', 'threshold'] as const;

/** 预警规则 — each rule of the table: its version, where its facts come from, when it warns. */
export function RuleTable({ rules }: { rules: WarningRule[] }) {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="warning-rules">
      <TableHead>
        <TableRow>
          {COLUMNS.map((c) => (
            <TableCell key={c}>{translate(`monitoring.rules.${c}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rules.map((r) => (
          <TableRow key={r.code}>
            <TableCell sx={{ fontWeight: 500 }}>{pick(r.label)}</TableCell>
            <TableCell>{r.version}</TableCell>
            <TableCell>
              {translate(`enums.WarningRuleSource.${r.source}`, { _: r.source })}
            </TableCell>
            <TableCell>{pick(r.inputs)}</TableCell>
            <TableCell>{pick(r.threshold)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

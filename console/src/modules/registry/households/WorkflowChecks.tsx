import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslate } from 'react-admin';
import { type Bilingual, pick } from '../../../providers/problem';

/** One condition a workflow step checked (exit income against the line, each guarantee …). */
export interface WorkflowCheck {
  check: string;
  passed: boolean;
  field?: string;
  message: Bilingual;
}

export const isCheckList = (v: unknown): v is WorkflowCheck[] =>
  Array.isArray(v) &&
  v.every((c) => c && typeof c === 'object' && 'check' in c && 'passed' in c && 'message' in c);

/**
 * The checks of a step, failing ones first, each with its reason in the current language.
 * Each row is marked `<testIdPrefix>-passed` or `<testIdPrefix>-failed` (a village's exit
 * lists its conditions as `condition-…`).
 */
export function WorkflowChecks({
  checks,
  testIdPrefix = 'check',
}: {
  checks: WorkflowCheck[];
  testIdPrefix?: string;
}) {
  const translate = useTranslate();
  const ordered = [...checks].sort((a, b) => Number(a.passed) - Number(b.passed));
  return (
    <List dense aria-label={translate('workflow.checks')}>
      {ordered.map((c) => (
        <ListItem
          key={c.check}
          data-testid={`${testIdPrefix}-${c.passed ? 'passed' : 'failed'}`}
          data-check={c.check}
        >
          <ListItemIcon sx={{ minWidth: 32 }}>
            {c.passed ? (
              <CheckCircleIcon
                color="success"
                fontSize="small"
                titleAccess={translate('workflow.passed')}
              />
            ) : (
              <CancelIcon
                color="error"
                fontSize="small"
                titleAccess={translate('workflow.failed')}
              />
            )}
          </ListItemIcon>
          <ListItemText
            primary={pick(c.message)}
            slotProps={{ primary: { color: c.passed ? 'text.primary' : 'error' } }}
          />
        </ListItem>
      ))}
    </List>
  );
}

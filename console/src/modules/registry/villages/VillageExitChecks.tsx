import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useTranslate } from 'react-admin';
import { pick } from '../../../providers/problem';
import type { ConditionCheck } from './village-exit.api';

export const isConditionList = (v: unknown): v is ConditionCheck[] =>
  Array.isArray(v) &&
  v.every((c) => c && typeof c === 'object' && 'check' in c && 'passed' in c && 'message' in c);

/** The exit conditions checked, failing ones first, each in the current language. */
export function VillageExitChecks({ checks }: { checks: ConditionCheck[] }) {
  const translate = useTranslate();
  const ordered = [...checks].sort((a, b) => Number(a.passed) - Number(b.passed));
  return (
    <List dense aria-label={translate('workflow.checks')}>
      {ordered.map((c) => (
        <ListItem
          key={c.check}
          data-testid={c.passed ? 'condition-passed' : 'condition-failed'}
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

import LinearProgress from '@mui/material/LinearProgress';
import type { ReactElement, ReactNode } from 'react';
import { CreateButton, List, TopToolbar } from 'react-admin';
import type { JobCounters } from '../JobProgress';
import { isImportFinished } from './status';

/**
 * 导入任务 — a service's imports, newest first, refreshed every few seconds so running jobs
 * move; `children` is the list's table.
 */
export function ImportList({
  filters,
  children,
}: {
  filters: ReactElement[];
  children: ReactNode;
}) {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
      empty={false}
      queryOptions={{ refetchInterval: 3000 }}
    >
      {children}
    </List>
  );
}

/** A list row's progress bar: rows done of the total, full once the job is finished. */
export function ImportRowProgress({ done, total, status }: JobCounters) {
  const value = isImportFinished(status) ? 100 : total ? (done / total) * 100 : 0;
  return <LinearProgress variant="determinate" value={value} sx={{ minWidth: 100 }} />;
}

import type { ReactNode } from 'react';
import { CreateButton, type RaRecord, SimpleShowLayout, TopToolbar } from 'react-admin';
import { Show } from '../Show';
import { isImportFinished } from './status';

/**
 * 导入进度与报告 — an import job's page, refreshed every second while the job runs, so it can
 * be left and opened again at any time to see where the import stands; `again` labels the
 * button that starts another import.
 */
export function ImportShow({ again, children }: { again: string; children: ReactNode }) {
  return (
    <Show
      actions={
        <TopToolbar>
          <CreateButton label={again} />
        </TopToolbar>
      }
      queryOptions={{
        refetchInterval: (query: { state: { data?: RaRecord } }) =>
          isImportFinished(query.state.data?.status) ? false : 1000,
      }}
    >
      <SimpleShowLayout>{children}</SimpleShowLayout>
    </Show>
  );
}

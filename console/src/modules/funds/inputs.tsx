import { AutocompleteInput, type AutocompleteInputProps, ReferenceInput } from 'react-admin';
import type { Project } from './funds.api';

/** A project of the user's scope, found by its number or name (optionally in some statuses). */
export const ProjectInput = ({
  source,
  statuses,
  ...props
}: Omit<AutocompleteInputProps, 'source'> & {
  source: string;
  statuses?: Project['status'][];
}) => (
  <ReferenceInput
    source={source}
    reference="projects"
    sort={{ field: 'code', order: 'ASC' }}
    filter={statuses ? { status: statuses } : {}}
    perPage={25}
  >
    <AutocompleteInput
      {...props}
      optionText={(p: { code: string; name: string }) => `${p.code} ${p.name}`}
      filterToQuery={(q: string) => (q ? { q } : {})}
    />
  </ReferenceInput>
);

/** Projects that can receive money: approved into the library and not yet accepted. */
export const FUNDABLE: Project['status'][] = ['approved', 'in_progress', 'completed'];

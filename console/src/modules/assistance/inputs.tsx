import { AutocompleteInput, type AutocompleteInputProps, ReferenceInput } from 'react-admin';

/** A household of the user's area, found by its household number (the assistance projection). */
export const AssistedHouseholdInput = ({
  source,
  ...props
}: Omit<AutocompleteInputProps, 'source'> & { source: string }) => (
  <ReferenceInput
    source={source}
    reference="assistance-households"
    sort={{ field: 'householdNo', order: 'ASC' }}
    perPage={25}
  >
    <AutocompleteInput
      {...props}
      optionText={(h: { householdNo: string; headName?: string | null }) =>
        `${h.householdNo} ${h.headName ?? ''}`.trim()
      }
      filterToQuery={(q: string) => (q ? { q } : {})}
    />
  </ReferenceInput>
);

/** An active helper visible to the user, found by name or unit. */
export const HelperInput = ({
  source,
  ...props
}: Omit<AutocompleteInputProps, 'source'> & { source: string }) => (
  <ReferenceInput
    source={source}
    reference="helpers"
    filter={{ status: 'active' }}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
  >
    <AutocompleteInput
      {...props}
      optionText={(h: { name: string; unit: string }) => `${h.name}（${h.unit}）`}
      filterToQuery={(q: string) => (q ? { q } : {})}
    />
  </ReferenceInput>
);

import { useEffect } from 'react';
import {
  AutocompleteInput,
  type AutocompleteInputProps,
  ReferenceInput,
  SelectInput,
  type SelectInputProps,
  useGetOne,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

interface HouseholdOption {
  id: string;
  householdNo: string;
  headName?: string;
  members?: { id: string; name: string; relation?: string; status?: string }[];
}

/** A registered household of the user's scope (the registry's list), by number or head's name. */
export const RegisteredHouseholdInput = ({
  source,
  ...props
}: Omit<AutocompleteInputProps, 'source'> & { source: string }) => (
  <ReferenceInput
    source={source}
    reference="households"
    sort={{ field: 'householdNo', order: 'ASC' }}
    perPage={25}
  >
    <AutocompleteInput
      {...props}
      optionText={(h: HouseholdOption) => `${h.householdNo} ${h.headName ?? ''}`.trim()}
      filterToQuery={(q: string) => (q ? { q } : {})}
    />
  </ReferenceInput>
);

/**
 * 借款人 — an active member of the household chosen in `householdSource`; the choice is
 * cleared when the household changes.
 */
export function BorrowerInput({
  householdSource,
  source,
  ...props
}: Omit<SelectInputProps, 'choices' | 'source'> & { householdSource: string; source: string }) {
  const householdId = useWatch({ name: householdSource }) as string | null | undefined;
  const { setValue, getValues } = useFormContext();
  const { data, isPending } = useGetOne<HouseholdOption>(
    'households',
    { id: householdId ?? '' },
    { enabled: Boolean(householdId) },
  );
  const members = (data?.members ?? []).filter((m) => m.status !== 'removed');
  useEffect(() => {
    const chosen = getValues(source) as string | null | undefined;
    if (chosen && data && !members.some((m) => m.id === chosen)) setValue(source, null);
    // Only a different household can make the chosen member wrong.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data?.id]);
  return (
    <SelectInput
      {...props}
      source={source}
      choices={members.map((m) => ({ id: m.id, name: m.name }))}
      translateChoice={false}
      disabled={!householdId}
      isPending={Boolean(householdId) && isPending}
    />
  );
}

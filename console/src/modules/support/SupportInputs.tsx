import {
  AutocompleteInput,
  type AutocompleteInputProps,
  ReferenceInput,
  SelectInput,
  type SelectInputProps,
  useTranslate,
} from 'react-admin';
import { termsSince, yearsSince } from './support.api';

/** `2018-autumn` → 2018年秋季学期 (or "Autumn term 2018"). */
export function useTermLabel(): (term: unknown) => string {
  const translate = useTranslate();
  return (term) => {
    const m = /^(\d{4})-(spring|autumn)$/.exec(String(term ?? ''));
    if (!m) return '—';
    return translate('support.term.label', {
      year: m[1],
      season: translate(`support.term.${m[2]}`),
    });
  };
}

/** 学期 — a term from 2014 (the registry's first year) to the current one. */
export function TermInput(props: Omit<SelectInputProps, 'choices'>) {
  const label = useTermLabel();
  return (
    <SelectInput
      {...props}
      choices={termsSince(2014).map((t) => ({ id: t, name: label(t) }))}
      translateChoice={false}
    />
  );
}

/** 年度 — a calendar year from 2014 to this one. */
export function YearInput(props: Omit<SelectInputProps, 'choices'>) {
  return (
    <SelectInput
      {...props}
      choices={yearsSince(2014).map((y) => ({ id: y, name: String(y) }))}
      translateChoice={false}
    />
  );
}

interface PersonOption {
  name: string;
  householdNo?: string;
  birthDate?: string;
}

/**
 * 建档立卡人员 — a registered person of the user's area, found by name (the service's person
 * view of the registry). Only the name, household number and birth date are shown: the ID
 * number never reaches this service in clear.
 */
export const PersonInput = ({
  source,
  where,
  ...props
}: Omit<AutocompleteInputProps, 'source' | 'filter'> & {
  source: string;
  /** Narrows the people offered (a household, the children in school …). */
  where?: Record<string, unknown>;
}) => (
  <ReferenceInput
    source={source}
    reference="support-persons"
    filter={{ registered: true, ...where }}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
  >
    <AutocompleteInput
      {...props}
      optionText={(p: PersonOption) =>
        [p.name, p.householdNo ? `（${p.householdNo}）` : '', p.birthDate ? ` ${p.birthDate}` : '']
          .join('')
          .trim()
      }
      filterToQuery={(q: string) => (q.trim() ? { q: q.trim() } : {})}
      sx={{ minWidth: 320 }}
    />
  </ReferenceInput>
);

import { shanghaiDateOf } from '@fupin/reference';
import Box from '@mui/material/Box';
import { AutocompleteInput, ReferenceInput, SelectInput, usePermissions } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { AreaInput } from '../../../common/inputs';
import { isCountyWide, type Permissions } from '../../../providers/permissions';

/** This calendar year in Asia/Shanghai. */
export const thisYear = () => Number(shanghaiDateOf(new Date()).slice(0, 4));

/** 2014, the first year of 建档立卡, to this one, newest first. */
const YEARS = () =>
  Array.from({ length: thisYear() - 2013 }, (_, i) => {
    const year = thisYear() - i;
    return { id: year, name: String(year) };
  });

const isVillage = (code: string) => !code.endsWith('000');

/** The pickers' values: the township, the village (if one), the year. */
export interface AreaYear {
  townshipCode?: string | null;
  villageCode?: string | null;
  year: number;
}

/**
 * The user's own area as the pickers' defaults: a township user its township, a village user
 * its village (and the township above it); a county user picks.
 */
export function defaultsOf(p: Permissions | undefined): AreaYear {
  const code = p?.areaCode ?? '';
  if (!p || isCountyWide(p) || !/^\d{12}$/.test(code)) return { year: thisYear() };
  return isVillage(code)
    ? { townshipCode: `${code.slice(0, 9)}000`, villageCode: code, year: thisYear() }
    : { townshipCode: code, villageCode: null, year: thisYear() };
}

/** The area the pickers name: the village if one of the township is picked, else the township. */
export const areaOf = (v: AreaYear): string | null =>
  v.villageCode && (!v.townshipCode || v.villageCode.startsWith(v.townshipCode.slice(0, 9)))
    ? v.villageCode
    : (v.townshipCode ?? null);

/**
 * A township (the county's users choose; others keep their own), a village of it (none: the
 * whole township) and a year. The areas listed are those of the user's scope.
 */
export function AreaYearInputs() {
  const { permissions } = usePermissions<Permissions>();
  const township = useWatch<AreaYear>({ name: 'townshipCode' }) as string | null | undefined;
  const countyWide = isCountyWide(permissions);
  const villageUser = !countyWide && isVillage(permissions?.areaCode ?? '000');
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <Box sx={{ width: 300 }}>
        <AreaInput
          source="townshipCode"
          level="township"
          label="benefit_ledger.township"
          disabled={!countyWide}
          helperText={false}
        />
      </Box>
      <Box sx={{ width: 340 }}>
        <ReferenceInput
          source="villageCode"
          reference="areas"
          filter={{
            level: 'village',
            status: 'active',
            ...(township ? { parentCode: township } : {}),
          }}
          sort={{ field: 'code', order: 'ASC' }}
          perPage={100}
        >
          <AutocompleteInput
            label="benefit_ledger.village"
            optionText={(a: { name: string; code: string }) => `${a.name}（${a.code}）`}
            filterToQuery={(q: string) => ({ q })}
            disabled={!township || villageUser}
            helperText={false}
          />
        </ReferenceInput>
      </Box>
      <Box sx={{ width: 140 }}>
        <SelectInput
          source="year"
          label="benefit_ledger.year"
          choices={YEARS()}
          helperText={false}
        />
      </Box>
    </Box>
  );
}

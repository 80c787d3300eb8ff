import { AppError, areaInScope, bi, type Principal } from '@fupin/kit';
import { isAreaCode, maskIdNumber } from '@fupin/reference';
import type { HouseholdInput } from '../households/household.service';
import {
  type HeaderMap,
  type HouseholdGroup,
  type RejectedRow,
  rejectedFromFieldErrors,
  type SheetRow,
} from './household-rows';

// How an import tells what it refused on the sheet itself: a file without its required columns,
// and a household the registry refused, told on its rows and columns.

/** The required columns a sheet lacks, as one refusal of the file. */
export function missingColumns(row: SheetRow, missing: string[]): AppError {
  return new AppError(
    422,
    'IMPORT_COLUMNS_MISSING',
    bi(
      `表「${row.sheet}」缺少必需的列：${missing.join('、')}`,
      `Sheet "${row.sheet}" lacks required columns: ${missing.join(', ')}`,
    ),
    {
      errors: missing.map((m) => ({
        field: m,
        code: 'missing_column',
        message: bi(`缺少列「${m}」`, `column ${m} is missing`),
      })),
    },
  );
}

/** A household the service refused, told on the sheet's rows and columns. */
export function rejectionOf(
  p: Principal,
  v: { input: HouseholdInput; group: HouseholdGroup; header: HeaderMap },
  err: AppError,
): RejectedRow[] {
  if (err.code === 'FORBIDDEN_AREA') {
    const own = isAreaCode(v.input.areaCode) && areaInScope(p, v.input.areaCode);
    return rejectedFromFieldErrors(
      v.header,
      v.group,
      [
        own
          ? {
              field: 'householdNo',
              code: err.code,
              message: bi(
                `户编号 ${v.input.householdNo} 已登记在您管辖范围以外的村，不能由您修改`,
                `Household ${v.input.householdNo} is registered outside your area scope; you cannot change it`,
              ),
            }
          : {
              field: 'areaCode',
              code: err.code,
              message: bi('该行政村不在您的管辖范围内', 'The village is outside your area scope'),
            },
      ],
      { code: err.code, message: err.messages },
    );
  }
  if (
    err.code === 'REGISTRY_ID_NUMBER_IN_OTHER_HOUSEHOLD' ||
    err.code === 'REGISTRY_ID_NUMBER_BEING_REGISTERED'
  ) {
    const masked = err.extra.idNumber;
    const index = v.input.members.findIndex(
      (m) => typeof masked === 'string' && maskIdNumber(m.idNumber.trim().toUpperCase()) === masked,
    );
    return rejectedFromFieldErrors(
      v.header,
      v.group,
      [
        {
          field: index >= 0 ? `members.${index}.idNumber` : 'members',
          code: err.code,
          message: err.messages,
        },
      ],
      { code: err.code, message: err.messages },
    );
  }
  if (err.code === 'FORBIDDEN_STATUS') {
    return rejectedFromFieldErrors(
      v.header,
      v.group,
      [{ field: 'status', code: err.code, message: err.messages }],
      { code: err.code, message: err.messages },
    );
  }
  return rejectedFromFieldErrors(v.header, v.group, err.errors, {
    code: err.code,
    message: err.messages,
  });
}

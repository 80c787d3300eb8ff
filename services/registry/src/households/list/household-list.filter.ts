import {
  bi,
  escapeRegex,
  type PersonalDataCipher,
  type Principal,
  unprocessable,
} from '@fupin/kit';
import { areaLevel, isAreaCode, isWithin, scopePrefix } from '@fupin/reference';
import { checkMemberIdentity } from '../household.rules';
import type { HouseholdFilter } from '../household.service';
import type { ScopeKey } from './household-list.model';

const SCOPE_KEY_OF_LEVEL: Partial<Record<ReturnType<typeof areaLevel>, ScopeKey>> = {
  county: 'countyCode',
  township: 'townshipCode',
  village: 'areaCode',
};

/**
 * An area as an indexed condition on the list rows: a county, township or village is one
 * equality on its own scope key (each list sort has an index after it); a wider area (a city
 * or a province user) is a range on the village code.
 */
export function areaCondition(code: string): Record<string, unknown> {
  const key = SCOPE_KEY_OF_LEVEL[areaLevel(code)];
  if (key) return { [key]: code };
  const prefix = scopePrefix(code);
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return { areaCode: { $gte: prefix, $lt: next } };
}

/** Whether the filter states nothing: the list is the caller's whole scope. */
export function isUnfiltered(f: HouseholdFilter): boolean {
  return Object.values(f).every((v) => v === undefined);
}

/** Matches no row (an area filter outside the caller's scope). */
const NO_ROW = { _id: { $in: [] } };

/** The narrower of the caller's scope and the area filter, or null when they do not meet. */
function scopeCodeOf(p: Principal, area: string | undefined): string | null {
  if (!area) return p.areaCode;
  if (!isAreaCode(area)) {
    throw unprocessable(
      'REGISTRY_HOUSEHOLD_INVALID',
      bi(
        '户或成员信息有误，请检查标出的字段',
        'The household or member data is invalid; see the listed fields',
      ),
      [{ field: 'filter.area', code: 'invalid', message: bi('地区代码无效', 'invalid area code') }],
    );
  }
  if (isWithin(area, p.areaCode)) return area;
  if (isWithin(p.areaCode, area)) return p.areaCode;
  return null;
}

/**
 * The list filter as one flat query on the list rows, inside the caller's area scope (the
 * scope as an equality on its scope key). Flat, and in this order, because SecantusDB plans
 * an index only for a flat filter: a compound index whose leading fields are the filter's
 * equalities and at most one trailing operator (`{townshipCode, mainCause, status}` for the
 * township's illness cases), else the first clause an index leads with — so the clauses that
 * pick out a few households (ID number, member name, ids) come first, then the scope.
 * MongoDB 7 plans the same filter by itself.
 */
export function listRowFilter(
  p: Principal,
  f: HouseholdFilter,
  cipher: PersonalDataCipher,
): Record<string, unknown> {
  const scopeCode = scopeCodeOf(p, f.area);
  if (scopeCode === null) return NO_ROW;
  const filter: Record<string, unknown> = {};
  if (f.idNumber) {
    const parsed = checkMemberIdentity({ idNumber: f.idNumber }, 'filter');
    // An invalid number cannot match anything; answer an empty list rather than an error.
    // Under every HMAC key held, so a member stored during a key rotation is found too.
    const hashes = parsed.ok ? cipher.hashes(parsed.identity.idNumber) : ['-'];
    filter.memberIdHashes = hashes.length === 1 ? hashes[0] : { $in: hashes };
  }
  if (f.memberName) filter.memberNames = f.memberName.trim();
  if (f.id?.length) filter._id = { $in: f.id };
  Object.assign(filter, areaCondition(scopeCode));
  if (f.mainCause) filter.mainCause = f.mainCause;
  if (f.status?.length) filter.status = f.status.length === 1 ? f.status[0] : { $in: f.status };
  if (f.attribute) filter.attribute = f.attribute;
  if (f.cause) filter.causes = f.cause;
  if (f.identificationYear !== undefined) filter.identificationYear = f.identificationYear;
  if (f.exitYear !== undefined) filter.exitYear = f.exitYear;
  if (f.guaranteeUnmet === 'any') filter.anyGuaranteeUnmet = true;
  else if (f.guaranteeUnmet) filter.guaranteesUnmet = f.guaranteeUnmet;
  if (f.belowPovertyLine !== undefined) filter.belowPovertyLine = f.belowPovertyLine;
  if (f.perCapitaMinFen !== undefined || f.perCapitaMaxFen !== undefined) {
    const range: Record<string, number> = {};
    if (f.perCapitaMinFen !== undefined) range.$gte = f.perCapitaMinFen;
    // Whole fen, so `$lt: max + 1` is `$lte: max`; SecantusDB 0.7.0b3's compound range walk
    // drops the values equal to an inclusive upper bound (measured 2026-12-04).
    if (f.perCapitaMaxFen !== undefined) range.$lt = f.perCapitaMaxFen + 1;
    filter.perCapitaIncomeFen = range;
  }
  if (f.q) {
    const re = escapeRegex(f.q.trim());
    filter.$or = [{ householdNo: { $regex: `^${re}` } }, { headName: { $regex: `^${re}` } }];
  }
  return filter;
}

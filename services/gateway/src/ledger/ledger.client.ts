import {
  BENEFIT_SOURCES,
  type BenefitRow,
  benefitRowSchema,
  type BenefitSource,
} from '@fupin/contracts';
import { AppError, type Bilingual, bi, hasRight, type Principal } from '@fupin/kit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { leftOut, PART_RIGHT } from '../dossier/dossier.assembly';
import { areaHouseholds } from '../dossier/area-households';
import { askService, type CallerRequest, readAllPages } from '../upstream/ask';

/** What asking one source for its rows came to. */
export type SourceOutcome =
  { status: 'ok'; rows: BenefitRow[] } | { status: 'no_right' | 'unavailable'; message: Bilingual };

/** The rows asked for: one household, or a village or township; a year or every year. */
export type LedgerScope = ({ householdId: string } | { areaCode: string }) & { year?: number };

const rowsSchema = z.array(benefitRowSchema);

/** The household as the registry shows it to the caller. */
export interface RegisteredHousehold {
  id: string;
  householdNo: string;
  areaCode: string;
}

const householdSchema = z.object({
  id: z.string(),
  householdNo: z.string(),
  areaCode: z.string(),
});

const unavailable = () =>
  new AppError(
    503,
    'GATEWAY_SERVICE_UNAVAILABLE',
    bi(
      '建档立卡服务暂时无法应答，无法确认该户，请稍后再试',
      'The registry did not answer, so the household cannot be shown; try again shortly',
    ),
  );

/**
 * The registry decides whether the caller may see the household at all (unknown, or outside
 * the caller's area: 404), asked first with the caller's token.
 */
export async function registeredHousehold(
  services: Record<string, string>,
  householdId: string,
  caller: CallerRequest,
  log: Logger,
): Promise<RegisteredHousehold> {
  const base = services.registry;
  if (!base) throw unavailable();
  let res: Response;
  try {
    res = await askService(base, `/households/${encodeURIComponent(householdId)}`, caller);
  } catch (err) {
    log.warn({ err }, 'registry not answered');
    throw unavailable();
  }
  // Not shown to the caller, whether unknown or outside the caller's area (the registry may
  // say 403 for the latter): the same 404, which tells nothing of other areas.
  if (res.status === 404 || res.status === 403)
    throw new AppError(404, 'NOT_FOUND', bi('该户不存在', 'Household not found'));
  const parsed = res.ok ? householdSchema.safeParse(await res.json()) : undefined;
  if (!parsed?.success) {
    log.warn({ status: res.status }, 'registry household not read');
    throw unavailable();
  }
  return parsed.data;
}

const scopeParams = (s: LedgerScope): Record<string, string> => ({
  ...('householdId' in s ? { householdId: s.householdId } : { areaCode: s.areaCode }),
  ...(s.year !== undefined ? { year: String(s.year) } : {}),
});

async function askSource(
  services: Record<string, string>,
  p: Principal,
  source: BenefitSource,
  scope: LedgerScope,
  caller: CallerRequest,
  log: Logger,
): Promise<SourceOutcome> {
  if (!hasRight(p, PART_RIGHT[source], 'read')) return out(source, 'no_right');
  const base = services[source];
  if (!base) return out(source, 'unavailable');
  try {
    const read = await readAllPages(base, '/ledger/benefits', scopeParams(scope), caller);
    if (!Array.isArray(read)) {
      if (read.status === 403) return out(source, 'no_right');
      log.warn({ source, status: read.status }, 'ledger rows refused');
      return out(source, 'unavailable');
    }
    const parsed = rowsSchema.safeParse(read);
    if (!parsed.success || parsed.data.some((r) => r.source !== source)) {
      log.error({ source, issues: parsed.error?.issues.slice(0, 5) }, 'ledger rows malformed');
      return out(source, 'unavailable');
    }
    return { status: 'ok', rows: parsed.data };
  } catch (err) {
    if (err instanceof AppError) throw err;
    log.warn({ source, err }, 'ledger rows not answered');
    return out(source, 'unavailable');
  }
}

/** Asks each source for its rows of the scope, every page, with the caller's token. */
export async function fetchSources(
  services: Record<string, string>,
  p: Principal,
  scope: LedgerScope,
  caller: CallerRequest,
  log: Logger,
  sources: readonly BenefitSource[] = BENEFIT_SOURCES,
): Promise<Partial<Record<BenefitSource, SourceOutcome>>> {
  const answered = await Promise.all(
    sources.map(async (s) => [s, await askSource(services, p, s, scope, caller, log)] as const),
  );
  return Object.fromEntries(answered);
}

/**
 * 户号 of the households of a village or township, from the registry's list as it shows them to
 * the caller; empty when the registry does not answer (the rows then show the household id).
 */
export async function householdNumbers(
  services: Record<string, string>,
  areaCode: string,
  caller: CallerRequest,
  log: Logger,
): Promise<Map<string, string>> {
  try {
    const households = await areaHouseholds(services, areaCode, caller, log);
    return new Map(households.map((h) => [h.id, h.householdNo]));
  } catch (err) {
    if (err instanceof AppError && err.status !== 503) throw err;
    return new Map();
  }
}

const out = (source: BenefitSource, status: 'no_right' | 'unavailable') =>
  ({ status, message: leftOut(source, status) }) as const;

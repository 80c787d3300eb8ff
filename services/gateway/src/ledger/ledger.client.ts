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
import { askService, type CallerRequest } from '../upstream/ask';

/** One page asked of a service (its lists' page limit). */
const PAGE = 500;
/** Rows of one source beyond which a ledger is refused (narrow it by year or village). */
export const MAX_SOURCE_ROWS = 100_000;

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

/** Pages through a list (`range=[a,b]`, `Content-Range: … a-b/total`) until it is all read. */
async function readAll(
  base: string,
  path: string,
  params: Record<string, string>,
  caller: CallerRequest,
): Promise<unknown[] | { status: number }> {
  const items: unknown[] = [];
  for (;;) {
    const q = new URLSearchParams({
      ...params,
      range: JSON.stringify([items.length, items.length + PAGE - 1]),
    });
    const res = await askService(base, `${path}?${q}`, caller);
    if (!res.ok) return { status: res.status };
    const page = (await res.json()) as unknown;
    if (!Array.isArray(page)) return { status: 502 };
    items.push(...page);
    const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    if (page.length < PAGE || !Number.isFinite(total) || items.length >= total) return items;
    if (items.length >= MAX_SOURCE_ROWS)
      throw new AppError(
        422,
        'LEDGER_TOO_LARGE',
        bi(
          `受益记录超过 ${MAX_SOURCE_ROWS} 条，请按年度或村缩小范围`,
          `More than ${MAX_SOURCE_ROWS} benefit rows: narrow by year or village`,
        ),
      );
  }
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
    const read = await readAll(base, '/ledger/benefits', scopeParams(scope), caller);
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
  const base = services.registry;
  const numbers = new Map<string, string>();
  if (!base) return numbers;
  try {
    const read = await readAll(
      base,
      '/households',
      { filter: JSON.stringify({ area: areaCode }), sort: JSON.stringify(['householdNo', 'ASC']) },
      caller,
    );
    if (!Array.isArray(read)) {
      log.warn({ status: read.status }, 'registry household list refused');
      return numbers;
    }
    for (const h of read) {
      const ok = householdSchema.safeParse(h);
      if (ok.success) numbers.set(ok.data.id, ok.data.householdNo);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    log.warn({ err }, 'registry household list not answered');
  }
  return numbers;
}

const out = (source: BenefitSource, status: 'no_right' | 'unavailable') =>
  ({ status, message: leftOut(source, status) }) as const;

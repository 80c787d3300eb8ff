import { DOSSIER_PARTS, type DossierPartName, dossierPartSchema } from '@fupin/contracts';
import { AppError, bi, hasRight, type Principal } from '@fupin/kit';
import type { Logger } from 'pino';
import { askService, type CallerRequest } from '../upstream/ask';
import { leftOut, PART_RIGHT, type PartOutcome } from './dossier.assembly';

export type PartRequest = CallerRequest;

/**
 * Asks every service for its part of one household's dossier with the caller's own token (each
 * service applies the caller's rights and area scope itself). The registry is asked first: a
 * household it does not show the caller (unknown, or outside the caller's area) is a 404, and
 * no other service is asked.
 */
export async function fetchParts(
  services: Record<string, string>,
  p: Principal,
  householdId: string,
  req: PartRequest,
  log: Logger,
): Promise<Record<DossierPartName, PartOutcome>> {
  return (await fetchSomeParts(services, p, householdId, req, log, DOSSIER_PARTS)) as Record<
    DossierPartName,
    PartOutcome
  >;
}

/**
 * As fetchParts, asking only the services of `parts` besides the registry (always asked, first):
 * a village's printed handbooks read only what they print, three services fewer per household.
 */
export async function fetchSomeParts(
  services: Record<string, string>,
  p: Principal,
  householdId: string,
  req: PartRequest,
  log: Logger,
  parts: readonly DossierPartName[],
): Promise<Partial<Record<DossierPartName, PartOutcome>>> {
  const ask = (name: DossierPartName) => askPart(services, p, name, householdId, req, log);
  const registry = await ask('registry');
  // The registry decides whether the caller may see the household at all: without its answer
  // nothing is shown.
  if (registry.status === 'not_found')
    throw new AppError(404, 'NOT_FOUND', bi('该户不存在', 'Household not found'));
  if (registry.status !== 'ok')
    throw new AppError(
      503,
      'GATEWAY_SERVICE_UNAVAILABLE',
      bi(
        '建档立卡服务暂时无法应答，无法确认该户，请稍后再试',
        'The registry did not answer, so the household cannot be shown; try again shortly',
      ),
    );
  const others = await Promise.all(
    DOSSIER_PARTS.filter((n) => n !== 'registry' && parts.includes(n)).map(
      async (n) => [n, await ask(n)] as const,
    ),
  );
  return Object.fromEntries([['registry', registry], ...others]);
}

async function askPart(
  services: Record<string, string>,
  p: Principal,
  name: DossierPartName,
  householdId: string,
  req: PartRequest,
  log: Logger,
): Promise<PartOutcome> {
  if (!hasRight(p, PART_RIGHT[name], 'read')) return out(name, 'no_right');
  const base = services[name];
  if (!base) return out(name, 'unavailable');
  try {
    const res = await askService(
      base,
      `/dossier/households/${encodeURIComponent(householdId)}`,
      req,
    );
    if (res.status === 403) return out(name, 'no_right');
    if (res.status === 404) return out(name, 'not_found');
    if (!res.ok) {
      log.warn({ part: name, status: res.status }, 'dossier part refused');
      return out(name, 'unavailable');
    }
    const parsed = dossierPartSchema.safeParse(await res.json());
    if (!parsed.success || parsed.data.part !== name || parsed.data.householdId !== householdId) {
      log.error({ part: name, issues: parsed.error?.issues.slice(0, 5) }, 'dossier part malformed');
      return out(name, 'unavailable');
    }
    return { status: 'ok', part: parsed.data };
  } catch (err) {
    log.warn({ part: name, err }, 'dossier part not answered');
    return out(name, 'unavailable');
  }
}

const out = (name: DossierPartName, status: 'no_right' | 'not_found' | 'unavailable') =>
  ({ status, message: leftOut(name, status) }) as const;

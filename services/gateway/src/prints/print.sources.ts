import {
  BENEFIT_SOURCES,
  type BenefitRow,
  type BenefitSource,
  DOSSIER_PARTS,
  type DossierPartName,
} from '@fupin/contracts';
import { AppError, type Bilingual, bi, hasRight, type Principal } from '@fupin/kit';
import type { Logger } from 'pino';
import { z } from 'zod';
import { assemble } from '../dossier/dossier.assembly';
import { fetchSomeParts } from '../dossier/dossier.client';
import { rowsOf } from '../ledger/ledger.assembly';
import { fetchSources, type LedgerScope } from '../ledger/ledger.client';
import { askService, type CallerRequest } from '../upstream/ask';
import type { ClearPersonalData, PrintHousehold } from './print.types';

// What a printed household is read from, each part by the service that owns it with the
// caller's token: the dossier's parts, the 受益底册 rows (a village's asked once for all its
// households), the personal data in clear from the registry's own unmask path (which checks
// the right and audits the read), and the village's name.

/** `?unmask=true&reason=…`: personal data in clear, for a caller with the right and a reason. */
export interface UnmaskAsked {
  reason: string;
}

const forbiddenUnmask = () =>
  new AppError(
    403,
    'FORBIDDEN_UNMASK',
    bi('没有查看明文个人信息的权限', 'You lack the right to see personal data in clear'),
  );

/** A 403 for a caller without the registry's unmask right (the registry would refuse too). */
export const unmaskRefused = (p: Principal): AppError | null =>
  hasRight(p, 'registry', 'unmask') ? null : forbiddenUnmask();

const clearSchema = z.object({
  phone: z.string().nullable().optional(),
  members: z.array(
    z.object({ id: z.string(), idNumber: z.string(), phone: z.string().nullable() }),
  ),
});

const unavailable = (what: string) =>
  new AppError(
    503,
    'GATEWAY_SERVICE_UNAVAILABLE',
    bi(
      `建档立卡服务暂时无法应答，${what}，请稍后再试`,
      'The registry did not answer; try again shortly',
    ),
  );

/** The household's personal data in clear, read (and audited) by the registry. */
export async function clearPersonalData(
  services: Record<string, string>,
  householdId: string,
  unmask: UnmaskAsked,
  caller: CallerRequest,
  log: Logger,
): Promise<ClearPersonalData> {
  const q = new URLSearchParams({ unmask: 'true', reason: unmask.reason });
  const res = await askService(
    services.registry ?? '',
    `/households/${encodeURIComponent(householdId)}?${q}`,
    caller,
  ).catch((err: unknown) => {
    log.warn({ err }, 'registry unmask not answered');
    throw unavailable('无法读取明文信息');
  });
  if (res.status === 403) {
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    throw body.code === 'FORBIDDEN_UNMASK'
      ? forbiddenUnmask()
      : new AppError(404, 'NOT_FOUND', bi('该户不存在', 'Household not found'));
  }
  if (res.status === 404)
    throw new AppError(404, 'NOT_FOUND', bi('该户不存在', 'Household not found'));
  const parsed = res.ok ? clearSchema.safeParse(await res.json()) : undefined;
  if (!parsed?.success) {
    log.warn({ status: res.status }, 'registry unmasked household not read');
    throw unavailable('无法读取明文信息');
  }
  return {
    phone: parsed.data.phone ?? null,
    members: Object.fromEntries(
      parsed.data.members.map((m) => [m.id, { idNumber: m.idNumber, phone: m.phone }]),
    ),
  };
}

/** The 受益底册 rows of a household or a village (every year), and the sources left out. */
export interface BenefitRows {
  rows: BenefitRow[];
  leftOut: BenefitSource[];
  /** Why each source left out is missing, in both languages. */
  messages: Bilingual[];
}

/** Every 受益底册 row of a household or a village (every year), from each source the caller may read. */
export async function benefitRows(
  services: Record<string, string>,
  p: Principal,
  scope: LedgerScope,
  caller: CallerRequest,
  log: Logger,
): Promise<BenefitRows> {
  const outcomes = await fetchSources(services, p, scope, caller, log);
  const leftOut = BENEFIT_SOURCES.filter((s) => outcomes[s] && outcomes[s].status !== 'ok');
  const messages = leftOut.flatMap((s) => {
    const o = outcomes[s];
    return o && o.status !== 'ok' ? [o.message] : [];
  });
  return { rows: rowsOf(outcomes), leftOut, messages };
}

/** One household as printed: its dossier, its rows (given, or asked), and its data in clear. */
export async function printHousehold(
  services: Record<string, string>,
  p: Principal,
  householdId: string,
  caller: CallerRequest,
  log: Logger,
  opts: {
    /** The village's rows, asked once for all its households. */
    rows?: BenefitRows;
    unmask: UnmaskAsked | null;
    now: Date;
    parts?: readonly DossierPartName[];
    /** Only this year's rows (every year by default). */
    year?: number;
  },
): Promise<PrintHousehold> {
  const outcomes = await fetchSomeParts(
    services,
    p,
    householdId,
    caller,
    log,
    opts.parts ?? DOSSIER_PARTS,
  );
  const dossier = assemble(householdId, outcomes, opts.now);
  const [benefits, clear] = await Promise.all([
    opts.rows ??
      benefitRows(
        services,
        p,
        { householdId, ...(opts.year !== undefined ? { year: opts.year } : {}) },
        caller,
        log,
      ),
    opts.unmask
      ? clearPersonalData(services, householdId, opts.unmask, caller, log)
      : Promise.resolve(null),
  ]);
  return {
    dossier,
    rows: benefits.rows.filter((r) => r.householdId === householdId),
    clear,
    sourcesLeftOut: benefits.leftOut,
    leftOutMessages: benefits.messages,
  };
}

/** The village's name as the registry has it; its code when the registry does not say. */
export async function villageName(
  services: Record<string, string>,
  areaCode: string,
  caller: CallerRequest,
): Promise<string> {
  try {
    const res = await askService(
      services.registry ?? '',
      `/areas/${encodeURIComponent(areaCode)}`,
      caller,
    );
    const body = res.ok ? ((await res.json()) as { name?: unknown }) : {};
    return typeof body.name === 'string' && body.name ? body.name : areaCode;
  } catch {
    return areaCode;
  }
}

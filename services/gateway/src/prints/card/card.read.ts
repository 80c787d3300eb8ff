import type { Principal } from '@fupin/kit';
import { shanghaiDateOf } from '@fupin/reference';
import type { Logger } from 'pino';
import { assemble } from '../../dossier/dossier.assembly';
import { fetchParts } from '../../dossier/dossier.client';
import { rowsOf } from '../../ledger/ledger.assembly';
import { fetchSources } from '../../ledger/ledger.client';
import type { CallerRequest } from '../../upstream/ask';
import { villageName } from '../print.sources';
import { type PolicyCard, policyCard } from './card.content';

/**
 * One household's 明白卡 of a year, read with the caller's token: the dossier (the registry
 * first — a household it does not show the caller is a 404 and nothing else is asked), the
 * year's 受益底册 rows from each source the caller may read (one left out is said on the card),
 * and the village's name.
 */
export async function readCard(
  services: Record<string, string>,
  p: Principal,
  householdId: string,
  year: number,
  caller: CallerRequest,
  log: Logger,
  now: Date,
): Promise<PolicyCard> {
  const dossier = assemble(
    householdId,
    await fetchParts(services, p, householdId, caller, log),
    now,
  );
  const registry = dossier.parts.find((x) => x.part === 'registry');
  const areaCode =
    registry?.status === 'ok'
      ? String((registry.sections.household as { areaCode?: unknown } | undefined)?.areaCode ?? '')
      : '';
  const [outcomes, placeName] = await Promise.all([
    fetchSources(services, p, { householdId, year }, caller, log),
    areaCode ? villageName(services, areaCode, caller) : Promise.resolve(null),
  ]);
  return policyCard({
    dossier,
    rows: rowsOf(outcomes),
    leftOutSources: Object.values(outcomes).flatMap((o) => (o.status === 'ok' ? [] : [o.message])),
    year,
    placeName,
    printedOn: shanghaiDateOf(now),
  });
}

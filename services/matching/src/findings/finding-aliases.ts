import type { FindingCandidate } from './finding.model';

/** What `record` needs to know of a stored finding. */
export interface StoredId {
  _id: string;
  runKey?: string | null;
}

/**
 * A run's candidates under the ids of the findings they are: a finding recorded before ids
 * stopped depending on the HMAC key is stored under a legacy id (one of the candidate's
 * `aliases`), or was linked to the candidate's id (`runKey`) when a run recognised it.
 * `links` are the legacy findings recognised now, to remember under the candidate's id, so
 * they stay found once the old key (and with it the alias) is gone. Candidates are answered
 * without `aliases` (never stored), one per finding. Pure.
 */
export function resolveAliases(
  batch: FindingCandidate[],
  stored: StoredId[],
): { batch: FindingCandidate[]; links: { _id: string; runKey: string }[] } {
  const ids = new Set(stored.map((f) => f._id));
  const byRunKey = new Map(stored.filter((f) => f.runKey).map((f) => [f.runKey!, f._id]));
  const links: { _id: string; runKey: string }[] = [];
  const out: FindingCandidate[] = [];
  const taken = new Set<string>();
  for (const { aliases, ...c } of batch) {
    let id = c._id;
    if (!ids.has(id)) {
      const legacy = byRunKey.get(id) ?? aliases?.find((a) => ids.has(a));
      if (legacy) {
        if (!byRunKey.has(id)) links.push({ _id: legacy, runKey: id });
        id = legacy;
      }
    }
    if (taken.has(id)) continue;
    taken.add(id);
    out.push({ ...c, _id: id });
  }
  return { batch: out, links };
}

/** The ids to look stored findings up by: the candidates' own and their legacy ones. */
export function idsToLookUp(batch: FindingCandidate[]): string[] {
  return [...new Set(batch.flatMap((f) => [f._id, ...(f.aliases ?? [])]))];
}

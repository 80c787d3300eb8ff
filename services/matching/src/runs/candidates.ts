import { createHash } from 'node:crypto';
import type { MatchingRuleCode } from '@fupin/contracts';
import { povertyLine } from '@fupin/reference';
import type { FindingCandidate, RegistryEvidence } from '../findings/finding.model';
import type { Membership } from '../persons/person-index.model';
import type { Person } from '../persons/person-table';
import { RULES } from './rules';

/** A finding as a check hands it out; the sink adds the rule's version. */
export type Candidate = Omit<FindingCandidate, 'ruleVersion'>;

/** The id of a finding: the rule and what it is about, hashed. */
export function findingId(rule: MatchingRuleCode, ...subject: string[]): string {
  return createHash('sha256')
    .update([rule, ...subject].join('|'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The ids a finding about a person had before they were independent of the HMAC key (the
 * subject's hash first), under each hash the person is kept under: a finding recorded then is
 * recognised by `FindingService.record` (while its key is held, then through the link it
 * keeps to the new id).
 */
export function legacyIds(rule: MatchingRuleCode, person: Person, ...rest: string[]): string[] {
  return person.idHashes.map((h) => findingId(rule, h, ...rest));
}

/**
 * A finding about one member of a household. Its id names the registry's member and household,
 * not the keyed hash of the ID number: a rotated HMAC key gives the person another hash, and
 * the next run would otherwise record every open finding again.
 */
export function personCandidate(
  rule: MatchingRuleCode,
  person: Person,
  m: Membership,
  evidence: FindingCandidate['evidence'],
): Candidate {
  return {
    _id: findingId(rule, m.householdId, m.memberId),
    aliases: legacyIds(rule, person, m.householdId),
    rule,
    listType: RULES[rule].listType,
    subject: 'person',
    idHash: person.idHash,
    householdId: m.householdId,
    memberId: m.memberId,
    householdNo: m.householdNo,
    memberName: m.name,
    areaCode: m.areaCode,
    areaCodes: [m.areaCode],
    evidence,
  };
}

/** The candidate under another id (a household's finding), with that id's legacy ids if any. */
export function withId(c: Candidate, id: string, aliases: string[] = []): Candidate {
  const { aliases: _person, ...rest } = c;
  return aliases.length ? { ...rest, _id: id, aliases } : { ...rest, _id: id };
}

/** A finding about a household of the registry itself (no list), named after one member. */
export function householdCandidate(
  rule: MatchingRuleCode,
  id: string,
  m: Membership,
  evidence: Omit<RegistryEvidence, 'kind' | 'households'>,
): Candidate {
  return {
    _id: id,
    rule,
    listType: null,
    subject: 'household',
    idHash: null,
    householdId: m.householdId,
    memberId: null,
    householdNo: m.householdNo,
    memberName: null,
    areaCode: m.areaCode,
    areaCodes: [m.areaCode],
    evidence: {
      kind: 'registry',
      households: [
        {
          householdId: m.householdId,
          householdNo: m.householdNo,
          areaCode: m.areaCode,
          memberName: m.name,
        },
      ],
      ...evidence,
    },
  };
}

/** The poverty line of the year for the household's province; null when no figure is kept. */
export function lineOf(year: number, areaCode: string): number | null {
  try {
    return povertyLine(year, { provinceCode: areaCode }).fen;
  } catch {
    return null;
  }
}

import type { MatchingRuleCode } from '@fupin/contracts';
import { bi } from '@fupin/kit';
import { fenToYuanString, wagesUnderreported, wageThresholdFor } from '@fupin/reference';
import type { RowEvidence, WageComparison } from '../findings/finding.model';
import type { ListRow } from '../lists/list-rows';
import type { DepartmentList } from '../lists/list.model';
import type { Membership } from '../persons/person-index.model';
import type { Person } from '../persons/person-table';
import { type Candidate, findingId, personCandidate, withId } from './candidates';

const RULE: MatchingRuleCode = 'WAGE_INCOME_UNDERREPORTED';

/** One household's wages on the run's wage lists, summed per member. */
interface HouseholdWages {
  m: Membership;
  /** The person and row paid the most (named in the finding). */
  top: { person: Person; m: Membership; fen: number; evidence: RowEvidence };
  byMember: Map<string, number>;
  listYear: number;
}

/**
 * 工资收入核查 — the wage rows of a run summed per registered household (a member on the list
 * twice, with two employers, counts both), then compared with the household's reported
 * 工资性收入 of its latest income year: a finding when the reported wages are far below the
 * record (the reference threshold of that year). The income year must be the list's year or the
 * one before (a year's wages are listed early in the next); otherwise, or with no wage income
 * reported, there is nothing to compare and no finding.
 */
export class WageTally {
  private readonly households = new Map<string, HouseholdWages>();

  add(
    list: DepartmentList,
    person: Person,
    live: Membership[],
    row: ListRow,
    evidenceOf: (row: ListRow) => RowEvidence,
  ): void {
    const fen = Number(row.fact);
    if (!Number.isInteger(fen)) return;
    for (const m of live) {
      let h = this.households.get(m.householdId);
      if (!h) {
        h = {
          m,
          top: { person, m, fen, evidence: evidenceOf(row) },
          byMember: new Map(),
          listYear: Number(list.date.slice(0, 4)),
        };
        this.households.set(m.householdId, h);
      } else if (fen > h.top.fen) h.top = { person, m, fen, evidence: evidenceOf(row) };
      h.byMember.set(m.memberId, (h.byMember.get(m.memberId) ?? 0) + fen);
    }
  }

  *findings(): Iterable<Candidate> {
    for (const h of this.households.values()) {
      const f = wageFinding(h);
      if (f) yield f;
    }
  }
}

function wageFinding(h: HouseholdWages): Candidate | null {
  const { wageIncomeFen: reported, incomeYear: year } = h.m;
  if (reported === null || reported === undefined || year === null) return null;
  if (year !== h.listYear && year !== h.listYear - 1) return null;
  const threshold = wageThresholdFor(year);
  if (!threshold) return null;
  let onRecord = 0;
  for (const fen of h.byMember.values()) onRecord += fen;
  if (!wagesUnderreported(reported, onRecord, threshold)) return null;
  const wages: WageComparison = {
    incomeYear: year,
    reportedWageIncomeFen: reported,
    wagesOnRecordFen: onRecord,
    membersOnRecord: h.byMember.size,
    ratio: threshold.ratio,
    minGapFen: threshold.minGapFen,
    thresholdVersion: threshold.version,
  };
  const percent = Math.round(threshold.ratio * 100);
  const statement = bi(
    `${year}年家庭申报工资性收入${fenToYuanString(reported)}元，人社工资记录${h.byMember.size}人合计${fenToYuanString(onRecord)}元；申报额低于记录的${percent}%且相差${fenToYuanString(onRecord - reported)}元（阈值：相差不少于${fenToYuanString(threshold.minGapFen)}元，第${threshold.version}版）`,
    `Reported wage income for ${year}: ¥${fenToYuanString(reported)}; wages on record for ${h.byMember.size} member(s): ¥${fenToYuanString(onRecord)} — below ${percent}% of the record and ¥${fenToYuanString(onRecord - reported)} short (threshold: a gap of at least ¥${fenToYuanString(threshold.minGapFen)}, version ${threshold.version})`,
  );
  return {
    ...withId(
      personCandidate(RULE, h.top.person, h.top.m, { ...h.top.evidence, wages, statement }),
      findingId(RULE, h.m.householdId, String(year)),
    ),
    subject: 'household',
  };
}

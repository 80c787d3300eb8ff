import type { MatchingRuleCode } from '@fupin/contracts';
import { bi, type Bilingual } from '@fupin/kit';
import type { HouseholdChange, RowEvidence } from '../findings/finding.model';
import type { DepartmentList } from '../lists/list.model';
import type { GuaranteeCode, Membership, OpenGuarantee } from '../persons/person-index.model';
import type { Person } from '../persons/person-table';
import {
  type Candidate,
  findingId,
  householdCandidate,
  lineOf,
  personCandidate,
  withId,
} from './candidates';
import { EXITED_STATUSES } from './rules';

/**
 * 回头看 / 错退 — the re-checks of exited households (domain guide, "Keeping the registry
 * true"): income for the latest income year below that year's line, a guarantee not met or
 * unknown, and a member on the deaths or allowance list (the household's size or income
 * changes). Pure: each hands out findings naming the facts they rest on, in zh-CN and en.
 */

const GUARANTEE_NAMES: Record<GuaranteeCode, Bilingual> = {
  food: bi('不愁吃', 'food'),
  clothing: bi('不愁穿', 'clothing'),
  compulsory_education: bi('义务教育有保障', 'compulsory education'),
  basic_medical: bi('基本医疗有保障', 'basic medical care'),
  housing_safety: bi('住房安全有保障', 'housing safety'),
  safe_water: bi('饮水安全有保障', 'safe drinking water'),
};

const STATE_NAMES: Record<OpenGuarantee['state'], Bilingual> = {
  not_met: bi('未达标', 'not met'),
  unknown: bi('情况不明', 'unknown'),
};

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Whether the household is exited (已脱贫, and 脱贫不稳定户, exited and monitored). */
export const isExited = (m: Membership) => EXITED_STATUSES.has(m.householdStatus);

/** EXITED_BELOW_LINE: the words naming income, year and line. */
export function belowLineStatement(incomeFen: number, year: number, lineFen: number): Bilingual {
  return bi(
    `已脱贫户${year}年人均纯收入${yuan(incomeFen)}元，低于当年扶贫标准${yuan(lineFen)}元，疑似错退`,
    `An exited household's per-capita net income for ${year} is ${yuan(incomeFen)} yuan, below that year's poverty line of ${yuan(lineFen)} yuan: suspected wrong exit`,
  );
}

/** EXITED_GUARANTEE_UNMET: the words naming each guarantee and its state. */
export function guaranteeStatement(open: OpenGuarantee[], source: 'states' | 'flags'): Bilingual {
  const zh = open.map(
    (g) => `${GUARANTEE_NAMES[g.code]['zh-CN']}（${STATE_NAMES[g.state]['zh-CN']}）`,
  );
  const en = open.map((g) => `${GUARANTEE_NAMES[g.code].en} (${STATE_NAMES[g.state].en})`);
  const note =
    source === 'flags'
      ? bi(
          '（依据登记的达标标记，无法区分情况不明）',
          ' (from the met flags, which cannot tell unknown)',
        )
      : bi('', '');
  return bi(
    `已脱贫户${zh.join('、')}，情况不明按未达标认定，疑似错退${note['zh-CN']}`,
    `An exited household has guarantees not met or unknown — ${en.join(', ')}; unknown counts as not met: suspected wrong exit${note.en}`,
  );
}

/** EXITED_HOUSEHOLD_CHANGED: the words naming the member and what changes. */
export function changeStatement(memberName: string, c: HouseholdChange): Bilingual {
  if (c.kind === 'member_deceased')
    return bi(
      `已脱贫户成员${memberName}在死亡人员名单中，家庭人口由${c.householdSize ?? '—'}人变为${c.sizeAfter ?? '—'}人，须重新核算人均纯收入`,
      `${memberName}, a member of an exited household, is on the deaths list: the household goes from ${c.householdSize ?? '—'} to ${c.sizeAfter ?? '—'} people and its per-capita income must be worked out again`,
    );
  const income =
    c.perCapitaIncomeFen !== null && c.incomeYear !== null
      ? bi(
          `（登记${c.incomeYear}年人均纯收入${yuan(c.perCapitaIncomeFen)}元）`,
          ` (recorded per-capita income for ${c.incomeYear}: ${yuan(c.perCapitaIncomeFen)} yuan)`,
        )
      : bi('', '');
  return bi(
    `已脱贫户成员${memberName}新纳入民政低保/特困名单，家庭收入疑似低于标准${income['zh-CN']}，疑似错退`,
    `${memberName}, a member of an exited household, is newly on the civil-affairs allowance list: the household's income is likely below the line${income.en}: suspected wrong exit`,
  );
}

/** The registry's own 回头看 checks of one household (called once per household). */
export function exitedHouseholdFindings(m: Membership, rules: Set<MatchingRuleCode>): Candidate[] {
  if (!isExited(m)) return [];
  const out: Candidate[] = [];
  const facts = { householdStatus: m.householdStatus, exitYear: m.exitYear ?? null };
  if (rules.has('EXITED_BELOW_LINE') && m.perCapitaIncomeFen !== null && m.incomeYear !== null) {
    const line = lineOf(m.incomeYear, m.areaCode);
    if (line !== null && m.perCapitaIncomeFen < line)
      out.push(
        householdCandidate(
          'EXITED_BELOW_LINE',
          findingId('EXITED_BELOW_LINE', m.householdId, String(m.incomeYear)),
          m,
          {
            ...facts,
            perCapitaIncomeFen: m.perCapitaIncomeFen,
            povertyLineFen: line,
            incomeYear: m.incomeYear,
            statement: belowLineStatement(m.perCapitaIncomeFen, m.incomeYear, line),
          },
        ),
      );
  }
  const open = m.guaranteesOpen ?? [];
  if (rules.has('EXITED_GUARANTEE_UNMET') && open.length > 0) {
    const source = m.guaranteeSource ?? 'flags';
    out.push(
      householdCandidate(
        'EXITED_GUARANTEE_UNMET',
        findingId('EXITED_GUARANTEE_UNMET', m.householdId),
        m,
        {
          ...facts,
          guarantees: open,
          guaranteeSource: source,
          statement: guaranteeStatement(open, source),
        },
      ),
    );
  }
  return out;
}

/**
 * EXITED_HOUSEHOLD_CHANGED on a matched row: a live member of an exited household on the
 * deaths list (the household's size changes), or on the allowance list while the registry
 * records no 低保/特困 for them (newly on it: the household's income is below the line).
 */
export function exitedRowFindings(
  list: DepartmentList,
  person: Person,
  live: Membership[],
  row: () => RowEvidence,
): Candidate[] {
  if (list.type !== 'deaths' && list.type !== 'allowance_recipients') return [];
  const out: Candidate[] = [];
  for (const m of live) {
    if (!isExited(m)) continue;
    if (list.type === 'allowance_recipients' && (m.minimumAllowance || m.destituteSupport))
      continue;
    const size = m.householdSize ?? null;
    const change: HouseholdChange = {
      kind: list.type === 'deaths' ? 'member_deceased' : 'member_on_allowance',
      householdStatus: m.householdStatus,
      exitYear: m.exitYear ?? null,
      householdSize: size,
      sizeAfter: list.type === 'deaths' && size !== null ? Math.max(size - 1, 0) : size,
      perCapitaIncomeFen: m.perCapitaIncomeFen,
      incomeYear: m.incomeYear,
    };
    const rule = 'EXITED_HOUSEHOLD_CHANGED';
    const candidate = personCandidate(rule, person, m, {
      ...row(),
      change,
      statement: changeStatement(m.name, change),
    });
    out.push({
      // The member rather than the keyed hash of their ID number, as personCandidate's.
      ...withId(
        candidate,
        findingId(rule, m.householdId, m.memberId, list.type),
        person.idHashes.map((h) => findingId(rule, m.householdId, h, list.type)),
      ),
      listType: list.type,
      subject: 'household',
    });
  }
  return out;
}

import { bi, type Bilingual } from '@fupin/kit';
import {
  addFen,
  compulsoryPlace,
  daysInMonth,
  fenToYuanString,
  isoDate,
  parseCalendarDate,
  shanghaiDateOf,
  termOfDay,
} from '@fupin/reference';
import type { Member } from '../households/household.model';
import { LOOKBACK_MONTHS, ruleOf, WARNING_RULES } from './warning-rules.table';
import {
  DISASTER_KINDS,
  type DisasterFact,
  type DisasterKind,
  type FiredSignal,
  type MissingData,
  type ScreeningInput,
  type ScreeningResult,
  type SignalCode,
} from './warning.types';

// The pure rules of 防返贫监测预警: one function per signal of the rule table, each reading only
// the screening input. Days are `YYYY-MM-DD` text in Asia/Shanghai, compared as text. Removed
// members are ignored by every rule except member_deceased. No database, no clock.

/** What one rule says of a household: fired, could not be evaluated, or nothing to warn of. */
export type RuleOutcome = FiredSignal | MissingData | null;
export type WarningRuleFn = (input: ScreeningInput) => RuleOutcome;

const yuan = (fen: number) => `¥${fenToYuanString(fen)}`;

/** The last day outside the lookback: today minus LOOKBACK_MONTHS (the 29th of February → 28th). */
export function lookbackStart(today: string, months = LOOKBACK_MONTHS): string {
  if (parseCalendarDate(today) !== today) throw new RangeError(`today is not a day: ${today}`);
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(Number(today.slice(8, 10)), daysInMonth(year, month)));
}

/** A day counts when after today minus the lookback and not after today. */
export function withinLookback(day: string, today: string): boolean {
  return day > lookbackStart(today) && day <= today;
}

const fired = (
  code: SignalCode,
  explanation: Bilingual,
  values: FiredSignal['values'],
): FiredSignal => ({ code, version: ruleOf(code).version, explanation, values });

const activeOf = (input: ScreeningInput) =>
  input.household.members.filter((m) => m.status === 'active');

/** The days, oldest first, of history entries within the lookback that changed a matching field. */
function recentChanges(
  input: ScreeningInput,
  matches: (changed: string) => boolean,
  actions?: string[],
): string[] {
  return input.history
    .filter((h) => !actions || actions.includes(h.action))
    .filter((h) => h.changed.some(matches))
    .map((h) => shanghaiDateOf(h.at))
    .filter((day) => withinLookback(day, input.today))
    .sort();
}

/** 收入低于监测线: the registered per-capita income strictly below the line of its year. */
export function incomeBelowMonitoringLine(input: ScreeningInput): RuleOutcome {
  const code = 'income_below_monitoring_line';
  const { perCapitaIncomeFen: perCapita, income } = input.household;
  if (perCapita === null || income === null) {
    return {
      code,
      reason: bi(
        '未登记家庭年人均纯收入或收入年度，无法与监测线比较',
        'No per-capita income (or no income year) is registered to compare with the monitoring line',
      ),
    };
  }
  const line = input.settings(income.year).monitoringLineFen;
  if (perCapita >= line) return null;
  return fired(
    code,
    bi(
      `${income.year}年家庭年人均纯收入${yuan(perCapita)}，低于监测线${yuan(line)}`,
      `Per-capita income ${yuan(perCapita)} in ${income.year} is below the monitoring line ${yuan(line)}`,
    ),
    { perCapitaIncomeFen: perCapita, monitoringLineFen: line, incomeYear: income.year },
  );
}

/** 医疗自付: out-of-pocket costs of current members' episodes in the lookback above the threshold. */
export function medicalOutOfPocket(input: ScreeningInput): RuleOutcome {
  const code = 'medical_out_of_pocket';
  const removed = new Set(
    input.household.members.filter((m) => m.status === 'removed').map((m) => m.id),
  );
  const episodes = input.medical.filter(
    (e) => !removed.has(e.personId) && withinLookback(e.day, input.today),
  );
  const total = addFen(...episodes.map((e) => e.outOfPocketFen));
  const threshold = input.settings(Number(input.today.slice(0, 4))).medicalThresholdFen;
  if (total <= threshold) return null;
  return fired(
    code,
    bi(
      `近${LOOKBACK_MONTHS}个月${episodes.length}次住院自付医疗费用合计${yuan(total)}，超过${yuan(threshold)}`,
      `Out-of-pocket medical costs of ${yuan(total)} over ${episodes.length} episode(s) in the last ${LOOKBACK_MONTHS} months exceed ${yuan(threshold)}`,
    ),
    { outOfPocketFen: total, thresholdFen: threshold, episodes: episodes.length },
  );
}

type Pupil = Pick<Member, 'id' | 'name' | 'inSchool'>;

/** Why a child of compulsory-education age is out of school, or null when in school. */
function outOfSchoolCause(m: Pupil, input: ScreeningInput): Bilingual | null {
  const facts = input.household.supportFacts?.find((s) => s.memberId === m.id);
  if (facts && facts.openDropoutCases.length > 0)
    return bi('有未结辍学案件', 'an open dropout case');
  if (facts?.enrollment) {
    const { term, status } = facts.enrollment;
    if (status === 'enrolled') return null;
    return bi(`${term}学期学籍状态为${status}`, `enrollment of ${term} is ${status}`);
  }
  return m.inSchool ? null : bi('登记为不在校', 'registered as not in school');
}

/** 失学辍学: an active child of compulsory-education age on today who is not in school. */
export function childOutOfSchool(input: ScreeningInput): RuleOutcome {
  const code = 'child_out_of_school';
  const term = termOfDay(input.today);
  const undated: string[] = [];
  const out: { m: Pupil; cause: Bilingual }[] = [];
  for (const m of activeOf(input)) {
    if (!m.birthDate || parseCalendarDate(m.birthDate) !== m.birthDate) {
      undated.push(m.name);
      continue;
    }
    if (compulsoryPlace(m.birthDate, term) === null) continue;
    const cause = outOfSchoolCause(m, input);
    if (cause) out.push({ m, cause });
  }
  if (out.length > 0) {
    return fired(
      code,
      bi(
        `义务教育适龄子女未在校：${out.map((o) => `${o.m.name}（${o.cause['zh-CN']}）`).join('；')}`,
        `Of compulsory-education age and out of school: ${out.map((o) => `${o.m.name} (${o.cause.en})`).join('; ')}`,
      ),
      {
        children: out.length,
        names: out.map((o) => o.m.name).join('、'),
        memberIds: out.map((o) => o.m.id).join(','),
      },
    );
  }
  if (undated.length === 0) return null;
  return {
    code,
    reason: bi(
      `成员${undated.join('、')}的出生日期缺失或无效，无法判断是否为义务教育适龄`,
      `The birth date of ${undated.join(', ')} is missing or invalid: compulsory-education age cannot be judged`,
    ),
  };
}

/** 成员去世: a member removed because of a verified death within the lookback. */
export function memberDeceased(input: ScreeningInput): RuleOutcome {
  const code = 'member_deceased';
  const dead = input.household.members
    .filter((m) => m.status === 'removed' && m.deceased === true)
    .flatMap((m) => (m.removedAt ? [{ name: m.name, day: shanghaiDateOf(m.removedAt) }] : []))
    .filter((d) => withinLookback(d.day, input.today));
  if (dead.length === 0) return null;
  return fired(
    code,
    bi(
      `近${LOOKBACK_MONTHS}个月内${dead.length}名家庭成员去世：${dead.map((d) => `${d.name}（${d.day}）`).join('、')}`,
      `${dead.length} member(s) died in the last ${LOOKBACK_MONTHS} months: ${dead.map((d) => `${d.name} (${d.day})`).join(', ')}`,
    ),
    { deceased: dead.length },
  );
}

const LABOUR = ['ordinary', 'skilled'];
const LABOUR_CHANGES = [
  'members',
  'members.labourCapacity',
  'members.disabilityGrade',
  'members.health',
];
const MEMBER_CHANGES = ['member_updated', 'member_removed'];

/** 失去劳动力: no ordinary or skilled labourer left, after a recent change of a member. */
export function labourerDisabled(input: ScreeningInput): RuleOutcome {
  const code = 'labourer_disabled';
  if (activeOf(input).some((m) => LABOUR.includes(m.labourCapacity ?? ''))) return null;
  const last = recentChanges(input, (c) => LABOUR_CHANGES.includes(c), MEMBER_CHANGES).at(-1);
  if (!last) return null;
  return fired(
    code,
    bi(
      `家庭已无普通或技能劳动力，${last}成员劳动能力、健康状况或人员有变更`,
      `No ordinary or skilled labourer is left after a change of the members' labour, health or membership on ${last}`,
    ),
    { labourers: 0, changedOn: last },
  );
}

/** 灾害: a disaster recorded for the household or its village within the lookback. */
export function disaster(input: ScreeningInput): RuleOutcome {
  const code = 'disaster';
  const hits = input.disasters
    .filter((d) => withinLookback(d.day, input.today))
    .sort((a, b) => a.day.localeCompare(b.day));
  if (hits.length === 0) return null;
  const losses = hits.filter((d) => d.lossesFen !== null).map((d) => d.lossesFen as number);
  const kind = (d: DisasterFact) =>
    DISASTER_KINDS[d.kind as DisasterKind] ?? { zh: d.kind, en: d.kind };
  const zh = hits.map(
    (d) => `${d.day} ${kind(d).zh}${d.lossesFen === null ? '' : `（损失${yuan(d.lossesFen)}）`}`,
  );
  const en = hits.map(
    (d) =>
      `${kind(d).en.toLowerCase()} on ${d.day}${d.lossesFen === null ? '' : ` (losses ${yuan(d.lossesFen)})`}`,
  );
  return fired(
    code,
    bi(
      `近${LOOKBACK_MONTHS}个月内遭受灾害：${zh.join('；')}`,
      `Hit by disaster in the last ${LOOKBACK_MONTHS} months: ${en.join('; ')}`,
    ),
    {
      disasters: hits.length,
      lastDay: hits[hits.length - 1]?.day ?? null,
      lossesFen: losses.length > 0 ? addFen(...losses) : null,
    },
  );
}

/** 务工中断: migrant work changed within the lookback and no current member works away now. */
export function workLost(input: ScreeningInput): RuleOutcome {
  const code = 'work_lost';
  if (activeOf(input).some((m) => m.migrantWork.working)) return null;
  const last = recentChanges(
    input,
    (c) => c === 'members.migrantWork' || c.startsWith('members.migrantWork.'),
  ).at(-1);
  if (!last) return null;
  return fired(
    code,
    bi(
      `${last}成员务工状况变更，现已无成员在外务工`,
      `Migrant work changed on ${last} and no member works away now`,
    ),
    { changedOn: last },
  );
}

/** The rules in the table's order. */
export const SCREENING_RULES: Readonly<Record<SignalCode, WarningRuleFn>> = {
  income_below_monitoring_line: incomeBelowMonitoringLine,
  medical_out_of_pocket: medicalOutOfPocket,
  child_out_of_school: childOutOfSchool,
  member_deceased: memberDeceased,
  labourer_disabled: labourerDisabled,
  disaster,
  work_lost: workLost,
};

const isFired = (o: FiredSignal | MissingData): o is FiredSignal => 'explanation' in o;

/** Every rule of the table on one household: the signals fired and the rules that lacked data. */
export function screenHousehold(input: ScreeningInput): ScreeningResult {
  const result: ScreeningResult = { fired: [], missing: [] };
  for (const { code } of WARNING_RULES) {
    const outcome = SCREENING_RULES[code](input);
    if (outcome === null) continue;
    if (isFired(outcome)) result.fired.push(outcome);
    else result.missing.push(outcome);
  }
  return result;
}

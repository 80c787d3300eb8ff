import { AppError, bi, type Bilingual, type FieldError } from '@fupin/kit';
import { Guarantee } from '@fupin/reference';
import { GUARANTEES, type Guarantees } from '../households/household.model';
import { readGuarantee } from '../households/guarantee.rules';
import { povertyLineFen } from '../households/household.rules';
import type { LineLookup, WorkflowHousehold } from './workflow.types';

const national: LineLookup = (year) => povertyLineFen(year);

// The eligibility checks a workflow step runs (exit, return to poverty, leaving monitoring), and
// the refusal that lists the failed ones.

/** One eligibility check and its outcome, listed in refusals and kept with the step. */
export interface CheckResult {
  check: string;
  passed: boolean;
  field: string;
  message: Bilingual;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/**
 * 脱贫退出 checks: per-capita income of the exit year not below that year's line, and each of
 * 两不愁三保障 + safe water met.
 */
export function exitChecks(
  h: WorkflowHousehold,
  year: number,
  lineOf: LineLookup = national,
): CheckResult[] {
  return [incomeCheck(h, year, 'above', lineOf), ...guaranteeChecks(h.guarantees)];
}

function incomeCheck(
  h: WorkflowHousehold,
  year: number,
  want: 'above' | 'below',
  lineOf: LineLookup,
): CheckResult {
  const line = lineOf(year);
  if (line === null) {
    return {
      check: 'poverty_line_known',
      passed: false,
      field: 'year',
      message: bi(`没有${year}年的扶贫标准`, `There is no poverty line for ${year}`),
    };
  }
  if (!h.income || h.income.year !== year || h.perCapitaIncomeFen === null) {
    return {
      check: 'income_recorded',
      passed: false,
      field: 'income',
      message: bi(
        `未录入${year}年的家庭收入`,
        `The household's income for ${year} is not recorded`,
      ),
    };
  }
  const perCapita = h.perCapitaIncomeFen;
  const below = perCapita < line;
  return {
    check: want === 'above' ? 'income_above_line' : 'income_below_line',
    passed: want === 'above' ? !below : below,
    field: 'income',
    message: bi(
      `${year}年人均纯收入 ${yuan(perCapita)} 元，扶贫标准 ${yuan(line)} 元`,
      `Per-capita net income ${yuan(perCapita)} yuan in ${year}; the poverty line is ${yuan(line)} yuan`,
    ),
  };
}

/**
 * Each guarantee met. Unknown is never met, and the refusal says so: 未知（无数据） / unknown
 * (no data). Old documents (`{met, note}`) are read through readGuarantee.
 */
function guaranteeChecks(g: Guarantees): CheckResult[] {
  return GUARANTEES.map((code) => {
    const label = Guarantee[code];
    const record = readGuarantee(g[code]);
    const note = record.note ? `（${record.note}）` : '';
    const met = record.state === 'met';
    const message = met
      ? bi(`${label.zh}：已达标`, `${label.en}: met`)
      : record.state === 'unknown'
        ? bi(
            `${label.zh}：未知（无数据），按未达标处理${note}`,
            `${label.en}: unknown (no data), counted as not met${note}`,
          )
        : bi(`${label.zh}：未达标${note}`, `${label.en}: not met${note}`);
    return { check: `guarantee.${code}`, passed: met, field: `guarantees.${code}`, message };
  });
}

/** 返贫: the household is below the line for its income year, or a guarantee is not met. */
export function returnChecks(h: WorkflowHousehold, lineOf: LineLookup = national): CheckResult[] {
  const income = h.income ? incomeCheck(h, h.income.year, 'below', lineOf) : null;
  const guarantees = guaranteeChecks(h.guarantees);
  const eligible = (income?.passed ?? false) || guarantees.some((c) => !c.passed);
  return [
    {
      check: 'return_criteria',
      passed: eligible,
      field: 'income',
      message: eligible
        ? bi('收入低于扶贫标准或保障未达标', 'Income below the line or a guarantee not met')
        : bi(
            '收入不低于扶贫标准且两不愁三保障及饮水安全均已达标，不符合返贫条件',
            'Income is not below the line and every guarantee is met: not a return to poverty',
          ),
    },
    ...(income ? [income] : []),
  ];
}

/** 风险消除: income of the recorded year not below the line, and every guarantee met. */
export function removalChecks(h: WorkflowHousehold, lineOf: LineLookup = national): CheckResult[] {
  if (!h.income) {
    return [
      {
        check: 'income_recorded',
        passed: false,
        field: 'income',
        message: bi('未录入家庭收入', "The household's income is not recorded"),
      },
      ...guaranteeChecks(h.guarantees),
    ];
  }
  return exitChecks(h, h.income.year, lineOf);
}

export function refuseChecks(code: string, message: Bilingual, checks: CheckResult[]): AppError {
  const failed = checks.filter((c) => !c.passed);
  const errors: FieldError[] = failed.map((c) => ({
    field: c.field,
    code: c.check,
    message: c.message,
  }));
  return new AppError(422, code, message, {
    errors,
    extra: { failedChecks: failed.map((c) => c.check), checks },
  });
}

export function exitRefusal(checks: CheckResult[]): AppError | null {
  const failed = checks.filter((c) => !c.passed);
  if (failed.length === 0) return null;
  const list = failed.map((c) => c.message['zh-CN']).join('；');
  const listEn = failed.map((c) => c.message.en).join('; ');
  const first = failed[0]!.check;
  const code =
    first === 'income_above_line'
      ? 'REGISTRY_EXIT_INCOME_BELOW_LINE'
      : first === 'income_recorded' || first === 'poverty_line_known'
        ? 'REGISTRY_EXIT_INCOME_UNKNOWN'
        : 'REGISTRY_EXIT_GUARANTEE_NOT_MET';
  return refuseChecks(
    code,
    bi(`不符合脱贫退出条件：${list}`, `The household does not meet the exit conditions: ${listEn}`),
    checks,
  );
}

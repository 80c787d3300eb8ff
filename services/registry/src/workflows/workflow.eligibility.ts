import { bi } from '@fupin/kit';
import { Guarantee } from '@fupin/reference';
import { GUARANTEES, type GuaranteeCode } from '../households/household.model';
import { povertyLineFen } from '../households/household.rules';
import { type CheckResult, refuseChecks } from './workflow.checks';
import {
  EXCLUSION_FLAGS,
  EXCLUSION_LABELS,
  type Exclusions,
  type LineLookup,
  type WorkflowHousehold,
} from './workflow.types';

// 识别条件 — whether a candidate may be identified: per-capita income of the latest income year
// below that year's line (the provincial line when one is set), or a guarantee known not met;
// and none of the exclusions, unless the township justified it. Pure: the line is looked up
// through the lookup the service gives.

/** The national line by year (the default lookup when no provincial line is configured). */
export const nationalLine: LineLookup = (year) => povertyLineFen(year);

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** A guarantee's state, read from the three-state record or from an old `{met}` one. */
export function guaranteeStateOf(value: unknown): 'met' | 'not_met' | 'unknown' {
  if (!value || typeof value !== 'object') return 'unknown';
  const v = value as { state?: unknown; met?: unknown };
  if (v.state === 'met' || v.state === 'not_met' || v.state === 'unknown') return v.state;
  if (typeof v.met === 'boolean') return v.met ? 'met' : 'not_met';
  return 'unknown';
}

/** The guarantees known not met (unknown is not counted: it proves no need by itself). */
export function guaranteesKnownNotMet(h: WorkflowHousehold): GuaranteeCode[] {
  const g = h.guarantees as Record<GuaranteeCode, unknown>;
  return GUARANTEES.filter((code) => guaranteeStateOf(g[code]) === 'not_met');
}

/** The income test of identification: the latest recorded year's per-capita income under its line. */
function incomeBelowLine(h: WorkflowHousehold, lineOf: LineLookup): CheckResult {
  if (!h.income || h.perCapitaIncomeFen === null) {
    return {
      check: 'income_recorded',
      passed: false,
      field: 'income',
      message: bi('未录入家庭收入', "The household's income is not recorded"),
    };
  }
  const year = h.income.year;
  const line = lineOf(year);
  if (line === null) {
    return {
      check: 'poverty_line_known',
      passed: false,
      field: 'income.year',
      message: bi(`没有${year}年的扶贫标准`, `There is no poverty line for ${year}`),
    };
  }
  const perCapita = h.perCapitaIncomeFen;
  const below = perCapita < line;
  return {
    check: 'income_below_line',
    passed: below,
    field: 'income',
    message: bi(
      `${year}年人均纯收入 ${yuan(perCapita)} 元，${below ? '低于' : '不低于'}扶贫标准 ${yuan(line)} 元`,
      `Per-capita net income ${yuan(perCapita)} yuan in ${year}, ${below ? 'below' : 'not below'} the poverty line of ${yuan(line)} yuan`,
    ),
  };
}

/**
 * 识别条件: eligible when the income is below the line or a guarantee is known not met; each
 * exclusion declared (or confirmed from a finding) fails unless the township justified it.
 */
export function identificationChecks(
  h: WorkflowHousehold,
  exclusions: Exclusions | null,
  opts: {
    lineOf?: LineLookup;
    /** The township justified the exclusions (its review): they do not fail. */
    justified?: boolean;
    /** The village appraisal: exclusions are listed for the township to justify, not failed. */
    beforeReview?: boolean;
  } = {},
): CheckResult[] {
  const income = incomeBelowLine(h, opts.lineOf ?? nationalLine);
  const unmet = guaranteesKnownNotMet(h);
  const eligible = income.passed || unmet.length > 0;
  const unmetText = unmet.map((c) => Guarantee[c].zh).join('、');
  const unmetEn = unmet.map((c) => Guarantee[c].en).join(', ');
  const criteria: CheckResult = {
    check: 'identification_criteria',
    passed: eligible,
    field: 'income',
    message: eligible
      ? unmet.length
        ? bi(`保障未达标：${unmetText}`, `Guarantees not met: ${unmetEn}`)
        : bi('收入低于扶贫标准', 'Income below the poverty line')
      : bi(
          '收入不低于扶贫标准，且没有已知未达标的保障，不符合识别条件',
          'Income is not below the line and no guarantee is known not met: not eligible',
        ),
  };
  const excluded: CheckResult[] = EXCLUSION_FLAGS.filter((f) => exclusions?.[f]).map((f) => ({
    check: `exclusion.${f}`,
    passed: opts.justified === true || opts.beforeReview === true,
    field: `exclusions.${f}`,
    message: opts.justified
      ? bi(
          `${EXCLUSION_LABELS[f]['zh-CN']}（乡镇已说明理由）`,
          `${EXCLUSION_LABELS[f].en} (justified by the township)`,
        )
      : opts.beforeReview
        ? bi(
            `${EXCLUSION_LABELS[f]['zh-CN']}（须经乡镇审核说明理由）`,
            `${EXCLUSION_LABELS[f].en} (the township review must justify it)`,
          )
        : bi(
            `属于排除情形：${EXCLUSION_LABELS[f]['zh-CN']}`,
            `Falls under an exclusion: ${EXCLUSION_LABELS[f].en}`,
          ),
  }));
  // An income above the line does not fail an eligible household: it is shown only when it counts.
  return [criteria, ...(eligible && !income.passed ? [] : [income]), ...excluded];
}

/** The refusal of an identification step listing every failing check, or null. */
export function identificationRefusal(checks: CheckResult[]) {
  const failing = checks.filter((c) => !c.passed);
  if (failing.length === 0) return null;
  return refuseChecks(
    'REGISTRY_IDENTIFICATION_NOT_ELIGIBLE',
    bi(
      `不符合识别条件：${failing.map((c) => c.message['zh-CN']).join('；')}`,
      `The household does not meet the identification conditions: ${failing.map((c) => c.message.en).join('; ')}`,
    ),
    checks,
  );
}

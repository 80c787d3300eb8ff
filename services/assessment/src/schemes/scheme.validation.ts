import { bi, type FieldError, unprocessable } from '@fupin/kit';
import { areaLevel, Department, isCodeOf, labelOf, scopePrefix } from '@fupin/reference';
import { INDICATORS } from '../indicators/catalogue';
import type { AreaNameModel } from '../indicators/fact.model';
import { checkLinearBounds } from '../scoring/scoring.engine';
import type { SchemeTrack } from './scheme.model';
import type { SchemeInput } from './scheme.schemas';

type TrackInput = SchemeInput['tracks'][number];
type UnitInput = TrackInput['units'][number];
type IndicatorInput = TrackInput['indicators'][number];

const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: bi(zh, en),
});

/**
 * The tracks of a scheme as submitted, checked: one track per kind of unit, each unit once
 * (a township of this county with a name, or a known department), each indicator once and
 * applicable to the track with bounds it can be scored by, the weights adding up to 100.
 * Every problem is reported at once (422 with the fields).
 */
export async function validTracks(
  input: SchemeInput,
  deps: { areas: AreaNameModel; countyCode: string },
): Promise<SchemeTrack[]> {
  const errors: FieldError[] = [];
  const kinds = new Set<string>();
  const tracks: SchemeTrack[] = [];
  for (const [ti, t] of input.tracks.entries()) {
    const at = `tracks.${ti}`;
    if (kinds.has(t.kind))
      errors.push(
        fieldError(
          `${at}.kind`,
          'duplicate',
          '同一类考核单位只能有一个序列',
          'One track per kind of unit',
        ),
      );
    kinds.add(t.kind);
    const units = await validUnits(t, at, errors, deps);
    const indicators = validIndicators(t, at, errors);
    const weight = t.indicators.reduce((s, i) => s + Math.round(i.weight * 100), 0);
    if (weight !== 10_000)
      errors.push(
        fieldError(
          `${at}.indicators`,
          'weights_not_100',
          `指标权重合计须为 100，现为 ${weight / 100}`,
          `The weights must add up to 100; they add up to ${weight / 100}`,
        ),
      );
    tracks.push({ kind: t.kind, units, indicators });
  }
  if (errors.length)
    throw unprocessable(
      'ASSESSMENT_SCHEME_INVALID',
      bi('考核方案有误，请检查标出的字段', 'The scheme is invalid; see the listed fields'),
      errors,
    );
  return tracks;
}

async function validUnits(
  t: TrackInput,
  at: string,
  errors: FieldError[],
  deps: { areas: AreaNameModel; countyCode: string },
): Promise<SchemeTrack['units']> {
  const units: SchemeTrack['units'] = [];
  const seen = new Set<string>();
  for (const [ui, u] of t.units.entries()) {
    const f = `${at}.units.${ui}`;
    if (seen.has(u.code)) {
      errors.push(
        fieldError(
          `${f}.code`,
          'duplicate',
          `考核单位重复：${u.code}`,
          `Unit listed twice: ${u.code}`,
        ),
      );
      continue;
    }
    seen.add(u.code);
    const unit =
      t.kind === 'township'
        ? await validTownship(u, f, errors, deps)
        : validDepartment(u, f, errors);
    if (unit) units.push(unit);
  }
  return units;
}

/** A township of this county, named in the scheme or known from the registry's areas. */
async function validTownship(
  u: UnitInput,
  f: string,
  errors: FieldError[],
  deps: { areas: AreaNameModel; countyCode: string },
): Promise<SchemeTrack['units'][number] | null> {
  let level: string | null = null;
  try {
    level = areaLevel(u.code);
  } catch {
    level = null;
  }
  if (level !== 'township' || !u.code.startsWith(scopePrefix(deps.countyCode))) {
    errors.push(
      fieldError(
        `${f}.code`,
        'not_township',
        `${u.code} 不是本县的乡镇区划代码`,
        `${u.code} is not a township code of this county`,
      ),
    );
    return null;
  }
  const known = await deps.areas.findById(u.code).lean();
  const name = u.name ?? known?.name;
  if (!name) {
    errors.push(
      fieldError(
        `${f}.name`,
        'required',
        `请填写乡镇 ${u.code} 的名称`,
        `Give the name of township ${u.code}`,
      ),
    );
    return null;
  }
  return { code: u.code, name };
}

function validDepartment(
  u: UnitInput,
  f: string,
  errors: FieldError[],
): SchemeTrack['units'][number] | null {
  if (!isCodeOf(Department, u.code)) {
    errors.push(
      fieldError(
        `${f}.code`,
        'not_department',
        `未知的部门代码：${u.code}`,
        `Unknown department code: ${u.code}`,
      ),
    );
    return null;
  }
  return { code: u.code, name: u.name ?? `县${labelOf(Department, u.code, 'zh-CN')}` };
}

function validIndicators(
  t: TrackInput,
  at: string,
  errors: FieldError[],
): SchemeTrack['indicators'] {
  const indicators: SchemeTrack['indicators'] = [];
  const seen = new Set<string>();
  for (const [ii, i] of t.indicators.entries()) {
    const f = `${at}.indicators.${ii}`;
    const def = INDICATORS[i.code];
    if (seen.has(i.code)) {
      errors.push(
        fieldError(
          `${f}.code`,
          'duplicate',
          `指标重复：${def.label.zh}`,
          `Indicator listed twice: ${def.label.en}`,
        ),
      );
      continue;
    }
    seen.add(i.code);
    const indicator = validIndicator(t, i, f, errors);
    if (indicator) indicators.push(indicator);
  }
  return indicators;
}

/** One indicator of a track: applicable to its kind of unit, its bounds scorable. */
function validIndicator(
  t: TrackInput,
  i: IndicatorInput,
  f: string,
  errors: FieldError[],
): SchemeTrack['indicators'][number] | null {
  const def = INDICATORS[i.code];
  if (!def.appliesTo.includes(t.kind)) {
    errors.push(
      fieldError(
        `${f}.code`,
        'not_applicable',
        `「${def.label.zh}」不适用于${t.kind === 'township' ? '乡镇' : '部门'}`,
        `"${def.label.en}" does not apply to ${t.kind === 'township' ? 'townships' : 'departments'}`,
      ),
    );
    return null;
  }
  const direction = i.direction ?? def.direction;
  const floor = i.rule === 'linear' ? (i.floor === undefined ? def.defaults.floor : i.floor) : null;
  const target =
    i.rule === 'linear' ? (i.target === undefined ? def.defaults.target : i.target) : null;
  if (i.rule === 'linear') {
    const problem = checkLinearBounds(direction, floor, target);
    if (problem) {
      errors.push({
        field: `${f}.target`,
        code: 'invalid_bounds',
        message: bi(problem.zh, problem.en),
      });
      return null;
    }
  }
  return { code: i.code, weight: i.weight, direction, rule: i.rule, floor, target };
}

import {
  areaInScope,
  bi,
  conflict,
  type FieldError,
  notFound,
  outsideScope,
  type Principal,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import { areaLevel, Department, isCodeOf, labelOf, scopePrefix } from '@fupin/reference';
import { INDICATORS, type UnitKind } from '../indicators/catalogue';
import type { AreaNameModel } from '../indicators/fact.model';
import { type UnitRef, unitIdOf } from '../indicators/indicator.calculator';
import { checkLinearBounds, type IndicatorRule, type UnitInput } from '../scoring/scoring.engine';
import type { Scheme, SchemeModel, SchemeTrack, UnitTarget } from './scheme.model';
import type { SchemeInput } from './scheme.schemas';

export type SchemeView = Omit<Scheme, '_id'>;

const view = (s: Scheme): SchemeView => {
  const { _id, ...rest } = s;
  return rest;
};

/** A track ready for the calculator and the scoring engine. */
export interface ResolvedTrack {
  kind: UnitKind;
  units: UnitRef[];
  indicators: IndicatorRule[];
  targets: Map<string, NonNullable<UnitInput['targets']>>;
}

const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: bi(zh, en),
});

/** 考核方案 — the administrator's definition of a year's assessment. */
export class SchemeService {
  constructor(
    private readonly deps: {
      schemes: SchemeModel;
      areas: AreaNameModel;
      countyCode: string;
      now: () => Date;
    },
  ) {}

  get countyCode(): string {
    return this.deps.countyCode;
  }

  async list(): Promise<SchemeView[]> {
    const all = await this.deps.schemes.find().sort({ year: -1 }).lean<Scheme[]>();
    return all.map(view);
  }

  async find(year: number): Promise<Scheme | null> {
    return this.deps.schemes.findById(String(year)).lean<Scheme>();
  }

  async get(year: number): Promise<SchemeView> {
    const s = await this.find(year);
    if (!s)
      throw notFound(
        bi(`${year}年考核方案`, `The ${year} assessment scheme`),
        'ASSESSMENT_SCHEME_NOT_FOUND',
      );
    return view(s);
  }

  /** Only county-wide users define the county's assessment. */
  assertCountyWide(p: Principal): void {
    if (!areaInScope(p, this.deps.countyCode)) throw outsideScope();
  }

  async put(p: Principal, year: number, input: SchemeInput): Promise<SchemeView> {
    this.assertCountyWide(p);
    const current = await this.find(year);
    const currentRevision = current?.revision ?? 0;
    if (input.revision !== currentRevision) throw stale(currentRevision);
    const tracks = await this.validTracks(input);
    // Targets of units and indicators still in the scheme are kept.
    const targets = (current?.targets ?? []).filter((t) =>
      tracks.some(
        (tr) =>
          tr.kind === t.unitKind &&
          tr.units.some((u) => u.code === t.unitCode) &&
          tr.indicators.some((i) => i.code === t.indicator && i.rule === 'linear'),
      ),
    );
    const next: Scheme = {
      _id: String(year),
      year,
      name: input.name ?? `${year}年脱贫攻坚工作考核方案`,
      tracks,
      targets,
      revision: currentRevision + 1,
      updatedAt: this.deps.now(),
      updatedBy: p.userId,
    };
    await this.save(next, currentRevision);
    return view(next);
  }

  /** Stores a scheme if nobody changed it since `expectedRevision`. */
  async save(next: Scheme, expectedRevision: number): Promise<void> {
    if (expectedRevision === 0) {
      try {
        await this.deps.schemes.create(next);
      } catch (err) {
        if (isDuplicateKey(err)) throw stale(expectedRevision);
        throw err;
      }
      return;
    }
    const { _id, ...set } = next;
    const res = await this.deps.schemes.updateOne(
      { _id, revision: expectedRevision },
      { $set: set },
    );
    if (res.matchedCount !== 1) throw stale(expectedRevision);
  }

  private async validTracks(input: SchemeInput): Promise<SchemeTrack[]> {
    const errors: FieldError[] = [];
    const kinds = new Set<string>();
    const county = scopePrefix(this.deps.countyCode);
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
      const units: SchemeTrack['units'] = [];
      const seenUnits = new Set<string>();
      for (const [ui, u] of t.units.entries()) {
        const f = `${at}.units.${ui}.code`;
        if (seenUnits.has(u.code)) {
          errors.push(
            fieldError(f, 'duplicate', `考核单位重复：${u.code}`, `Unit listed twice: ${u.code}`),
          );
          continue;
        }
        seenUnits.add(u.code);
        if (t.kind === 'township') {
          let level: string | null = null;
          try {
            level = areaLevel(u.code);
          } catch {
            level = null;
          }
          if (level !== 'township' || !u.code.startsWith(county)) {
            errors.push(
              fieldError(
                f,
                'not_township',
                `${u.code} 不是本县的乡镇区划代码`,
                `${u.code} is not a township code of this county`,
              ),
            );
            continue;
          }
          const known = await this.deps.areas.findById(u.code).lean();
          const name = u.name ?? known?.name;
          if (!name) {
            errors.push(
              fieldError(
                `${at}.units.${ui}.name`,
                'required',
                `请填写乡镇 ${u.code} 的名称`,
                `Give the name of township ${u.code}`,
              ),
            );
            continue;
          }
          units.push({ code: u.code, name });
        } else {
          if (!isCodeOf(Department, u.code)) {
            errors.push(
              fieldError(
                f,
                'not_department',
                `未知的部门代码：${u.code}`,
                `Unknown department code: ${u.code}`,
              ),
            );
            continue;
          }
          units.push({ code: u.code, name: u.name ?? `县${labelOf(Department, u.code, 'zh-CN')}` });
        }
      }
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
        if (!def.appliesTo.includes(t.kind)) {
          errors.push(
            fieldError(
              `${f}.code`,
              'not_applicable',
              `「${def.label.zh}」不适用于${t.kind === 'township' ? '乡镇' : '部门'}`,
              `"${def.label.en}" does not apply to ${t.kind === 'township' ? 'townships' : 'departments'}`,
            ),
          );
          continue;
        }
        const direction = i.direction ?? def.direction;
        const floor =
          i.rule === 'linear' ? (i.floor === undefined ? def.defaults.floor : i.floor) : null;
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
            continue;
          }
        }
        indicators.push({ code: i.code, weight: i.weight, direction, rule: i.rule, floor, target });
      }
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

  /** The tracks of a scheme as the ranking uses them, each unit with its own targets. */
  resolve(scheme: Scheme): ResolvedTrack[] {
    return scheme.tracks.map((t) => {
      const units: UnitRef[] = t.units.map((u) => ({
        unitId: unitIdOf(t.kind, u.code),
        kind: t.kind,
        code: u.code,
        name: u.name,
        areaCode: t.kind === 'township' ? u.code : this.deps.countyCode,
      }));
      const targets = new Map<string, NonNullable<UnitInput['targets']>>();
      for (const tg of scheme.targets.filter((x: UnitTarget) => x.unitKind === t.kind)) {
        const id = unitIdOf(t.kind, tg.unitCode);
        const own = targets.get(id) ?? {};
        own[tg.indicator] = { floor: tg.floor, target: tg.target };
        targets.set(id, own);
      }
      return {
        kind: t.kind,
        units,
        indicators: t.indicators.map((i) => ({
          ...i,
          label: INDICATORS[i.code].label,
          valueKind: INDICATORS[i.code].valueKind,
        })),
        targets,
      };
    });
  }
}

export const stale = (currentRevision: number) =>
  conflict(
    'ASSESSMENT_SCHEME_STALE',
    bi(
      '考核方案已被他人修改，请刷新后重试',
      'The scheme was changed by someone else; reload and retry',
    ),
    { currentRevision },
  );

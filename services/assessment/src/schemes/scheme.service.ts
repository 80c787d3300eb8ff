import {
  areaInScope,
  bi,
  conflict,
  notFound,
  outsideScope,
  type Principal,
  isDuplicateKey,
} from '@fupin/kit';
import { INDICATORS, type UnitKind } from '../indicators/catalogue';
import type { AreaNameModel } from '../indicators/fact.model';
import { type UnitRef, unitIdOf } from '../indicators/indicator.calculator';
import type { IndicatorRule, UnitInput } from '../scoring/scoring.engine';
import type { Scheme, SchemeModel, UnitTarget } from './scheme.model';
import type { SchemeInput } from './scheme.schemas';
import { validTracks } from './scheme.validation';

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
    const tracks = await validTracks(input, this.deps);
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

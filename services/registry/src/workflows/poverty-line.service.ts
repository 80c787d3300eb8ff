import {
  AppError,
  type AuditLog,
  type AuditValues,
  bi,
  conflict,
  forbidden,
  notFound,
  type Principal,
  unprocessable,
} from '@fupin/kit';
import {
  areaLevel,
  NATIONAL_POVERTY_LINES,
  povertyLine,
  type PovertyLineOverride,
} from '@fupin/reference';
import type { PovertyLineDoc, PovertyLineModel } from './poverty-line.model';
import type { LineLookup } from './workflow.types';

/** The lines the configuration gives (env `PROVINCE_CODE`, `POVERTY_LINE_OVERRIDES`). */
export interface PovertyLineConfig {
  /** The registry's province (two digits or an area code inside it), when configured. */
  PROVINCE_CODE?: string | undefined;
  /** `year:fen` pairs, comma separated (`2021:420000,2022:430000`), for PROVINCE_CODE. */
  POVERTY_LINE_OVERRIDES?: string | undefined;
}

/** Parses `POVERTY_LINE_OVERRIDES`; a malformed pair is a configuration error at start. */
export function configuredOverrides(config: PovertyLineConfig): PovertyLineOverride[] {
  const text = config.POVERTY_LINE_OVERRIDES?.trim();
  if (!text) return [];
  if (!config.PROVINCE_CODE) throw new Error('POVERTY_LINE_OVERRIDES needs PROVINCE_CODE');
  return text.split(',').map((pair) => {
    const m = /^\s*(\d{4})\s*:\s*(\d+)\s*$/.exec(pair);
    if (!m) throw new Error(`POVERTY_LINE_OVERRIDES: "${pair}" is not year:fen`);
    return { provinceCode: config.PROVINCE_CODE!, year: Number(m[1]), fen: Number(m[2]) };
  });
}

/** What GET /poverty-lines/{year} answers. */
export interface PovertyLineView {
  year: number;
  provinceCode: string;
  fen: number;
  yuan: number;
  source: 'national' | 'provincial_config' | 'provincial';
  nationalFen: number | null;
  reason: string | null;
  setBy: PovertyLineDoc['setBy'] | null;
  setAt: string | null;
  revision: number | null;
  history: PovertyLineDoc['history'];
}

/** A line as the audit log keeps it: the figure, where it came from, its revision. */
export function auditedLine(v: PovertyLineView): AuditValues {
  return { year: v.year, fen: v.fen, source: v.source, revision: v.revision };
}

/**
 * 扶贫标准 by year: the national line, a province's line from the configuration, or one the
 * county recorded through the API (with who and why; it wins over the configuration).
 */
export class PovertyLineService {
  private readonly configured: PovertyLineOverride[];

  constructor(
    private readonly deps: {
      lines: PovertyLineModel;
      config: PovertyLineConfig;
      /** Each line recorded is written to the audit log (before, after, why). */
      audit: AuditLog;
      now: () => Date;
    },
  ) {
    this.configured = configuredOverrides(deps.config);
  }

  /** The province a caller's lines are recorded for: the configured one, else the caller's. */
  provinceOf(areaCode: string): string {
    return (this.deps.config.PROVINCE_CODE ?? areaCode).slice(0, 2);
  }

  /** Every override in force: recorded ones first, then the configured ones they do not replace. */
  async overrides(): Promise<PovertyLineOverride[]> {
    const stored = await this.deps.lines.find({}, { provinceCode: 1, year: 1, fen: 1 }).lean();
    const key = (o: { provinceCode: string; year: number }) =>
      `${o.provinceCode.slice(0, 2)}:${o.year}`;
    const recorded = new Set(stored.map(key));
    return [
      ...stored.map((s) => ({ provinceCode: s.provinceCode, year: s.year, fen: s.fen })),
      ...this.configured.filter((c) => !recorded.has(key(c))),
    ];
  }

  /** The line lookup of a household's area (sync, for the workflow machines). */
  async lookupFor(areaCode: string): Promise<LineLookup> {
    const overrides = await this.overrides();
    return (year) => {
      try {
        return povertyLine(year, { provinceCode: areaCode, overrides }).fen;
      } catch {
        return null;
      }
    };
  }

  async get(p: Principal, year: number): Promise<PovertyLineView> {
    const province = this.provinceOf(p.areaCode);
    const national = NATIONAL_POVERTY_LINES.find((l) => l.year === year)?.fen ?? null;
    const doc = await this.deps.lines.findById(`${province}:${year}`).lean();
    const base = { year, provinceCode: province, nationalFen: national };
    if (doc) {
      return {
        ...base,
        fen: doc.fen,
        yuan: doc.fen / 100,
        source: 'provincial',
        reason: doc.reason,
        setBy: doc.setBy,
        setAt: doc.setAt.toISOString(),
        revision: doc.revision,
        history: doc.history,
      };
    }
    const conf = this.configured.find((c) => c.year === year);
    const fen = conf?.fen ?? national;
    if (fen === null) {
      throw notFound(
        bi(`${year}年扶贫标准`, `The poverty line of ${year}`),
        'POVERTY_LINE_MISSING',
      );
    }
    return {
      ...base,
      fen,
      yuan: fen / 100,
      source: conf ? 'provincial_config' : 'national',
      reason: null,
      setBy: null,
      setAt: null,
      revision: null,
      history: [],
    };
  }

  /** Records the province's line for a year (a county administrator with approve), with why. */
  async set(
    p: Principal,
    year: number,
    body: { fen: number; reason: string; revision?: number },
  ): Promise<PovertyLineView> {
    if (areaLevel(p.areaCode) !== 'county' || !(p.rights.registry ?? []).includes('approve')) {
      throw forbidden(
        'POVERTY_LINE_COUNTY_ONLY',
        bi(
          '扶贫标准须由县级具有「approve」权限的用户录入',
          'The poverty line is recorded by a county user with the "approve" right',
        ),
      );
    }
    const province = this.provinceOf(p.areaCode);
    try {
      povertyLine(year, {
        provinceCode: province,
        overrides: [{ ...body, year, provinceCode: province }],
      });
    } catch (err) {
      const e = err as { code?: string; reason?: { zh: string; en: string } };
      throw unprocessable(
        e.code ?? 'POVERTY_LINE_INVALID',
        bi(e.reason?.zh ?? '扶贫标准无效', e.reason?.en ?? 'The poverty line is invalid'),
        [
          {
            field: 'fen',
            code: 'invalid',
            message: bi(e.reason?.zh ?? '无效', e.reason?.en ?? 'invalid'),
          },
        ],
      );
    }
    const id = `${province}:${year}`;
    const now = this.deps.now();
    const prior = await this.get(p, year).catch((err: unknown) => {
      if (err instanceof AppError && err.status === 404) return null;
      throw err;
    });
    const current = await this.deps.lines.findById(id).lean();
    if (body.revision !== undefined && body.revision !== (current?.revision ?? 0)) {
      throw conflict(
        'POVERTY_LINE_STALE',
        bi(
          '该年度标准已被他人修改，请刷新后重试',
          'The line was changed by someone else; reload and retry',
        ),
        { currentRevision: current?.revision ?? 0 },
      );
    }
    const change = {
      at: now,
      actorId: p.userId,
      actorName: p.username,
      actorArea: p.areaCode,
      fromFen: current?.fen ?? null,
      toFen: body.fen,
      reason: body.reason,
    };
    const set = {
      provinceCode: province,
      year,
      fen: body.fen,
      reason: body.reason,
      setBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
      setAt: now,
    };
    const res = current
      ? await this.deps.lines.updateOne(
          { _id: id, revision: current.revision },
          { $set: set, $inc: { revision: 1 }, $push: { history: change } },
        )
      : await this.deps.lines
          .create({ _id: id, ...set, revision: 1, history: [change] })
          .then(() => ({ matchedCount: 1 }))
          .catch((err: unknown) => {
            if ((err as { code?: number }).code === 11000) return { matchedCount: 0 };
            throw err;
          });
    if (res.matchedCount !== 1) {
      throw new AppError(
        409,
        'POVERTY_LINE_STALE',
        bi(
          '该年度标准已被他人修改，请刷新后重试',
          'The line was changed by someone else; reload and retry',
        ),
      );
    }
    const after = await this.get(p, year);
    await this.deps.audit.record(p, {
      action: 'poverty_line_change',
      subjectType: 'poverty_line',
      subjectIds: [id],
      fields: ['fen'],
      reason: body.reason,
      before: prior ? auditedLine(prior) : null,
      after: auditedLine(after),
    });
    return after;
  }
}

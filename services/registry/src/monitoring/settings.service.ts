import { type AuditLog, type Principal } from '@fupin/kit';
import type { LineLookup } from '../workflows/workflow.types';
import type { MonitoringSettingsModel } from './screening.model';
import {
  DEFAULT_MEDICAL_THRESHOLD_FEN,
  DEFAULT_MONITORING_LINE_FACTOR,
} from './warning-rules.table';
import type { ScreeningSettings } from './warning.types';

/** A year's settings as the API shows them, with where each figure comes from. */
export interface SettingsView extends ScreeningSettings {
  /** `setting` (recorded for the year), `poverty_line` (1.5 × the year's line), or `latest_line` (1.5 × the latest line before the year). */
  monitoringLineSource: 'setting' | 'poverty_line' | 'latest_line' | 'none';
  /** The poverty line the default was computed from. */
  povertyLineFen: number | null;
  povertyLineYear: number | null;
  medicalThresholdSource: 'setting' | 'default';
  reason: string | null;
  setBy: { id: string; name: string } | null;
  setAt: string | null;
}

/** The default monitoring line: the factor times the line of the year, else of the latest year before it (pure). */
export function defaultMonitoringLine(
  year: number,
  lineOf: LineLookup,
  earliestYear = 2010,
): { fen: number; lineFen: number; lineYear: number } | null {
  for (let y = year; y >= earliestYear; y--) {
    const line = lineOf(y);
    if (line !== null) {
      return { fen: Math.round(line * DEFAULT_MONITORING_LINE_FACTOR), lineFen: line, lineYear: y };
    }
  }
  return null;
}

/**
 * 监测线与阈值 by year: the county's setting when recorded (audited, with who and why, before
 * and after), else 1.5 × the poverty line and the ¥20,000 medical threshold.
 */
export class MonitoringSettingsService {
  constructor(
    private readonly deps: {
      settings: MonitoringSettingsModel;
      lines: (areaCode: string) => Promise<LineLookup>;
      audit: AuditLog;
      now: () => Date;
    },
  ) {}

  /** Every year's settings resolved at once (a screening's lookup). */
  async resolver(areaCode: string): Promise<(year: number) => SettingsView> {
    const [docs, lineOf] = await Promise.all([
      this.deps.settings.find({}).lean(),
      this.deps.lines(areaCode),
    ]);
    const byYear = new Map(docs.map((d) => [d.year, d]));
    const cache = new Map<number, SettingsView>();
    return (year) => {
      const known = cache.get(year);
      if (known) return known;
      const doc = byYear.get(year);
      const line = defaultMonitoringLine(year, lineOf);
      const view: SettingsView = {
        year,
        monitoringLineFen: doc?.monitoringLineFen ?? line?.fen ?? 0,
        monitoringLineSource:
          doc?.monitoringLineFen != null
            ? 'setting'
            : !line
              ? 'none'
              : line.lineYear === year
                ? 'poverty_line'
                : 'latest_line',
        povertyLineFen: line?.lineFen ?? null,
        povertyLineYear: line?.lineYear ?? null,
        medicalThresholdFen: doc?.medicalThresholdFen ?? DEFAULT_MEDICAL_THRESHOLD_FEN,
        medicalThresholdSource: doc ? 'setting' : 'default',
        reason: doc?.reason ?? null,
        setBy: doc ? { id: doc.setBy.id, name: doc.setBy.name } : null,
        setAt: doc ? doc.setAt.toISOString() : null,
      };
      cache.set(year, view);
      return view;
    };
  }

  async get(p: Principal, year: number): Promise<SettingsView> {
    return (await this.resolver(p.areaCode))(year);
  }

  /** Records a year's settings (the poverty office): audited with the figures before and after. */
  async set(
    p: Principal,
    year: number,
    body: { monitoringLineFen: number | null; medicalThresholdFen: number; reason: string },
  ): Promise<SettingsView> {
    const before = await this.deps.settings.findById(String(year)).lean();
    const at = this.deps.now();
    const from = before
      ? {
          monitoringLineFen: before.monitoringLineFen,
          medicalThresholdFen: before.medicalThresholdFen,
        }
      : null;
    await this.deps.settings.updateOne(
      { _id: String(year) },
      {
        $set: {
          year,
          monitoringLineFen: body.monitoringLineFen,
          medicalThresholdFen: body.medicalThresholdFen,
          reason: body.reason,
          setBy: { id: p.userId, name: p.username, areaCode: p.areaCode },
          setAt: at,
        },
        $push: { history: { at, actorName: p.username, reason: body.reason, from } },
      },
      { upsert: true },
    );
    await this.deps.audit.record(p, {
      action: 'monitoring_settings_change',
      subjectType: 'monitoring_settings',
      subjectIds: [String(year)],
      fields: ['monitoringLineFen', 'medicalThresholdFen'],
      reason: body.reason,
      before: from,
      after: {
        monitoringLineFen: body.monitoringLineFen,
        medicalThresholdFen: body.medicalThresholdFen,
      },
    });
    return this.get(p, year);
  }
}

import { type Bilingual, bi, type CsvEncoding, type Principal, readSmallTable } from '@fupin/kit';
import { parseYuan } from '@fupin/reference';
import ExcelJS from 'exceljs';
import { type IndicatorDefinition, indicatorByLabel, INDICATORS } from '../indicators/catalogue';
import { checkLinearBounds } from '../scoring/scoring.engine';
import type { Scheme, SchemeTrack, UnitTarget } from './scheme.model';
import type { SchemeService } from './scheme.service';

/** Why a row of the sheet was not taken: its row number, the column and the reason. */
export interface RowRejection {
  row: number;
  column: string;
  code: string;
  message: Bilingual;
}

export interface TargetImportReport {
  format: 'csv' | 'xlsx';
  encoding: CsvEncoding | null;
  dryRun: boolean;
  /** Data rows read (below the header). */
  rows: number;
  accepted: number;
  rejected: number;
  rejections: RowRejection[];
  /** The scheme's revision after the import (unchanged on a dry run or when nothing was taken). */
  revision: number;
}

type Column = 'unit' | 'indicator' | 'floor' | 'target';

/** The columns as the county's 考核任务分解表 heads them. */
const HEADERS: Record<Column, { label: string; aliases: string[] }> = {
  unit: {
    label: '考核单位',
    aliases: [
      '考核单位',
      '单位',
      '单位名称',
      '责任单位',
      '乡镇',
      '部门',
      '单位代码',
      '乡镇（部门）',
    ],
  },
  indicator: {
    label: '考核指标',
    aliases: ['考核指标', '指标', '指标名称', '指标代码', '任务指标'],
  },
  floor: { label: '底线值', aliases: ['底线值', '底线', '最低值', '保底值'] },
  target: { label: '目标值', aliases: ['目标值', '目标', '任务目标', '目标任务'] },
};

const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

function headerOf(cells: string[]): Partial<Record<Column, number>> | null {
  const found: Partial<Record<Column, number>> = {};
  cells.forEach((c, i) => {
    const t = comparable(c);
    for (const [col, h] of Object.entries(HEADERS) as [Column, (typeof HEADERS)[Column]][])
      if (found[col] === undefined && h.aliases.some((a) => comparable(a) === t)) found[col] = i;
  });
  return found.unit !== undefined && found.indicator !== undefined ? found : null;
}

/**
 * A number as the sheet writes it for an indicator: `95` or `95%` for a rate, a yuan amount
 * (`12,000.50`, `1.2万元`) for money, a whole number for a count.
 */
export function parseTargetValue(
  text: string,
  def: IndicatorDefinition,
): { ok: true; value: number } | { ok: false; message: Bilingual } {
  const t = text.normalize('NFKC').trim();
  if (def.valueKind === 'percent') {
    const m = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(t);
    const v = m ? Number(m[1]) : NaN;
    if (!Number.isFinite(v) || v < 0 || v > 1000)
      return {
        ok: false,
        message: bi(`应为百分数（如 95 或 95%）：${t}`, `Expected a percentage (95 or 95%): ${t}`),
      };
    return { ok: true, value: v };
  }
  if (def.valueKind === 'fen') {
    const wan = /^(\d+(?:\.\d+)?)\s*万元?$/.exec(t);
    const parsed = wan
      ? parseYuan(String(Number(wan[1]) * 10_000))
      : parseYuan(t.replace(/元$/, ''));
    if (!parsed.ok || parsed.fen < 0)
      return { ok: false, message: bi(`应为金额（元）：${t}`, `Expected an amount in yuan: ${t}`) };
    return { ok: true, value: parsed.fen };
  }
  if (!/^\d+$/.test(t))
    return { ok: false, message: bi(`应为非负整数：${t}`, `Expected a whole number: ${t}`) };
  return { ok: true, value: Number(t) };
}

/** 考核任务分解表 — per-unit floors and targets read from a workbook, with a row report. */
export class TargetImport {
  constructor(private readonly schemes: SchemeService) {}

  async run(
    p: Principal,
    year: number,
    file: Buffer,
    dryRun: boolean,
  ): Promise<TargetImportReport> {
    this.schemes.assertCountyWide(p);
    const scheme = await this.schemes.find(year);
    if (!scheme) await this.schemes.get(year);
    const current = scheme!;
    const table = await readSmallTable(file);
    const rejections: RowRejection[] = [];
    const reject: Reject = (row, column, code, message) =>
      rejections.push({
        row,
        column: column === 'file' ? '' : HEADERS[column].label,
        code,
        message,
      });
    const report = (rows: number, accepted: number, revision: number): TargetImportReport => ({
      format: table.format,
      encoding: table.encoding,
      dryRun,
      rows,
      accepted,
      rejected: rejections.length,
      rejections,
      revision,
    });

    const headerAt = table.rows.findIndex((r, i) => i < 10 && headerOf(r.cells) !== null);
    if (headerAt < 0) {
      reject(
        table.rows[0]?.row ?? 1,
        'file',
        'header_missing',
        bi(
          '未找到表头：须有「考核单位」和「考核指标」两列，以及「目标值」或「底线值」',
          'No header row: the sheet needs 考核单位 and 考核指标 columns, and 目标值 or 底线值',
        ),
      );
      return report(0, 0, current.revision);
    }
    const header = headerOf(table.rows[headerAt]!.cells)!;
    const data = table.rows.slice(headerAt + 1);
    const taken = targetsOf(current, header, data, reject);
    const revision =
      dryRun || taken.size === 0 ? current.revision : await this.store(p, current, taken);
    return report(data.length, taken.size, revision);
  }

  /** The scheme with the sheet's targets in place of the ones they replace; its new revision. */
  private async store(p: Principal, current: Scheme, taken: Map<string, UnitTarget>) {
    const kept = current.targets.filter(
      (t) => !taken.has(`${t.unitKind}:${t.unitCode}:${t.indicator}`),
    );
    const revision = current.revision + 1;
    await this.schemes.save(
      {
        ...current,
        targets: [...kept, ...taken.values()],
        revision,
        updatedAt: new Date(),
        updatedBy: p.userId,
      },
      current.revision,
    );
    return revision;
  }

  /** A sheet to fill in: one row per unit and linearly scored indicator, with the current values. */
  async template(year: number): Promise<Buffer> {
    const scheme = await this.schemes.find(year);
    if (!scheme) await this.schemes.get(year);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核任务分解表');
    ws.addRow([`${year}年脱贫攻坚工作考核任务分解表`]);
    ws.addRow(['考核单位', '单位代码', '考核指标', '底线值', '目标值', '说明']);
    ws.getRow(2).font = { bold: true };
    for (const track of scheme!.tracks) {
      for (const unit of track.units) {
        for (const i of track.indicators.filter((x) => x.rule === 'linear')) {
          const own = scheme!.targets.find(
            (t) => t.unitKind === track.kind && t.unitCode === unit.code && t.indicator === i.code,
          );
          const def = INDICATORS[i.code];
          const show = (v: number | null) =>
            v === null ? '' : def.valueKind === 'fen' ? v / 100 : v;
          ws.addRow([
            unit.name,
            unit.code,
            def.label.zh,
            show(own?.floor ?? i.floor),
            show(own?.target ?? i.target),
            def.valueKind === 'percent'
              ? '百分数'
              : def.valueKind === 'fen'
                ? '金额（元）'
                : '个数',
          ]);
        }
      }
    }
    ws.columns.forEach((c, i) => (c.width = [16, 16, 22, 12, 12, 12][i] ?? 12));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

type Reject = (row: number, column: Column | 'file', code: string, message: Bilingual) => void;
type Row = Awaited<ReturnType<typeof readSmallTable>>['rows'][number];
type Cell = (c: Column) => string;

/** The targets of the sheet's rows by unit and indicator; every bad row is rejected. */
function targetsOf(
  current: Scheme,
  header: Partial<Record<Column, number>>,
  data: Row[],
  reject: Reject,
): Map<string, UnitTarget> {
  const taken = new Map<string, UnitTarget>();
  const seenRow = new Map<string, number>();
  for (const r of data) {
    const cell: Cell = (c) => (header[c] === undefined ? '' : (r.cells[header[c]!] ?? '').trim());
    const target = rowTarget(current, r.row, cell, reject);
    if (!target) continue;
    const key = `${target.unitKind}:${target.unitCode}:${target.indicator}`;
    const earlier = seenRow.get(key);
    if (earlier !== undefined) {
      reject(
        r.row,
        'indicator',
        'duplicate',
        bi(
          `与第 ${earlier} 行重复（同一单位、同一指标）`,
          `Repeats row ${earlier} (same unit and indicator)`,
        ),
      );
      continue;
    }
    seenRow.set(key, r.row);
    taken.set(key, target);
  }
  return taken;
}

/** One row's target: a unit of the scheme, a linearly scored indicator of its track, values. */
function rowTarget(current: Scheme, row: number, cell: Cell, reject: Reject): UnitTarget | null {
  const aim = rowIndicator(current, row, cell, reject);
  if (!aim) return null;
  const values = rowValues(row, cell, aim, reject);
  if (!values) return null;
  return {
    unitKind: aim.track.kind,
    unitCode: aim.code,
    indicator: aim.def.code,
    ...values,
  };
}

/** The unit and indicator a row names, if the scheme holds them and the indicator takes targets. */
function rowIndicator(
  current: Scheme,
  row: number,
  cell: Cell,
  reject: Reject,
): {
  track: SchemeTrack;
  code: string;
  def: IndicatorDefinition;
  inTrack: SchemeTrack['indicators'][number];
} | null {
  const unitText = cell('unit');
  const indicatorText = cell('indicator');
  if (!unitText) {
    reject(row, 'unit', 'required', bi('考核单位为空', 'The unit is empty'));
    return null;
  }
  const found = findUnit(current, unitText);
  if (!found) {
    reject(
      row,
      'unit',
      'unknown_unit',
      bi(`考核方案中没有该单位：${unitText}`, `No such unit in the scheme: ${unitText}`),
    );
    return null;
  }
  const def = indicatorByLabel(indicatorText);
  const inTrack = def && found.track.indicators.find((i) => i.code === def.code);
  if (!def || !inTrack) {
    reject(
      row,
      'indicator',
      'unknown_indicator',
      bi(
        `该单位的考核指标中没有：${indicatorText || '（空）'}`,
        `Not an indicator of this unit's track: ${indicatorText || '(empty)'}`,
      ),
    );
    return null;
  }
  if (inTrack.rule !== 'linear') {
    reject(
      row,
      'indicator',
      'rank_rule',
      bi(
        `「${def.label.zh}」按排名计分，无需目标值`,
        `"${def.label.en}" is scored by rank and takes no target`,
      ),
    );
    return null;
  }
  return { ...found, def, inTrack };
}

/** A row's floor and target: at least one, each a value of the indicator's kind, scorable. */
function rowValues(
  row: number,
  cell: Cell,
  aim: { def: IndicatorDefinition; inTrack: SchemeTrack['indicators'][number] },
  reject: Reject,
): { floor: number | null; target: number | null } | null {
  const { def, inTrack } = aim;
  const values: { floor: number | null; target: number | null } = { floor: null, target: null };
  let bad = false;
  for (const col of ['floor', 'target'] as const) {
    const text = cell(col);
    if (!text) continue;
    const parsed = parseTargetValue(text, def);
    if (!parsed.ok) {
      reject(row, col, 'invalid_value', parsed.message);
      bad = true;
    } else values[col] = parsed.value;
  }
  if (bad) return null;
  if (values.floor === null && values.target === null) {
    reject(
      row,
      'target',
      'required',
      bi('目标值和底线值至少填写一个', 'Give a target, a floor or both'),
    );
    return null;
  }
  const problem = checkLinearBounds(
    inTrack.direction,
    values.floor ?? inTrack.floor,
    values.target ?? inTrack.target,
  );
  if (problem) {
    reject(row, 'target', 'invalid_bounds', bi(problem.zh, problem.en));
    return null;
  }
  return values;
}

function findUnit(scheme: Scheme, text: string): { track: SchemeTrack; code: string } | null {
  const t = comparable(text);
  for (const track of scheme.tracks)
    for (const u of track.units)
      if (comparable(u.code) === t || comparable(u.name) === t) return { track, code: u.code };
  return null;
}

// 扶贫标准 — the poverty line: annual per-capita net income in yuan at current prices. The
// national line is the 2010 standard of 2,300 yuan carried forward year by year; provinces
// may set a higher one. It is reference data by year and region, never a constant in code.

import { PROVINCES } from './area-code';
import { ReferenceDataError, reason } from './reason';

export interface PovertyLineFigure {
  readonly year: number;
  /** Integer fen per person per year. */
  readonly fen: number;
}

/** The published national lines, in fen. */
export const NATIONAL_POVERTY_LINES: readonly PovertyLineFigure[] = [
  { year: 2014, fen: 280_000 },
  { year: 2015, fen: 285_500 },
  { year: 2016, fen: 300_000 },
  { year: 2017, fen: 333_500 },
  { year: 2018, fen: 353_500 },
  { year: 2019, fen: 374_700 },
  { year: 2020, fen: 400_000 },
];

/** A province's own line for a year, as the county's administrators record it. */
export interface PovertyLineOverride extends PovertyLineFigure {
  /** Two-digit province code, or any 6- or 12-digit code inside the province. */
  readonly provinceCode: string;
}

export type PovertyLineSource =
  { readonly kind: 'national' } | { readonly kind: 'provincial'; readonly provinceCode: string };

export interface PovertyLine {
  readonly year: number;
  readonly fen: number;
  /** For display; compare and compute with `fen`. */
  readonly yuan: number;
  readonly source: PovertyLineSource;
}

export interface PovertyLineOptions {
  /** The household's province: two digits, or its 6- or 12-digit area code. */
  readonly provinceCode?: string;
  readonly overrides?: readonly PovertyLineOverride[];
}

function provincePart(code: string, what: string): string {
  const text = code.trim();
  const known = PROVINCES.some((p) => p.code === text.slice(0, 2));
  if (!known || !/^[0-9]{2}(?:[0-9]{4}|[0-9]{10})?$/.test(text)) {
    throw new ReferenceDataError(
      'POVERTY_LINE_PROVINCE_INVALID',
      reason(
        `${what}不是有效的省级或区划代码：${code}`,
        `${what} is not a province or area code: ${code}`,
      ),
    );
  }
  return text.slice(0, 2);
}

function checkFen(figure: PovertyLineFigure): void {
  if (!Number.isSafeInteger(figure.fen) || figure.fen <= 0) {
    throw new ReferenceDataError(
      'POVERTY_LINE_AMOUNT_INVALID',
      reason(
        `${figure.year}年扶贫标准金额应为正整数（分）：${figure.fen}`,
        `The ${figure.year} poverty line must be a positive whole number of fen: ${figure.fen}`,
      ),
    );
  }
}

function line(figure: PovertyLineFigure, source: PovertyLineSource): PovertyLine {
  return { year: figure.year, fen: figure.fen, yuan: figure.fen / 100, source };
}

/**
 * The poverty line that applies in a year: the province's own figure when `overrides` has
 * one for `provinceCode`, else the national one. A year without a figure throws
 * `POVERTY_LINE_MISSING` rather than falling back to a neighbouring year; an override below
 * the national line throws too, since provinces may only raise it.
 */
export function povertyLine(year: number, options: PovertyLineOptions = {}): PovertyLine {
  if (!Number.isInteger(year)) {
    throw new ReferenceDataError(
      'POVERTY_LINE_YEAR_INVALID',
      reason(`年度应为整数：${year}`, `A year is a whole number: ${year}`),
    );
  }
  const national = NATIONAL_POVERTY_LINES.find((figure) => figure.year === year);
  if (options.provinceCode !== undefined) {
    const province = provincePart(options.provinceCode, '省份代码');
    const matches = (options.overrides ?? []).filter(
      (o) => o.year === year && provincePart(o.provinceCode, '扶贫标准的省份代码') === province,
    );
    if (matches.length > 1) {
      throw new ReferenceDataError(
        'POVERTY_LINE_OVERRIDE_AMBIGUOUS',
        reason(
          `省份 ${province} 的${year}年扶贫标准有${matches.length}个不同记录`,
          `Province ${province} has ${matches.length} poverty lines for ${year}`,
        ),
      );
    }
    const [override] = matches;
    if (override !== undefined) {
      checkFen(override);
      if (national !== undefined && override.fen < national.fen) {
        throw new ReferenceDataError(
          'POVERTY_LINE_OVERRIDE_BELOW_NATIONAL',
          reason(
            `省份 ${province} 的${year}年扶贫标准（${override.fen / 100}元）低于国家标准（${national.fen / 100}元）`,
            `Province ${province}'s ${year} poverty line (${override.fen / 100} yuan) is below the national line (${national.fen / 100} yuan)`,
          ),
        );
      }
      return line(override, { kind: 'provincial', provinceCode: province });
    }
  }
  if (national === undefined) {
    const years = NATIONAL_POVERTY_LINES.map((figure) => figure.year);
    throw new ReferenceDataError(
      'POVERTY_LINE_MISSING',
      reason(
        `没有${year}年的扶贫标准（已有${Math.min(...years)}–${Math.max(...years)}年的国家标准），请先录入该年度标准`,
        `There is no poverty line for ${year} (national lines cover ${Math.min(...years)}–${Math.max(...years)}); record that year's line first`,
      ),
    );
  }
  return line(national, { kind: 'national' });
}

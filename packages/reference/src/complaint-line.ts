// 监督举报电话 — the lines a 明白卡 (policy card) prints for a household to complain on: the
// national 扶贫监督举报电话 12317, and its county's own line. A county's line is reference data,
// versioned: a new number is a new row from the day it applies (cards printed before it keep the
// old one), and a card records the version it printed.

/** 全国扶贫监督举报电话 — the national line, the same in every county. */
export const NATIONAL_COMPLAINT_LINE = '12317';

export interface CountyComplaintLine {
  version: number;
  /** The county's 6-digit code (the first six digits of its areas' codes). */
  countyCode: string;
  /** The first day it applies (YYYY-MM-DD, Asia/Shanghai). */
  fromDay: string;
  /** How the card names it. */
  label: string;
  number: string;
}

export const COUNTY_COMPLAINT_LINES: readonly CountyComplaintLine[] = [
  // 临溪县 (the demo county, 431121): 县扶贫开发办公室.
  {
    version: 1,
    countyCode: '431121',
    fromDay: '2014-01-01',
    label: '临溪县扶贫办监督举报电话',
    number: '0746-3212317',
  },
];

/** The line of an area's county on a day: the latest row from that day or before; null if none. */
export function countyComplaintLineFor(areaCode: string, day: string): CountyComplaintLine | null {
  let found: CountyComplaintLine | null = null;
  for (const l of COUNTY_COMPLAINT_LINES)
    if (l.countyCode === areaCode.slice(0, 6) && l.fromDay <= day) {
      if (!found || l.fromDay >= found.fromDay) found = l;
    }
  return found;
}

import type { Project } from '../projects/project.model';
import { shiftDay } from '../shared/calendar';
import { sumFen } from '../shared/money';

/*
 * 资金趴账 — money allocated to a project and still not disbursed after N days, pure. Money is
 * taken as spent in the order it came (first allocated, first disbursed): what arrived on or
 * before the cut-off day and exceeds everything disbursed so far is idle. Completed or
 * accepted projects' idle money is "completed but unpaid" (已完工项目未拨付资金); everything else
 * is "unfinished" (项目未完工存量资金), the split of seed 002.
 */

export type IdleProjectFields = Pick<
  Project,
  | '_id'
  | 'code'
  | 'name'
  | 'areaCode'
  | 'townshipCode'
  | 'status'
  | 'dates'
  | 'allocations'
  | 'transfers'
  | 'money'
>;

export type IdleCategory = 'unfinished' | 'completed_unpaid';

export interface IdleProjectRow {
  projectId: string;
  code: string;
  name: string;
  areaCode: string;
  townshipCode: string;
  status: Project['status'];
  category: IdleCategory;
  /** Allocated on or before the cut-off day (transfers included). */
  allocatedBeforeFen: number;
  disbursedFen: number;
  idleFen: number;
  /** 已审批未开工 — approved into the library and not started after M days. */
  notStarted: boolean;
  approvedOn: string | null;
}

export interface IdleTownship {
  townshipCode: string;
  idleFen: number;
  unfinishedFen: number;
  completedUnpaidFen: number;
  idleProjects: number;
  notStartedProjects: number;
  allocatedFen: number;
  disbursedFen: number;
}

export interface IdleSummary {
  date: string;
  cutoff: string;
  startCutoff: string;
  townships: IdleTownship[];
  totals: Omit<IdleTownship, 'townshipCode'> & { townships: number; townshipsWithIdle: number };
  projects: IdleProjectRow[];
}

export function idleRowOf(
  p: IdleProjectFields,
  cutoff: string,
  startCutoff: string,
): IdleProjectRow {
  const before = (on: string) => on <= cutoff;
  const allocatedBeforeFen = sumFen([
    ...p.allocations.filter((a) => before(a.on)).map((a) => a.amountFen),
    // Money moved in counts from its own day; money moved out is gone whenever it left.
    ...p.transfers
      .filter((t) => t.direction === 'out' || before(t.on))
      .map((t) => (t.direction === 'in' ? t.amountFen : -t.amountFen)),
  ]);
  const unspent = p.money.allocatedFen - p.money.disbursedFen;
  const idleFen = Math.min(unspent, Math.max(0, allocatedBeforeFen - p.money.disbursedFen));
  return {
    projectId: p._id,
    code: p.code,
    name: p.name,
    areaCode: p.areaCode,
    townshipCode: p.townshipCode,
    status: p.status,
    category:
      p.status === 'completed' || p.status === 'accepted' ? 'completed_unpaid' : 'unfinished',
    allocatedBeforeFen,
    disbursedFen: p.money.disbursedFen,
    idleFen,
    notStarted:
      p.status === 'approved' && !!p.dates.approvedOn && p.dates.approvedOn <= startCutoff,
    approvedOn: p.dates.approvedOn,
  };
}

/** The check for one day: per project, per township and in total. */
export function summarizeIdle(
  projects: Iterable<IdleProjectFields>,
  opts: { date: string; days: number; startDays: number },
): IdleSummary {
  const cutoff = shiftDay(opts.date, -opts.days);
  const startCutoff = shiftDay(opts.date, -opts.startDays);
  const byTownship = new Map<string, IdleTownship>();
  const rows: IdleProjectRow[] = [];
  for (const p of projects) {
    const row = idleRowOf(p, cutoff, startCutoff);
    const t = byTownship.get(p.townshipCode) ?? {
      townshipCode: p.townshipCode,
      idleFen: 0,
      unfinishedFen: 0,
      completedUnpaidFen: 0,
      idleProjects: 0,
      notStartedProjects: 0,
      allocatedFen: 0,
      disbursedFen: 0,
    };
    t.allocatedFen = sumFen([t.allocatedFen, p.money.allocatedFen]);
    t.disbursedFen = sumFen([t.disbursedFen, p.money.disbursedFen]);
    if (row.idleFen > 0) {
      t.idleFen = sumFen([t.idleFen, row.idleFen]);
      if (row.category === 'completed_unpaid') {
        t.completedUnpaidFen = sumFen([t.completedUnpaidFen, row.idleFen]);
      } else {
        t.unfinishedFen = sumFen([t.unfinishedFen, row.idleFen]);
      }
      t.idleProjects++;
    }
    if (row.notStarted) t.notStartedProjects++;
    byTownship.set(p.townshipCode, t);
    if (row.idleFen > 0 || row.notStarted) rows.push(row);
  }
  const townships = [...byTownship.values()].sort((a, b) =>
    a.townshipCode.localeCompare(b.townshipCode),
  );
  return {
    date: opts.date,
    cutoff,
    startCutoff,
    townships,
    totals: totalsOf(townships),
    projects: rows.sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** County (or scope) totals over township rows. */
export function totalsOf(townships: IdleTownship[]): IdleSummary['totals'] {
  const total = (k: keyof Omit<IdleTownship, 'townshipCode'>) => sumFen(townships.map((t) => t[k]));
  return {
    idleFen: total('idleFen'),
    unfinishedFen: total('unfinishedFen'),
    completedUnpaidFen: total('completedUnpaidFen'),
    idleProjects: total('idleProjects'),
    notStartedProjects: total('notStartedProjects'),
    allocatedFen: total('allocatedFen'),
    disbursedFen: total('disbursedFen'),
    townships: townships.length,
    townshipsWithIdle: townships.filter((t) => t.idleFen > 0).length,
  };
}

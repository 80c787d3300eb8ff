import { endOfShanghaiDay } from '@fupin/contracts';
import { withOutbox } from '@fupin/kit';
import dayjs from 'dayjs';
import type { MonitoringCategory } from '../workflows/workflow.types';
import type { MonitoringWarning } from './warning.model';
import type { FiredSignal, ScreeningResult, SignalCode } from './warning.types';
import { warningRaised } from './warning.events';

// What a screening writes for a batch (pure but for the events' ids): a new warning for a household
// at risk without an open one, due `verifyDays` days on at the end of that day in Asia/Shanghai,
// with its `raised` event in its outbox; an update of the open one otherwise (its signals replaced
// when they changed, its deadline kept; no event); nothing for a household no rule fired for.

/** Signals of a sudden, severe hardship rather than an unstable income. */
const SUDDEN: readonly SignalCode[] = ['disaster', 'medical_out_of_pocket', 'member_deceased'];

/**
 * The category a confirmation proposes (the township may choose another): a sudden hardship
 * alone → 突发严重困难户; else an exited household → 脱贫不稳定户, any other → 边缘易致贫户.
 */
export function suggestedCategory(status: string, fired: FiredSignal[]): MonitoringCategory {
  if (fired.length > 0 && fired.every((f) => SUDDEN.includes(f.code))) return 'sudden_hardship';
  return status === 'exited' ? 'unstable' : 'marginal';
}

export interface ScreenedResult {
  household: {
    _id: string;
    householdNo: string;
    headName: string;
    areaCode: string;
    townshipCode: string;
    status: string;
  };
  result: ScreeningResult;
}

export interface WarningWrites {
  inserts: MonitoringWarning[];
  updates: { filter: Record<string, unknown>; update: Record<string, unknown> }[];
}

const codesOf = (signals: FiredSignal[]) => signals.map((s) => `${s.code}@${s.version}`).sort();

export function warningWrites(
  results: ScreenedResult[],
  openOf: Map<string, MonitoringWarning>,
  opts: { runId: string; now: Date; today: string; verifyDays: number; newId: () => string },
): WarningWrites {
  const out: WarningWrites = { inserts: [], updates: [] };
  for (const { household: h, result } of results) {
    if (result.fired.length === 0) continue;
    const open = openOf.get(h._id);
    const codes = result.fired.map((f) => f.code);
    if (!open) {
      const dueOn = dayjs(opts.today).add(opts.verifyDays, 'day').format('YYYY-MM-DD');
      const warning: MonitoringWarning = {
        _id: opts.newId(),
        householdId: h._id,
        householdNo: h.householdNo,
        headName: h.headName ?? '',
        areaCode: h.areaCode,
        townshipCode: h.townshipCode,
        householdStatus: h.status,
        status: 'open',
        signals: result.fired,
        suggestedCategory: suggestedCategory(h.status, result.fired),
        raisedAt: opts.now,
        dueAt: endOfShanghaiDay(dueOn),
        dueOn,
        lastScreeningId: opts.runId,
        lastScreenedAt: opts.now,
        decision: null,
        events: [
          {
            at: opts.now,
            action: 'raised',
            actorName: '防返贫监测筛查',
            screeningId: opts.runId,
            signals: codes,
            note: null,
          },
        ],
        revision: 1,
      };
      out.inserts.push(withOutbox(warning, [warningRaised(warning)]));
      continue;
    }
    const changed = codesOf(open.signals).join() !== codesOf(result.fired).join();
    out.updates.push({
      filter: { _id: open._id, status: 'open' },
      update: {
        $set: {
          signals: result.fired,
          householdStatus: h.status,
          suggestedCategory: suggestedCategory(h.status, result.fired),
          lastScreeningId: opts.runId,
          lastScreenedAt: opts.now,
        },
        $inc: { revision: 1 },
        ...(changed
          ? {
              $push: {
                events: {
                  at: opts.now,
                  action: 'updated',
                  actorName: '防返贫监测筛查',
                  screeningId: opts.runId,
                  signals: codes,
                  note: null,
                },
              },
            }
          : {}),
      },
    });
  }
  return out;
}

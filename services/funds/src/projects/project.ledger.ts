import type { Actor } from '@fupin/contracts';
import { bi, countyWide, notFound, outboxUpdate, type ScopedRepository } from '@fupin/kit';
import { projectFundingChanged } from './project.events';
import type { AppliedAllocation, Hold, Money, Project, TransferLeg } from './project.model';

type Delta = Partial<Money>;

/**
 * The ledger applies what the services checked in their caller's scope (an allocation of a
 * batch, a hold and its release for a payment, a transfer's two legs), by project id.
 */
const LEDGER = countyWide('the ledger applies money movements checked in the caller scope');

/** `$inc` of a money change on one source and on the project's totals. */
function incOf(source: string, delta: Delta): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const [k, v] of Object.entries(delta)) {
    if (!v) continue;
    inc[`funding.${source}.${k}`] = v;
    inc[`money.${k}`] = v;
  }
  return inc;
}

function plus(m: Money, d: Delta): Money {
  return {
    allocatedFen: m.allocatedFen + (d.allocatedFen ?? 0),
    reservedFen: m.reservedFen + (d.reservedFen ?? 0),
    disbursedFen: m.disbursedFen + (d.disbursedFen ?? 0),
    availableFen: m.availableFen + (d.availableFen ?? 0),
  };
}

function after(p: Project, source: keyof Project['funding'], d: Delta): Project {
  return {
    ...p,
    funding: { ...p.funding, [source]: plus(p.funding[source], d) },
    money: plus(p.money, d),
  };
}

const PROJECT = bi('项目', 'Project');

/**
 * The money side of a project, each operation ONE conditional single-document update: a
 * payment can only reserve what is available (the guard and the decrement are the same
 * write, so two payments racing for the last yuan cannot both win), and every operation
 * carries its own id, so repeating it (a retry, a resumed job) changes nothing.
 */
export class ProjectLedger {
  constructor(
    private readonly deps: {
      projects: ScopedRepository<Project>;
      eventsStored: () => void;
      now: () => Date;
    },
  ) {}

  private async read(id: string): Promise<Project> {
    const p = await this.deps.projects.findOne(
      LEDGER,
      { _id: id },
      { projection: { outbox: 0, history: 0 } },
    );
    if (!p) throw notFound(PROJECT, 'FUNDS_PROJECT_NOT_FOUND');
    return p;
  }

  /** 下达 — adds an allocation; false when it was applied before. */
  async allocate(projectId: string, a: AppliedAllocation, actor: Actor): Promise<boolean> {
    const current = await this.read(projectId);
    const delta = { allocatedFen: a.amountFen, availableFen: a.amountFen };
    const next = after(current, a.source, delta);
    const res = await this.deps.projects.updateOne(
      LEDGER,
      { _id: projectId, 'allocations.id': { $ne: a.id } },
      outboxUpdate({ $inc: incOf(a.source, delta), $push: { allocations: a } }, [
        projectFundingChanged(
          next,
          { reason: 'allocation', source: a.source, amountFen: a.amountFen, referenceId: a.id },
          actor,
          this.deps.now(),
        ),
      ]),
    );
    if (res.modifiedCount === 1) this.deps.eventsStored();
    return res.modifiedCount === 1;
  }

  /**
   * Holds a payment's amount; false when the source's available money is not enough or the
   * optional guard (the progress cap's, on the project's totals) no longer holds.
   */
  async reserve(
    projectId: string,
    hold: Hold,
    guard: Record<string, unknown> = {},
  ): Promise<boolean> {
    const res = await this.deps.projects.updateOne(
      LEDGER,
      {
        ...guard,
        _id: projectId,
        [`funding.${hold.source}.availableFen`]: { $gte: hold.amountFen },
        'holds.disbursementId': { $ne: hold.disbursementId },
      },
      {
        $inc: incOf(hold.source, { availableFen: -hold.amountFen, reservedFen: hold.amountFen }),
        $push: { holds: hold },
      },
    );
    return res.modifiedCount === 1;
  }

  /** The approved payment: the held amount becomes disbursed (拨付); the new totals are published. */
  async settle(projectId: string, hold: Hold, actor: Actor): Promise<void> {
    const current = await this.read(projectId);
    const delta = { reservedFen: -hold.amountFen, disbursedFen: hold.amountFen };
    const res = await this.deps.projects.updateOne(
      LEDGER,
      { _id: projectId, 'holds.disbursementId': hold.disbursementId },
      outboxUpdate(
        {
          $inc: incOf(hold.source, delta),
          $pull: { holds: { disbursementId: hold.disbursementId } },
        },
        [
          projectFundingChanged(
            after(current, hold.source, delta),
            {
              reason: 'disbursement',
              source: hold.source,
              amountFen: hold.amountFen,
              referenceId: hold.disbursementId,
            },
            actor,
            this.deps.now(),
          ),
        ],
      ),
    );
    if (res.modifiedCount === 1) this.deps.eventsStored();
  }

  /**
   * 审批占用 — counts a payment being approved into the project's approved total, in one
   * conditional write: with `maxBeforeFen` (the progress cap less the payment) only while the
   * approved and the disbursed totals are at most that, and only while the fields the cap was
   * computed from are as read (`guard`). False when that no longer holds: decide again.
   */
  async claimApproval(
    projectId: string,
    amountFen: number,
    maxBeforeFen: number | null,
    guard: Record<string, unknown>,
  ): Promise<boolean> {
    const cap =
      maxBeforeFen === null
        ? { approvedFen: { $exists: true } }
        : { approvedFen: { $lte: maxBeforeFen }, 'money.disbursedFen': { $lte: maxBeforeFen } };
    const res = await this.deps.projects.updateOne(
      LEDGER,
      { ...guard, ...cap, _id: projectId },
      { $inc: { approvedFen: amountFen } },
    );
    return res.modifiedCount === 1;
  }

  /** Gives a claim back: the payment's own approval lost (approved or refused meanwhile). */
  async unclaimApproval(projectId: string, amountFen: number): Promise<void> {
    await this.deps.projects.updateOne(
      LEDGER,
      { _id: projectId, approvedFen: { $gte: amountFen } },
      { $inc: { approvedFen: -amountFen } },
    );
  }

  /**
   * Sets the approved total of a project stored before it existed, once: a total set meanwhile
   * (by another approval computing the same sum, then claiming) is kept. Answers the total.
   */
  async initApprovedTotal(projectId: string, approvedFen: number): Promise<number> {
    await this.deps.projects.updateOne(
      LEDGER,
      { _id: projectId, approvedFen: { $exists: false } },
      { $set: { approvedFen } },
    );
    return (await this.read(projectId)).approvedFen ?? approvedFen;
  }

  /** A refused (or unstored) payment gives its hold back. */
  async release(projectId: string, hold: Hold): Promise<void> {
    await this.deps.projects.updateOne(
      LEDGER,
      { _id: projectId, 'holds.disbursementId': hold.disbursementId },
      {
        $inc: incOf(hold.source, { reservedFen: -hold.amountFen, availableFen: hold.amountFen }),
        $pull: { holds: { disbursementId: hold.disbursementId } },
      },
    );
  }

  /**
   * One leg of an approved transfer (调剂). The outgoing leg is guarded like a payment (only
   * available money moves); false when it is not there. A leg applied before is a no-op
   * (true: it is done).
   */
  async transfer(projectId: string, leg: TransferLeg, actor: Actor): Promise<boolean> {
    const current = await this.read(projectId);
    if (current.transfers.some((t) => t.id === leg.id)) return true;
    // Checked here too so the event's snapshot is never built from money that is not there.
    if (leg.direction === 'out' && current.funding[leg.source].availableFen < leg.amountFen) {
      return false;
    }
    const sign = leg.direction === 'in' ? 1 : -1;
    const delta = { allocatedFen: sign * leg.amountFen, availableFen: sign * leg.amountFen };
    const guard =
      leg.direction === 'out'
        ? { [`funding.${leg.source}.availableFen`]: { $gte: leg.amountFen } }
        : {};
    const res = await this.deps.projects.updateOne(
      LEDGER,
      {
        _id: projectId,
        ...guard,
        'transfers.id': { $ne: leg.id },
      },
      outboxUpdate({ $inc: incOf(leg.source, delta), $push: { transfers: leg } }, [
        projectFundingChanged(
          after(current, leg.source, delta),
          {
            reason: leg.direction === 'in' ? 'transfer_in' : 'transfer_out',
            source: leg.source,
            amountFen: leg.amountFen,
            referenceId: leg.transferId,
          },
          actor,
          this.deps.now(),
        ),
      ]),
    );
    if (res.modifiedCount === 1) this.deps.eventsStored();
    return res.modifiedCount === 1;
  }
}

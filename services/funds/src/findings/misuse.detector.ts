import { bi, countyWide, type ScopedRepository } from '@fupin/kit';
import type { Disbursement } from '../disbursements/disbursement.model';
import type { Project } from '../projects/project.model';
import { yuan } from '../shared/money';
import type { FindingService } from './finding.service';

/** A voucher reused by a payment of any township is a misuse signal. */
const REUSE = countyWide('vouchers are compared with the payments of the whole county');

/** A payee who is another project's contractor is one whichever township that project is in. */
const CONTRACTORS = countyWide('contractors are compared with the projects of the whole county');

const comparable = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Looks at a payment for the misuse signals it can carry by itself: vouchers already used by
 * another payment (same SHA-256), payees outside the registry, and money paid to another
 * project's contractor (moved between projects without an approved transfer). Each signal is
 * stored once per key, so running this again (at approval) only finds what is missing.
 */
export class MisuseDetector {
  constructor(
    private readonly deps: {
      /** Payments, each in its project's area. */
      disbursements: ScopedRepository<Disbursement>;
      projects: ScopedRepository<Project>;
      findings: FindingService;
    },
  ) {}

  async detect(d: Disbursement, project: Pick<Project, 'contractor'>): Promise<string[]> {
    const ids: string[] = [];
    const base = {
      areaCode: d.areaCode,
      projectId: d.projectId,
      projectCode: d.projectCode,
      disbursementId: d._id,
      subjectUserId: d.submittedBy.id,
    };
    for (const v of await this.reusedVouchers(d)) {
      ids.push(
        await this.deps.findings.record({
          ...base,
          key: `voucher_reused:${d._id}:${v.sha256}`,
          kind: 'voucher_reused',
          amountFen: d.amountFen,
          summary: bi(
            `报账凭证「${v.fileName}」已在其他拨付中使用`,
            `Voucher "${v.fileName}" was already used for another payment`,
          ),
          evidence: { sha256: v.sha256, fileId: v.fileId, fileName: v.fileName, usedBy: v.usedBy },
        }),
      );
    }
    const outside = d.payees.filter((x) => !x.registered);
    if (outside.length) {
      const amount = outside.reduce((s, x) => s + x.amountFen, 0);
      ids.push(
        await this.deps.findings.record({
          ...base,
          key: `beneficiary_not_registered:${d._id}`,
          kind: 'beneficiary_not_registered',
          amountFen: amount,
          summary: bi(
            `发放名单中 ${outside.length} 人不在建档立卡户库中，金额 ${yuan(amount)} 元`,
            `${outside.length} payees (${yuan(amount)} yuan) are not in the registry`,
          ),
          evidence: {
            payees: outside.map((x) => ({
              name: x.name,
              idNumber: x.idNumber?.masked ?? null,
              householdId: x.householdId,
              amountFen: x.amountFen,
            })),
          },
        }),
      );
    }
    const moved = await this.otherProjectsOfPayee(d, project);
    if (moved.length) {
      ids.push(
        await this.deps.findings.record({
          ...base,
          key: `unapproved_transfer:${d._id}`,
          kind: 'unapproved_transfer',
          amountFen: d.amountFen,
          summary: bi(
            `本项目资金支付给其他项目的承建单位「${d.payee!.name}」，未经批准调剂`,
            `Paid to "${d.payee!.name}", the contractor of another project, without an approved transfer`,
          ),
          evidence: {
            payee: d.payee!.name,
            projectContractor: project.contractor,
            otherProjects: moved,
          },
        }),
      );
    }
    return ids;
  }

  /** Vouchers whose bytes were already submitted with another (not refused) payment. */
  private async reusedVouchers(d: Disbursement) {
    const hashes = d.vouchers.map((v) => v.sha256);
    const others = await this.deps.disbursements.find(
      REUSE,
      { _id: { $ne: d._id }, 'vouchers.sha256': { $in: hashes }, status: { $ne: 'rejected' } },
      { projection: { projectCode: 1, vouchers: 1, submittedAt: 1, amountFen: 1 } },
    );
    const seen = new Map<string, number>();
    const out = [];
    for (const v of d.vouchers) {
      const usedBy = others
        .filter((o) => o.vouchers.some((x) => x.sha256 === v.sha256))
        .map((o) => ({
          disbursementId: o._id,
          projectCode: o.projectCode,
          amountFen: o.amountFen,
          submittedAt: o.submittedAt,
        }));
      // The same bytes attached twice to this very payment count as reuse too.
      const repeats = seen.get(v.sha256) ?? 0;
      seen.set(v.sha256, repeats + 1);
      if (usedBy.length || repeats === 1) out.push({ ...v, usedBy });
    }
    return out;
  }

  private async otherProjectsOfPayee(d: Disbursement, project: Pick<Project, 'contractor'>) {
    if (d.payeeKind !== 'contractor' || !d.payee) return [];
    const payee = comparable(d.payee.name);
    if (project.contractor && comparable(project.contractor) === payee) return [];
    // Contractor names are typed from the same contracts: an exact (indexed) match.
    const candidates = await this.deps.projects.find(
      CONTRACTORS,
      { _id: { $ne: d.projectId }, contractor: d.payee.name.trim() },
      { projection: { code: 1, name: 1 } },
    );
    return candidates.map((c) => ({ projectId: c._id, code: c.code, name: c.name }));
  }
}

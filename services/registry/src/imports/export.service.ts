import type { Writable } from 'node:stream';
import { AppError, bi, hasRight, type PersonalDataCipher, type Principal } from '@fupin/kit';
import type { Household, PersonalValue } from '../households/household.model';
import type {
  HouseholdFilter,
  HouseholdService,
  UnmaskRequest,
} from '../households/household.service';
import { writeHouseholds } from './household-workbook';

/**
 * Audit entries name the households they cover; one entry per this many keeps each entry
 * (and its event) small however large the export.
 */
const AUDIT_BATCH = 500;

/** 导出 — any filtered household list as XLSX, masked unless unmasked with the right and a reason. */
export class ExportService {
  constructor(
    private readonly deps: { households: HouseholdService; cipher: PersonalDataCipher },
  ) {}

  /** Refuses an unmasked export up front, before any byte is sent. */
  authorize(p: Principal, unmask: UnmaskRequest | null): void {
    if (unmask && !hasRight(p, 'registry', 'unmask')) {
      throw new AppError(
        403,
        'FORBIDDEN_UNMASK',
        bi('没有导出明文个人信息的权限', 'You lack the right to export personal data in clear'),
      );
    }
  }

  /**
   * Writes the households of the filter (the caller's area scope always applies) to `out`, in
   * the order given. Every batch is written to the audit log, with the reason given, before
   * its rows are written.
   */
  async households(
    p: Principal,
    filter: HouseholdFilter,
    unmask: UnmaskRequest | null,
    out: Writable,
    opts: { sort?: Record<string, 1 | -1>; reason?: string | null } = {},
  ): Promise<number> {
    this.authorize(p, unmask);
    const show = (v: PersonalValue | null) =>
      v === null ? null : unmask ? this.deps.cipher.open(v) : v.masked;
    return writeHouseholds(
      out,
      this.deps.households.cursor(p, filter, opts.sort) as AsyncIterable<Household>,
      {
        show,
        batchSize: AUDIT_BATCH,
        beforeBatch: (batch) =>
          this.deps.households.auditExport(
            p,
            batch.map((h) => h._id),
            unmask,
            opts.reason ?? null,
          ),
      },
    );
  }
}

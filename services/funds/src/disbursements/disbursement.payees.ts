import {
  bi,
  type FieldError,
  householdsByMemberHash,
  memberMatches,
  type PersonalDataCipher,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
} from '@fupin/kit';
import { maskBankAccount, maskIdNumber, parseIdNumber } from '@fupin/reference';
import { sumFen } from '../shared/money';
import type { Disbursement, PayeeLine, Sealed } from './disbursement.model';
import type { DisbursementInput } from './disbursement.submit';

type PayeeDeps = { households: ProjectedHouseholdModel; cipher: PersonalDataCipher };

const seal = (deps: PayeeDeps, value: string, masked: string): Sealed => ({
  ...deps.cipher.seal(value),
  masked,
});

/**
 * Who a payment goes to: one payee (a company, a cooperative) with its bank account sealed,
 * or a list of households whose ID numbers are sealed and checked against the registry.
 * Problems are added to `errors`, each with its field.
 */
export async function payeesOf(
  deps: PayeeDeps,
  input: DisbursementInput,
  errors: FieldError[],
): Promise<{ payee: Disbursement['payee']; payees: PayeeLine[] }> {
  if (input.payeeKind !== 'households') {
    if (!input.payee) {
      errors.push({
        field: 'payee',
        code: 'required',
        message: bi('请填写收款单位', 'the payee is required'),
      });
      return { payee: null, payees: [] };
    }
    const account = input.payee.bankAccount?.trim();
    return {
      payee: {
        name: input.payee.name.trim(),
        bankAccount: account ? seal(deps, account, maskBankAccount(account)) : null,
      },
      payees: [],
    };
  }
  const lines = input.payees ?? [];
  if (lines.length === 0) {
    errors.push({
      field: 'payees',
      code: 'required',
      message: bi('请填写发放名单', 'the payment list is required'),
    });
  } else if (sumFen(lines.map((l) => l.amountFen)) !== input.amountFen) {
    errors.push({
      field: 'payees',
      code: 'sum_mismatch',
      message: bi('发放名单金额合计与拨付金额不符', 'the list does not add up to the amount'),
    });
  }
  const out: PayeeLine[] = [];
  for (const [i, line] of lines.entries()) {
    let idNumber: Sealed | null = null;
    let hashes: string[] | null = null;
    if (line.idNumber) {
      const parsed = parseIdNumber(line.idNumber);
      if (!parsed.ok) {
        errors.push({
          field: `payees.${i}.idNumber`,
          code: parsed.code,
          message: bi(parsed.reason.zh, parsed.reason.en),
        });
        continue;
      }
      idNumber = seal(deps, parsed.value, maskIdNumber(parsed.value));
      // Under every HMAC key held: the registry may have hashed it under the previous one.
      hashes = deps.cipher.hashes(parsed.value);
    } else if (!line.householdId) {
      errors.push({
        field: `payees.${i}`,
        code: 'required',
        message: bi('须填写身份证号或户编号', 'an ID number or a household id is required'),
      });
      continue;
    }
    const household = await registered(deps, line.householdId, hashes);
    out.push({
      householdId: household?._id ?? line.householdId ?? null,
      name: line.name.trim(),
      idNumber,
      amountFen: line.amountFen,
      registered: household !== null,
    });
  }
  return { payee: null, payees: out };
}

type Candidate = Pick<ProjectedHousehold, '_id' | 'members' | 'revision' | 'status'>;
const CANDIDATE = { members: 1, revision: 1, status: 1 } as const;

/**
 * The registered household (in the registry projection) of a payee, or null: by its id, or by
 * a member's ID number hash under any HMAC key held on either side of a rotation (`hashes`).
 * Read by the id alone or by one `$in` on one indexed field, and checked here (SecantusDB
 * scans for either beside the registration's range).
 */
async function registered(
  deps: PayeeDeps,
  householdId: string | undefined,
  hashes: string[] | null,
): Promise<Pick<ProjectedHousehold, '_id'> | null> {
  let candidates: Candidate[];
  if (householdId) {
    const h = await deps.households.findOne({ _id: householdId }, CANDIDATE).lean<Candidate>();
    candidates = h ? [h] : [];
  } else if (hashes) {
    candidates = await householdsByMemberHash(deps.households, hashes, CANDIDATE);
  } else return null;
  const wanted = hashes ? new Set(hashes) : null;
  const h = candidates.find(
    (c) =>
      c.revision > 0 &&
      c.status !== 'cancelled' &&
      (!wanted || c.members.some((m) => m.status === 'active' && memberMatches(m, wanted))),
  );
  return h ? { _id: h._id } : null;
}

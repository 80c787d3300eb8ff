import {
  bi,
  type FieldError,
  type PersonalDataCipher,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  REGISTERED_HOUSEHOLDS,
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
    let hash: string | null = null;
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
      hash = idNumber.hash;
    } else if (!line.householdId) {
      errors.push({
        field: `payees.${i}`,
        code: 'required',
        message: bi('须填写身份证号或户编号', 'an ID number or a household id is required'),
      });
      continue;
    }
    const household = await registered(deps, line.householdId, hash);
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

/** The registered household (in the registry projection) of a payee, or null. */
async function registered(
  deps: PayeeDeps,
  householdId: string | undefined,
  idHash: string | null,
): Promise<Pick<ProjectedHousehold, '_id'> | null> {
  const where: Record<string, unknown> = {
    ...REGISTERED_HOUSEHOLDS,
    status: { $ne: 'cancelled' },
  };
  if (householdId) where._id = householdId;
  if (idHash) where['members.idHash'] = idHash;
  const h = await deps.households
    .findOne(where, { members: 1 })
    .lean<Pick<ProjectedHousehold, '_id' | 'members'>>();
  if (!h) return null;
  if (idHash && !h.members.some((m) => m.idHash === idHash && m.status === 'active')) return null;
  return { _id: h._id };
}

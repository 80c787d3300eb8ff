import { randomUUID } from 'node:crypto';
import type { PersonalDataCipher } from '@fupin/kit';
import { codesOf, PovertyCause, computeCheckDigit, maskIdNumber } from '@fupin/reference';
import {
  GUARANTEES,
  type Guarantees,
  type Household,
  type HouseholdModel,
  type HouseholdStatus,
  type Member,
} from '../../services/registry/src/households/household.model';
import { readGuarantee } from '../../services/registry/src/households/guarantee.rules';
import {
  isBelowPovertyLine,
  perCapitaIncomeFen,
  unmetGuarantees,
} from '../../services/registry/src/households/household.rules';

export const COUNTY = '431121000000';
export const TOWNSHIPS = Array.from(
  { length: 10 },
  (_, i) => `431121${String(101 + i).padStart(3, '0')}000`,
);
export const villagesOf = (township: string) =>
  Array.from(
    { length: 20 },
    (_, i) => `${township.slice(0, 9)}${String(201 + i).padStart(3, '0')}`,
  );

/** The bench county's area tree as the registry's area import takes it (区划代码, 名称). */
export function benchAreaTreeCsv(): string {
  const lines = ['区划代码,名称', `${COUNTY},临溪县`];
  for (const [t, township] of TOWNSHIPS.entries()) {
    lines.push(`${township},第${t + 1}乡镇`);
    for (const [v, village] of villagesOf(township).entries())
      lines.push(`${village},第${t + 1}乡镇第${v + 1}村`);
  }
  return `${lines.join('\n')}\n`;
}

/** A deterministic pseudo-random sequence, so two runs seed the same registry. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STATUSES: [HouseholdStatus, number][] = [
  ['in_poverty', 0.25],
  ['exited', 0.55],
  ['returned', 0.03],
  ['unstable', 0.07],
  ['marginal', 0.07],
  ['sudden_hardship', 0.03],
];
const ATTRIBUTES = ['ordinary', 'ordinary', 'ordinary', 'minimum_allowance', 'destitute'];
const CAUSES = codesOf(PovertyCause);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国秀英小花明华志强红梅海燕文军桂兰德福玉珍';

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function statusOf(r: () => number): HouseholdStatus {
  let x = r();
  for (const [s, w] of STATUSES) {
    if ((x -= w) < 0) return s;
  }
  return 'in_poverty';
}

/** A household document exactly as the registry stores it (typed by the real model). */
export function household(i: number, cipher: PersonalDataCipher): Household {
  const r = rng(i + 1);
  const township = TOWNSHIPS[i % TOWNSHIPS.length]!;
  const village = villagesOf(township)[Math.floor(i / TOWNSHIPS.length) % 20]!;
  const status = statusOf(r);
  const size = 1 + Math.floor(r() * 5);
  const surname = pick(r, [...SURNAMES]);
  const members: Member[] = Array.from({ length: size }, (_, m) => {
    const year = m === 0 ? 1945 + Math.floor(r() * 40) : 1960 + Math.floor(r() * 55);
    const birth = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const sex = r() < 0.5 ? 'male' : 'female';
    const seq = Math.floor(r() * 50) * 2 + (sex === 'male' ? 1 : 0);
    const first17 = `431121${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
    const id = first17 + computeCheckDigit(first17);
    return {
      id: randomUUID(),
      name: surname + pick(r, [...GIVEN]) + pick(r, [...GIVEN]),
      idNumber: { ...cipher.seal(id), masked: maskIdNumber(id) },
      relation: m === 0 ? 'head' : m === 1 ? 'spouse' : 'other',
      sex,
      birthDate: birth,
      ethnicity: 'han',
      educationLevel: null,
      inSchool: false,
      schoolStage: null,
      health: pick(r, ['healthy', 'healthy', 'chronic_illness', 'serious_illness', 'disabled']),
      disabilityGrade: null,
      labourCapacity: pick(r, ['ordinary', 'weak', 'none']),
      migrantWork: { working: r() < 0.3, place: null, months: null },
      medicalInsurance: true,
      pensionInsurance: r() < 0.9,
      minimumAllowance: false,
      destituteSupport: false,
      phone: null,
      status: 'active',
      removedReason: null,
      removedAt: null,
    };
  });
  const guarantees = Object.fromEntries(
    GUARANTEES.map((g) => [g, readGuarantee({ met: r() > 0.05, note: null })]),
  ) as Guarantees;
  const income = {
    year: 2019,
    wagesFen: Math.floor(r() * 2_000_000),
    productionFen: Math.floor(r() * 800_000),
    propertyFen: 0,
    transferFen: Math.floor(r() * 400_000),
  };
  const perCapita = perCapitaIncomeFen(income, size);
  const exited = status === 'exited' || status === 'unstable' || status === 'returned';
  const at = new Date(Date.UTC(2019, 0, 1) + (i % 365) * 86_400_000);
  const mainCause = pick(r, CAUSES);
  return {
    _id: randomUUID(),
    householdNo: `BENCH${String(i).padStart(9, '0')}`,
    areaCode: village,
    townshipCode: township,
    groupNo: 1 + Math.floor(r() * 8),
    address: '',
    headName: members[0]!.name,
    phone: null,
    bankName: null,
    bankAccount: null,
    status,
    attribute: pick(r, ATTRIBUTES),
    mainCause,
    otherCauses:
      r() < 0.4
        ? [
            pick(
              r,
              CAUSES.filter((c) => c !== mainCause),
            ),
          ]
        : [],
    guarantees,
    housingGrade: pick(r, ['A', 'B', 'B', 'C'] as const),
    identificationYear: 2014 + Math.floor(r() * 3),
    exitYear: exited ? 2016 + Math.floor(r() * 5) : null,
    partyMember: r() < 0.03,
    income,
    size,
    perCapitaIncomeFen: perCapita,
    belowPovertyLine: isBelowPovertyLine(perCapita, income.year),
    guaranteesUnmet: unmetGuarantees(guarantees),
    members,
    memberIdHashes: members.map((m) => m.idNumber.hash),
    memberNames: members.map((m) => m.name),
    workflow: null,
    history: [
      {
        at,
        actorId: 'bench',
        actorName: 'bench',
        action: 'imported',
        from: null,
        to: status,
        reason: null,
        evidence: [],
        changed: [],
      },
    ],
    createdAt: at,
    updatedAt: at,
    revision: 1,
    outbox: [],
    hasOutbox: false,
    outboxLease: null,
  };
}

/** Inserts `count` households in batches straight into the collection (no events, no claims). */
export async function seedHouseholds(
  model: HouseholdModel,
  cipher: PersonalDataCipher,
  count: number,
  progress: (done: number) => void,
): Promise<void> {
  const batch = 2000;
  for (let start = 0; start < count; start += batch) {
    const docs: Household[] = [];
    for (let i = start; i < Math.min(start + batch, count); i++) docs.push(household(i, cipher));
    await insertBatch(model, docs);
    progress(Math.min(start + batch, count));
  }
}

/**
 * The stand-in now and then refuses a bulk insert with "Unknown error: null" while other
 * clients drop databases; the batch is cleared and written again rather than failing the run.
 */
async function insertBatch(model: HouseholdModel, docs: Household[]): Promise<void> {
  const coll = model.collection;
  for (let attempt = 1; ; attempt++) {
    try {
      await coll.insertMany(docs as unknown as Parameters<typeof coll.insertMany>[0], {
        ordered: false,
      });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await model.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    }
  }
}

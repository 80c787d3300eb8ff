import type { BenefitRow } from '@fupin/contracts';
import { type Bilingual, bi } from '@fupin/kit';
import { countyComplaintLineFor, maskPhone, NATIONAL_COMPLAINT_LINE } from '@fupin/reference';
import { z } from 'zod';
import type { Dossier } from '../../dossier/dossier.assembly';
import { countsInTotals } from '../../ledger/ledger.assembly';

// 明白卡 — the policy card posted in the household's home: what it benefits from this year and
// how much, who helps it and how to complain. Pure: the household's dossier and its 受益底册 rows
// in, what the card says out. Posted on a wall, so a phone on it is only ever its masked form.

/** The kinds of benefit as the card groups them, in the order it lists them. */
export const CARD_KINDS: readonly { kind: string; title: Bilingual }[] = [
  { kind: 'education_subsidy', title: bi('教育补助', 'Education subsidies') },
  { kind: 'tuition_waiver', title: bi('学费减免', 'Tuition waivers') },
  { kind: 'medical_top_up', title: bi('医疗救助', 'Medical top-ups') },
  { kind: 'measure', title: bi('帮扶措施', 'Assistance measures') },
  { kind: 'payment', title: bi('资金拨付', 'Payments to the household') },
  { kind: 'loan', title: bi('小额信贷', 'Micro-credit loans') },
  { kind: 'loan_discount', title: bi('贴息', 'Interest subsidies') },
];

/** One benefit on the card. */
export interface CardItem {
  label: string;
  amountFen: number;
  /** `paid` reached the household, `granted` a loan, `recorded` not yet paid (待兑现). */
  status: BenefitRow['status'];
  on: string | null;
  /**
   * Whether its money counts in the card's total: a 帮扶措施 paid from a funds project is that
   * project's payment to the household, listed but counted once (as the 受益底册 counts it).
   */
  counted: boolean;
}

/** The benefits of one kind. */
export interface CardGroup {
  kind: string;
  title: string;
  items: CardItem[];
  /** The counted items' amounts (fen). */
  amountFen: number;
}

export interface CardHelper {
  name: string;
  unit: string;
  /** Always masked (138****1234); null when none is on record. */
  phone: string | null;
}

/** 明白卡: what one household's card says. */
export interface PolicyCard {
  householdId: string;
  householdNo: string;
  headName: string;
  areaCode: string;
  /** The village (and township) as named in the registry; the code when unnamed. */
  placeName: string;
  address: string;
  year: number;
  groups: CardGroup[];
  /** Every counted benefit of the year but loans' principal, which is lent, not given (fen). */
  totalFen: number;
  /** Of the total, what has reached the household. */
  paidFen: number;
  /** Loans' principal granted this year (fen), shown apart from the total. */
  loansFen: number;
  /** Said instead of the list when there is nothing to list. */
  noBenefits: string | null;
  /** Sources the caller could not read, said on the card so it does not pass for complete. */
  leftOut: string[];
  helpers: CardHelper[];
  /** Said instead of the helpers when there is none to show. */
  noHelper: string | null;
  /** 12317, then the county's own line when the reference data has one. */
  complaintLines: { label: string; number: string }[];
  /** The version of the county's line printed (reference data), null when it has none. */
  complaintLineVersion: number | null;
  /** When the card was made (the footer's day, Asia/Shanghai). */
  printedOn: string;
}

export interface CardInput {
  dossier: Dossier;
  /** The household's 受益底册 rows (those of other households or years are left out). */
  rows: BenefitRow[];
  /** Sources left out of the rows, with why. */
  leftOutSources?: Bilingual[];
  year: number;
  placeName?: string | null;
  /** The day it is printed (YYYY-MM-DD, Asia/Shanghai): the county's line of that day prints. */
  printedOn: string;
}

const householdSchema = z.object({
  id: z.string(),
  householdNo: z.string(),
  areaCode: z.string(),
  headName: z.string(),
  address: z.string().optional().default(''),
});

const helpersSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      role: z.string(),
      phone: z.string().nullable(),
      status: z.string(),
    }),
  ),
});

/** Helpers shown on one card at most (a household has one or two). */
export const CARD_HELPERS = 3;

const sectionOf = (d: Dossier, part: string, section: string): unknown => {
  const p = d.parts.find((x) => x.part === part);
  return p?.status === 'ok' ? p.sections[section] : undefined;
};

/** A phone as the card prints it: masked even when a source handed it over in clear. */
export const cardPhone = (phone: string | null): string | null =>
  phone === null || phone.trim() === '' ? null : phone.includes('*') ? phone : maskPhone(phone);

function helpersOf(d: Dossier): { helpers: CardHelper[]; noHelper: string | null } {
  const assistance = d.parts.find((x) => x.part === 'assistance');
  if (assistance?.status !== 'ok')
    return { helpers: [], noHelper: assistance ? assistance.message['zh-CN'] : '帮扶信息暂缺' };
  const parsed = helpersSchema.safeParse(sectionOf(d, 'assistance', 'helpers'));
  const active = (parsed.success ? parsed.data.items : [])
    .filter((h) => h.status === 'active')
    // The key helper (帮扶责任人) first.
    .sort((a, b) => Number(b.role === 'key') - Number(a.role === 'key'))
    .slice(0, CARD_HELPERS)
    .map((h) => ({ name: h.name, unit: h.unit, phone: cardPhone(h.phone) }));
  return { helpers: active, noHelper: active.length ? null : '暂未结对帮扶责任人' };
}

function groupsOf(rows: BenefitRow[]): CardGroup[] {
  const known = new Set(CARD_KINDS.map((k) => k.kind));
  const kinds = [
    ...CARD_KINDS,
    // A kind a source adds later is listed under its own code rather than dropped.
    ...[...new Set(rows.map((r) => r.kind))]
      .filter((k) => !known.has(k))
      .map((k) => ({ kind: k, title: bi(k, k) })),
  ];
  return kinds.flatMap(({ kind, title }) => {
    const of = rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => (a.on ?? '9999').localeCompare(b.on ?? '9999') || a.id.localeCompare(b.id));
    if (!of.length) return [];
    const items = of.map((r) => ({
      label: r.label['zh-CN'],
      amountFen: r.amountFen,
      status: r.status,
      on: r.on,
      counted: countsInTotals(r),
    }));
    const amountFen = items.reduce((s, i) => s + (i.counted ? i.amountFen : 0), 0);
    return [{ kind, title: title['zh-CN'], items, amountFen }];
  });
}

/** The card of one household for one year, from its dossier and its ledger rows. */
export function policyCard(input: CardInput): PolicyCard {
  const d = input.dossier;
  const household = householdSchema.parse(sectionOf(d, 'registry', 'household'));
  const rows = input.rows.filter((r) => r.householdId === d.householdId && r.year === input.year);
  const groups = groupsOf(rows);
  const counted = rows.filter(countsInTotals);
  const given = counted.filter((r) => r.kind !== 'loan');
  const leftOut = (input.leftOutSources ?? []).map((m) => m['zh-CN']);
  const county = countyComplaintLineFor(household.areaCode, input.printedOn);
  return {
    householdId: d.householdId,
    householdNo: household.householdNo,
    headName: household.headName,
    areaCode: household.areaCode,
    placeName: input.placeName?.trim() || household.areaCode,
    address: household.address,
    year: input.year,
    groups,
    totalFen: given.reduce((s, r) => s + r.amountFen, 0),
    paidFen: given.reduce((s, r) => s + (r.status === 'paid' ? r.amountFen : 0), 0),
    loansFen: counted.filter((r) => r.kind === 'loan').reduce((s, r) => s + r.amountFen, 0),
    noBenefits: rows.length ? null : `${input.year}年暂无享受政策的记录`,
    leftOut,
    ...helpersOf(d),
    complaintLines: [
      { label: '全国扶贫监督举报电话', number: NATIONAL_COMPLAINT_LINE },
      ...(county ? [{ label: county.label, number: county.number }] : []),
    ],
    complaintLineVersion: county?.version ?? null,
    printedOn: input.printedOn,
  };
}

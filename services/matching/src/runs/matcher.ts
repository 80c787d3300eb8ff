import type { MatchingRuleCode } from '@fupin/contracts';
import { isWithin } from '@fupin/reference';
import type { AbsenceEvidence, FindingCandidate, RowEvidence } from '../findings/finding.model';
import type { SegmentReader, ListRow } from '../lists/list-rows';
import { listTypeBit, type ListType } from '../lists/list-types';
import type { DepartmentList } from '../lists/list.model';
import type { Membership } from '../persons/person-index.model';
import type { Person, PersonTable } from '../persons/person-table';
import {
  type Candidate,
  findingId,
  householdCandidate,
  legacyIds,
  lineOf,
  personCandidate,
  withId,
} from './candidates';
import { PENSION_AGE } from './department-rules';
import { exitedHouseholdFindings, exitedRowFindings } from './review-checks';
import { WageTally } from './wage-check';
import {
  COMPULSORY_AGE,
  IDENTIFIED_STATUSES,
  IN_POVERTY_STATUSES,
  RULES,
  WRONG_IDENTIFICATION_STATUSES,
} from './rules';

/** A list of the run and how to read its rows. */
export interface RunList {
  list: DepartmentList;
  segments: () => AsyncIterable<SegmentReader>;
}

export interface MatchProgress {
  rowsRead: number;
  matched: number;
  findings: number;
}

export interface MatchInput {
  table: PersonTable;
  lists: RunList[];
  rules: MatchingRuleCode[];
  /** Receives findings in batches (recorded before the run goes on). */
  onFindings: (batch: FindingCandidate[]) => Promise<void>;
  /** Called after each segment and at the end. */
  onProgress?: (p: MatchProgress) => Promise<void>;
  batchSize?: number;
}

/** An active member of a registered household that is not cancelled. */
export function inRegistry(m: Membership): boolean {
  return m.memberStatus === 'active' && m.registered && m.householdStatus !== 'cancelled';
}

/** The registry says the house is safe: grade A/B, or no grade and the guarantee met. */
function saysSafe(m: Membership): boolean {
  return (
    m.housingGrade === 'A' || m.housingGrade === 'B' || (m.housingGrade === null && m.housingSafe)
  );
}

/** Whole years from `birth` to `on` (both `YYYY-MM-DD`). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

const MISSING_RULE: Partial<Record<ListType, MatchingRuleCode>> = {
  allowance_recipients: 'ALLOWANCE_NOT_ON_LIST',
  school_enrollment: 'DROPOUT',
  medical_insurance: 'INSURANCE_GAP',
  pension_receipts: 'PENSION_NOT_RECEIVED',
  disability_certificates: 'DISABLED_WITHOUT_CERTIFICATE',
};

const WRONG_IDENTIFICATION_RULE: Partial<Record<ListType, MatchingRuleCode>> = {
  vehicles: 'VEHICLE_OWNER',
  businesses: 'BUSINESS_OWNER',
  public_employees: 'PUBLIC_EMPLOYEE',
  urban_property: 'URBAN_PROPERTY',
  village_cadres: 'VILLAGE_CADRE_FAMILY',
};

/** Deaths are read first, so a pension row knows whether its person is on the deaths list. */
const READ_FIRST: ListType = 'deaths';

const NONE: readonly Candidate[] = [];

/**
 * 比对 — one pass over the run's lists against the person index in memory: each row is one
 * hash lookup; people missing from a list (anti-joins) and the registry's own checks are
 * found afterwards by one pass over the people. Pure: it reads rows and hands out findings.
 */
export async function match(input: MatchInput): Promise<MatchProgress> {
  const rules = new Set(input.rules);
  const progress: MatchProgress = { rowsRead: 0, matched: 0, findings: 0 };
  const sink = findingSink(input, progress);
  const ordered = [...input.lists].sort(
    (a, b) => Number(b.list.type === READ_FIRST) - Number(a.list.type === READ_FIRST),
  );
  const wages = rules.has('WAGE_INCOME_UNDERREPORTED') ? new WageTally() : null;
  for (const run of ordered) await matchList(input, run, rules, sink, progress, wages);
  for (const f of wages?.findings() ?? NONE) await sink.emit(f);
  await missingFromLists(input, rules, sink.emit);
  await registryChecks(input.table, rules, sink.emit);
  await sink.flush();
  await input.onProgress?.({ ...progress });
  return progress;
}

interface FindingSink {
  /** Hands a finding out once (the same id again is dropped), in batches of `batchSize`. */
  emit: (f: Candidate) => Promise<void>;
  /** Hands out the last, partial batch. */
  flush: () => Promise<void>;
}

function findingSink(input: MatchInput, progress: MatchProgress): FindingSink {
  const batchSize = input.batchSize ?? 1000;
  const emitted = new Set<string>();
  let batch: FindingCandidate[] = [];
  return {
    emit: async (f) => {
      if (emitted.has(f._id)) return;
      emitted.add(f._id);
      batch.push({ ...f, ruleVersion: RULES[f.rule].version });
      progress.findings++;
      if (batch.length >= batchSize) {
        const out = batch;
        batch = [];
        await input.onFindings(out);
      }
    },
    flush: async () => {
      if (batch.length) await input.onFindings(batch);
      batch = [];
    },
  };
}

/** One list's rows against the person index: marks who was seen, checks each matched row. */
async function matchList(
  input: MatchInput,
  { list, segments }: RunList,
  rules: Set<MatchingRuleCode>,
  sink: FindingSink,
  progress: MatchProgress,
  wages: WageTally | null,
): Promise<void> {
  const bit = listTypeBit(list.type);
  const tallied = list.type === 'employment_wages' ? wages : null;
  const evidenceOf = rowEvidenceOf(list);
  for await (const reader of segments()) {
    while (reader.next()) {
      progress.rowsRead++;
      const person = input.table.get(reader.key);
      if (person) {
        progress.matched++;
        person.seen |= bit;
      }
      if (reader.invalid) {
        if (!person || !rules.has('ID_INVALID')) continue;
        const row = reader.row();
        for (const m of person.memberships.filter(inRegistry))
          await sink.emit(personCandidate('ID_INVALID', person, m, evidenceOf(row)));
        continue;
      }
      const live = person ? person.memberships.filter(inRegistry) : [];
      if (
        list.type === 'allowance_recipients' &&
        live.length === 0 &&
        rules.has('ALLOWANCE_NOT_REGISTERED')
      )
        await sink.emit(notRegistered(list, reader.row(), evidenceOf));
      if (person && list.type === 'pension_receipts' && rules.has('DECEASED_STILL_PAID'))
        for (const f of deceasedStillPaid(person, evidenceOf, reader)) await sink.emit(f);
      if (!person || live.length === 0) continue;
      tallied?.add(list, person, live, reader.row(), evidenceOf);
      for (const f of rowFindings(list, reader, person, live, rules, evidenceOf))
        await sink.emit(f);
    }
    await input.onProgress?.({ ...progress });
  }
}

/**
 * DECEASED_STILL_PAID: a pension row whose person is on the run's deaths list, once per person
 * (on the membership the registry has, active or already removed).
 */
function deceasedStillPaid(
  person: Person,
  evidenceOf: (row: ListRow) => RowEvidence,
  reader: SegmentReader,
): readonly Candidate[] {
  if (!(person.seen & listTypeBit(READ_FIRST))) return NONE;
  const m =
    person.memberships.find(inRegistry) ??
    person.memberships.find((x) => x.registered && x.householdStatus !== 'cancelled');
  if (!m) return NONE;
  return [personCandidate('DECEASED_STILL_PAID', person, m, evidenceOf(reader.row()))];
}

/** What a list row shows as a finding's evidence. */
function rowEvidenceOf(list: DepartmentList): (row: ListRow) => RowEvidence {
  return (row) => ({
    kind: 'list_row',
    listId: list._id,
    listType: list.type,
    listVersion: list.version ?? 0,
    listDate: list.date,
    row: row.row,
    idMasked: row.masked,
    fact: row.fact || null,
    columns: Object.fromEntries(list.evidenceHeaders.map((h, i) => [h, row.values[i] ?? ''])),
  });
}

/** 低保 paid to someone the registry does not hold (an allowance row with no live member). */
function notRegistered(
  list: DepartmentList,
  row: ListRow,
  evidenceOf: (row: ListRow) => RowEvidence,
): Candidate {
  const hash = row.hash.toString('hex');
  const area = row.fact || list.areaCode;
  return {
    // The registry holds no one to name: the row's keyed hash is all there is, so the id stays
    // hash-based and a list uploaded again under a new HMAC key gives new findings.
    _id: findingId('ALLOWANCE_NOT_REGISTERED', hash),
    rule: 'ALLOWANCE_NOT_REGISTERED',
    listType: list.type,
    subject: 'person',
    idHash: hash,
    householdId: null,
    memberId: null,
    householdNo: null,
    memberName: null,
    areaCode: area,
    areaCodes: [area],
    evidence: evidenceOf(row),
  };
}

/**
 * The checks of a row matched to registry members (`live`): wrongly identified (owners,
 * employees), deceased, in a dangerous house, other ID facts. Synchronous, so a row without a
 * finding costs no promise; the row's fields are read once, when a check needs them.
 */
function rowFindings(
  list: DepartmentList,
  reader: SegmentReader,
  person: Person,
  live: Membership[],
  rules: Set<MatchingRuleCode>,
  evidenceOf: (row: ListRow) => RowEvidence,
): readonly Candidate[] {
  let out: Candidate[] | undefined;
  const add = (f: Candidate) => (out ??= []).push(f);
  let row: ListRow | undefined;
  const rowOnce = () => (row ??= reader.row());
  const wrong = WRONG_IDENTIFICATION_RULE[list.type];
  if (wrong && rules.has(wrong)) {
    for (const m of live)
      if (WRONG_IDENTIFICATION_STATUSES.has(m.householdStatus))
        add(personCandidate(wrong, person, m, evidenceOf(rowOnce())));
  }
  if (list.type === 'deaths' && rules.has('DECEASED_IN_REGISTRY')) {
    for (const m of live)
      add(personCandidate('DECEASED_IN_REGISTRY', person, m, evidenceOf(rowOnce())));
  }
  if (list.type === 'household_moves' && rules.has('MOVED_OUT_OF_COUNTY'))
    for (const m of live)
      if (IDENTIFIED_STATUSES.has(m.householdStatus))
        add(personCandidate('MOVED_OUT_OF_COUNTY', person, m, evidenceOf(rowOnce())));
  // A certificate holder the registry records as not disabled (unknown when never derived).
  if (list.type === 'disability_certificates' && rules.has('CERTIFICATE_NOT_RECORDED_DISABLED'))
    for (const m of live)
      if (IDENTIFIED_STATUSES.has(m.householdStatus) && m.disabled === false)
        add(personCandidate('CERTIFICATE_NOT_RECORDED_DISABLED', person, m, evidenceOf(rowOnce())));
  if (list.type === 'dangerous_houses' && rules.has('DANGEROUS_HOUSE')) {
    const grade = rowOnce().fact;
    if (grade === 'C' || grade === 'D') {
      for (const m of live) {
        if (!IDENTIFIED_STATUSES.has(m.householdStatus) || !saysSafe(m)) continue;
        add({
          ...withId(
            personCandidate('DANGEROUS_HOUSE', person, m, evidenceOf(rowOnce())),
            findingId('DANGEROUS_HOUSE', m.householdId),
          ),
          subject: 'household',
        });
      }
    }
  }
  if (rules.has('EXITED_HOUSEHOLD_CHANGED'))
    for (const f of exitedRowFindings(list, person, live, () => evidenceOf(rowOnce()))) add(f);
  if (rules.has('ID_FACTS_MISMATCH')) {
    const r = rowOnce();
    if (r.birthDate && r.sex) {
      for (const m of live) {
        const mismatch: ('birthDate' | 'sex')[] = [];
        if (m.birthDate !== r.birthDate) mismatch.push('birthDate');
        if (m.sex !== r.sex) mismatch.push('sex');
        if (mismatch.length)
          add(personCandidate('ID_FACTS_MISMATCH', person, m, { ...evidenceOf(r), mismatch }));
      }
    }
  }
  return out ?? NONE;
}

/** Registry people a list should have had: 低保 flags, school-age children, the insured. */
async function missingFromLists(
  input: MatchInput,
  rules: Set<MatchingRuleCode>,
  emit: (f: Candidate) => Promise<void>,
): Promise<void> {
  for (const [type, rule] of Object.entries(MISSING_RULE) as [ListType, MatchingRuleCode][]) {
    if (!rules.has(rule)) continue;
    const covering = input.lists.map((l) => l.list).filter((l) => l.type === type);
    if (covering.length === 0) continue;
    const bit = listTypeBit(type);
    for (const person of input.table.people()) {
      if (person.seen & bit) continue;
      for (const m of person.memberships) {
        if (!inRegistry(m) || !IDENTIFIED_STATUSES.has(m.householdStatus)) continue;
        const list = covering.find((l) => isWithin(m.areaCode, l.areaCode));
        if (!list) continue;
        const evidence: AbsenceEvidence = {
          kind: 'not_on_list',
          lists: [
            {
              listId: list._id,
              listType: list.type,
              listVersion: list.version ?? 0,
              listDate: list.date,
              areaCode: list.areaCode,
            },
          ],
        };
        if (rule === 'ALLOWANCE_NOT_ON_LIST' && !(m.minimumAllowance || m.destituteSupport))
          continue;
        if (rule === 'DISABLED_WITHOUT_CERTIFICATE' && m.disabled !== true) continue;
        if (rule === 'PENSION_NOT_RECEIVED') {
          const age = ageOn(m.birthDate, list.date);
          if (age < PENSION_AGE) continue;
          evidence.ageOnListDate = age;
        }
        if (rule === 'DROPOUT') {
          const age = ageOn(m.birthDate, list.date);
          if (age < COMPULSORY_AGE.from || age > COMPULSORY_AGE.to) continue;
          evidence.ageOnListDate = age;
        }
        await emit(personCandidate(rule, person, m, evidence));
      }
    }
  }
}

/** The registry's own checks: one person in two households, income above the line while poor. */
async function registryChecks(
  table: PersonTable,
  rules: Set<MatchingRuleCode>,
  emit: (f: Candidate) => Promise<void>,
): Promise<void> {
  const perHousehold = [
    'INCOME_ABOVE_LINE',
    'EXITED_BELOW_LINE',
    'EXITED_GUARANTEE_UNMET',
  ] as const;
  const anyPerHousehold = perHousehold.some((r) => rules.has(r));
  if (!rules.has('DUPLICATE_PERSON') && !anyPerHousehold) return;
  const householdsSeen = new Set<string>();
  for (const person of table.people()) {
    const live = person.memberships.filter(inRegistry);
    if (rules.has('DUPLICATE_PERSON')) {
      const households = [...new Map(live.map((m) => [m.householdId, m])).values()].sort((a, b) =>
        a.householdId.localeCompare(b.householdId),
      );
      const first = households[0];
      if (first && households.length >= 2) {
        await emit({
          _id: duplicatePersonId(person),
          aliases: legacyIds('DUPLICATE_PERSON', person),
          rule: 'DUPLICATE_PERSON',
          listType: null,
          subject: 'person',
          idHash: person.idHash,
          householdId: first.householdId,
          memberId: first.memberId,
          householdNo: first.householdNo,
          memberName: first.name,
          areaCode: first.areaCode,
          areaCodes: [...new Set(households.map((m) => m.areaCode))],
          evidence: {
            kind: 'registry',
            households: households.map((m) => ({
              householdId: m.householdId,
              householdNo: m.householdNo,
              areaCode: m.areaCode,
              memberName: m.name,
            })),
          },
        });
      }
    }
    if (!anyPerHousehold) continue;
    for (const m of live) {
      if (householdsSeen.has(m.householdId)) continue;
      householdsSeen.add(m.householdId);
      for (const f of exitedHouseholdFindings(m, rules)) await emit(f);
      const above = rules.has('INCOME_ABOVE_LINE') ? incomeAboveLine(m) : null;
      if (above) await emit(above);
    }
  }
}

/**
 * DUPLICATE_PERSON's id: the person's smallest registry member id, of every membership the
 * index keeps (removed ones stay in it), not the keyed hash of the ID number, which changes
 * with the HMAC key. A household leaving the duplicate keeps the finding's id; only a new
 * membership with a smaller member id gives another (a new finding for another set of
 * households).
 */
function duplicatePersonId(person: Person): string {
  let first = person.memberships[0]!.memberId;
  for (const m of person.memberships) if (m.memberId < first) first = m.memberId;
  return findingId('DUPLICATE_PERSON', 'member', first);
}

/** INCOME_ABOVE_LINE: a household still in poverty whose income is at or above the line. */
function incomeAboveLine(m: Membership): Candidate | null {
  if (!IN_POVERTY_STATUSES.has(m.householdStatus)) return null;
  if (m.perCapitaIncomeFen === null || m.incomeYear === null) return null;
  const line = lineOf(m.incomeYear, m.areaCode);
  if (line === null || m.perCapitaIncomeFen < line) return null;
  return householdCandidate(
    'INCOME_ABOVE_LINE',
    findingId('INCOME_ABOVE_LINE', m.householdId, String(m.incomeYear)),
    m,
    { perCapitaIncomeFen: m.perCapitaIncomeFen, povertyLineFen: line, incomeYear: m.incomeYear },
  );
}

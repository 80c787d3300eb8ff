import {
  allOf,
  bi,
  countyWide,
  escapeRegex,
  type Filter,
  type ListQuery,
  type Principal,
  type ProjectedHousehold,
  type ProjectedHouseholdModel,
  type ProjectedMember,
  REGISTERED_HOUSEHOLDS,
  type ProjectionChange,
  type ScopedRepository,
  unprocessable,
  isDuplicateKey,
} from '@fupin/kit';
import type { Logger } from 'pino';
import { seesArea } from '../scope';
import type { Person } from './person.model';
import type { Rehashed } from './person-link';
import { townshipOf } from '@fupin/reference';

/**
 * 建档立卡户 on the register (as the registry counts them): identified households in poverty,
 * exited, returned, or exited but unstable. Candidates and monitoring-only households are not.
 */
export const REGISTERED_HOUSEHOLD_STATUSES = ['in_poverty', 'returned', 'exited', 'unstable'];

export interface PersonFilter {
  q?: string;
  townshipCode?: string;
  areaCode?: string;
  householdId?: string;
  registered?: boolean;
  inSchool?: boolean;
  id?: string[];
}

export type PersonView = Omit<
  Person,
  | '_id'
  | 'idHash'
  | 'idHashes'
  | 'outbox'
  | 'hasOutbox'
  | 'outboxLease'
  | 'insurance'
  | 'householdSeq'
> & { id: string; insurance?: Person['insurance'] };

const PERSON = { what: bi('建档立卡人员', 'Registered person'), code: 'SUPPORT_PERSON_NOT_FOUND' };

/** The view is derived from the registry projection, which holds every area. */
const PROJECTION = countyWide('the person view is derived from the whole registry projection');
/** A department list names people of any area: those outside the importer's are reported. */
const DEPARTMENT_LIST = countyWide(
  "a department list is matched against every area's people; those outside the importer's area are only counted",
);

/** Households the start-up reconciliation compares per read of their persons. */
const RECONCILE_PAGE = 200;

/** Households moved to another village (one): records that copy their area follow them. */
export type HouseholdMoved = (
  householdIds: string[],
  areaCode: string,
  townshipCode: string,
) => Promise<void>;

/**
 * The people of registered households, derived from the registry projection: kept in step
 * by the projection's change hook, looked up by member id or by the keyed hash of the ID
 * number, listed within the caller's area.
 */
export class PersonService {
  private readonly moved: HouseholdMoved[] = [];
  private readonly rehashed: ((people: Rehashed[]) => Promise<void>)[] = [];

  constructor(
    private readonly deps: {
      persons: ScopedRepository<Person>;
      households: ProjectedHouseholdModel;
      logger: Logger;
      now: () => Date;
    },
  ) {}

  onHouseholdMoved(listener: HouseholdMoved): void {
    this.moved.push(listener);
  }

  /** People whose ID number's keyed hash changed (an HMAC key rotation), after each batch. */
  onPeopleRehashed(listener: (people: Rehashed[]) => Promise<void>): void {
    this.rehashed.push(listener);
  }

  /**
   * The projection's change hook, for a whole batch: the members whose view changed, as of
   * each `after` (all of them when a household fact every member carries changed), written
   * in bulk; then the listeners of households that moved village.
   */
  async projectionChanged(changes: ProjectionChange[]): Promise<void> {
    await this.syncHouseholds(
      changes.map((c) => ({ h: c.after, only: changedMembers(c.before, c.after) })),
    );
    // Households that moved village (each to where it went last), grouped by where they went:
    // one write per destination, however many households the batch moved there.
    const last = new Map<string, string>();
    for (const c of changes) {
      if (c.before && c.before.revision > 0 && c.before.areaCode !== c.after.areaCode)
        last.set(c.householdId, c.after.areaCode);
    }
    const moves = new Map<string, string[]>();
    for (const [householdId, areaCode] of last)
      moves.set(areaCode, [...(moves.get(areaCode) ?? []), householdId]);
    for (const [areaCode, householdIds] of moves)
      for (const l of this.moved) await l(householdIds, areaCode, townshipOf(areaCode) ?? areaCode);
    const people = rehashedPeople(changes);
    if (people.length) for (const l of this.rehashed) await l(people);
  }

  /** The person views of one household's members (see syncHouseholds). */
  syncHousehold(h: ProjectedHousehold, only?: Set<string>): Promise<number> {
    return this.syncHouseholds([{ h, only }]);
  }

  /**
   * Writes the person view of each member of projected households: one read, one insert of
   * the new people, one bulk update of the known ones. A view already derived from this or a
   * later version of its household is left alone, so a late or repeated change never
   * overwrites a newer one.
   */
  async syncHouseholds(
    households: { h: ProjectedHousehold; only?: Set<string> }[],
  ): Promise<number> {
    const now = this.deps.now();
    const byId = new Map<
      string,
      ReturnType<typeof personFacts> & { householdSeq: number; syncedAt: Date }
    >();
    for (const { h, only } of households) {
      for (const m of h.members) {
        if (only && !only.has(m.id)) continue;
        byId.set(m.id, { ...personFacts(h, m), householdSeq: h.seq, syncedAt: now });
      }
    }
    const facts = [...byId.values()];
    if (facts.length === 0) return 0;
    const existing = new Set(
      (
        await this.deps.persons.find(
          PROJECTION,
          { _id: { $in: [...byId.keys()] } },
          { projection: { _id: 1 } },
        )
      ).map((d) => d._id),
    );
    const fresh = facts.filter((f) => !existing.has(f._id));
    let raced = false;
    if (fresh.length) {
      try {
        await this.deps.persons.insertMany(
          PROJECTION,
          fresh.map((f) => ({ ...f, insurance: {}, outbox: [], hasOutbox: false })),
          { ordered: false },
        );
      } catch (err) {
        // Another instance inserted the same member meanwhile: the update below settles it.
        if (!isDuplicateKey(err)) throw err;
        raced = true;
      }
    }
    const stale = raced ? facts : facts.filter((f) => existing.has(f._id));
    if (!stale.length) return fresh.length;
    const modified = await this.deps.persons.bulkUpdate(
      PROJECTION,
      stale.map((f) => {
        const { _id, idHashes, ...set } = f;
        // The window's hashes go when the registry's member no longer carries them.
        const update = idHashes
          ? { $set: { ...set, idHashes } }
          : { $set: set, $unset: { idHashes: 1 as const } };
        return { filter: { _id, householdSeq: { $lt: f.householdSeq } }, update };
      }),
      { ordered: false },
    );
    return fresh.length + modified;
  }

  /**
   * Re-derives the view of households whose persons are missing or differ from the
   * projection (a change hook that failed after the projection was written). Reads the
   * projection in pages of RECONCILE_PAGE households and their persons in one read per page;
   * the households that differ are written together.
   */
  async reconcile(): Promise<{ households: number; resynced: number }> {
    let households = 0;
    let resynced = 0;
    const cursor = this.deps.households
      .find(REGISTERED_HOUSEHOLDS)
      .lean<ProjectedHousehold[]>()
      .cursor();
    let page: ProjectedHousehold[] = [];
    const flush = async () => {
      households += page.length;
      resynced += await this.resyncDiffering(page);
      page = [];
    };
    for await (const h of cursor) {
      page.push(h);
      if (page.length >= RECONCILE_PAGE) await flush();
    }
    await flush();
    return { households, resynced };
  }

  /** The households of a page whose stored persons differ from the projection, re-derived. */
  private async resyncDiffering(page: ProjectedHousehold[]): Promise<number> {
    if (!page.length) return 0;
    const stored = new Map(
      (
        await this.deps.persons.find(
          PROJECTION,
          { householdId: { $in: page.map((h) => h._id) } },
          { projection: { outbox: 0, insurance: 0 } },
        )
      ).map((x) => [x._id, x]),
    );
    const differing = page.filter((h) =>
      h.members.some((m) => {
        const x = stored.get(m.id);
        if (!x) return true;
        return Object.entries(personFacts(h, m)).some(
          ([k, v]) => !sameFact(x[k as keyof Person], v),
        );
      }),
    );
    if (!differing.length) return 0;
    // The stored views are older than the projection: write them whatever their seq.
    await this.deps.persons.updateMany(
      PROJECTION,
      { householdId: { $in: differing.map((h) => h._id) } },
      { $set: { householdSeq: 0 } },
    );
    await this.syncHouseholds(differing.map((h) => ({ h })));
    return differing.length;
  }

  private filterOf(f: PersonFilter): Filter {
    const and: Filter[] = [];
    if (f.q) and.push({ name: { $regex: `^${escapeRegex(f.q)}` } });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.householdId) and.push({ householdId: f.householdId });
    if (f.registered !== undefined) and.push({ registered: f.registered });
    if (f.inSchool !== undefined) and.push({ inSchool: f.inSchool });
    if (f.id) and.push({ _id: { $in: f.id } });
    return allOf(...and);
  }

  async list(p: Principal, q: ListQuery<PersonFilter>) {
    const { items, total } = await this.deps.persons.page(p, this.filterOf(q.filter), q);
    return { items: items.map((x) => this.view(p, x)), total };
  }

  async get(p: Principal, id: string): Promise<PersonView> {
    return this.view(p, await this.load(p, id));
  }

  /** A person of the caller's area (404 when missing, 403 when another area's). */
  load(p: Principal, id: string): Promise<Person> {
    return this.deps.persons.getForChange(p, id, PERSON);
  }

  /** A person support can be recorded for: in the caller's area and on the register now. */
  async loadRegistered(p: Principal, id: string, field = 'personId'): Promise<Person> {
    const person = await this.load(p, id);
    if (!person.registered) {
      throw unprocessable(
        'SUPPORT_PERSON_NOT_REGISTERED',
        bi(
          '该人员目前不是建档立卡户的在册成员',
          'The person is not a current member of a registered household',
        ),
        [{ field, code: 'not_registered', message: bi('不是在册人员', 'not on the register') }],
      );
    }
    return person;
  }

  /**
   * Registered people by keyed hash of their ID number (one active membership per person),
   * each under every hash it is known by: the registry's `idHash` and, during an HMAC rotation
   * window, its `idHashes`. The caller asks with the hashes under every key it holds. Two
   * reads, each an `$in` on one indexed field (SecantusDB scans for an `$or` of the two or
   * for `registered` beside either); `registered` is checked here.
   */
  async registeredByHash(hashes: string[]): Promise<Map<string, Person>> {
    const out = new Map<string, Person>();
    if (hashes.length === 0) return out;
    const unique = [...new Set(hashes)];
    const reads = await Promise.all(
      (['idHash', 'idHashes'] as const).map((field) =>
        this.deps.persons.find(
          DEPARTMENT_LIST,
          { [field]: { $in: unique } },
          { projection: { outbox: 0 } },
        ),
      ),
    );
    for (const x of reads.flat()) {
      if (!x.registered) continue;
      for (const h of [x.idHash, ...(x.idHashes ?? [])]) if (!out.has(h)) out.set(h, x);
    }
    return out;
  }

  view(p: Principal, x: Person): PersonView {
    const {
      _id,
      idHash: _h,
      idHashes: _hs,
      outbox: _o,
      hasOutbox: _ho,
      outboxLease: _ol,
      insurance,
      householdSeq: _s,
      ...rest
    } = x;
    // Health facts belong to the health half: education staff see who the child is, not this.
    if (!seesArea(p, 'health')) return { id: _id, ...rest, health: null };
    return { id: _id, ...rest, insurance };
  }
}

/** What the person view of a member says, derived from its projected household. */
function personFacts(h: ProjectedHousehold, m: ProjectedMember) {
  const registeredHousehold = h.revision > 0 && REGISTERED_HOUSEHOLD_STATUSES.includes(h.status);
  return {
    _id: m.id,
    idHash: m.idHash,
    idHashes: m.idHashes?.length ? m.idHashes : undefined,
    name: m.name,
    sex: m.sex,
    birthDate: m.birthDate,
    relation: m.relation,
    householdId: h._id,
    householdNo: h.householdNo,
    householdStatus: h.revision > 0 ? h.status : 'unknown',
    areaCode: h.areaCode,
    townshipCode: townshipOf(h.areaCode) ?? h.areaCode,
    memberStatus: m.status,
    registered: registeredHousehold && m.status === 'active',
    inSchool: m.inSchool,
    schoolStage: m.schoolStage,
    health: m.health,
    registryMedicalInsurance: m.medicalInsurance,
    registryPensionInsurance: m.pensionInsurance,
  };
}

/** Whether a stored fact is the derived one (the window's hashes compared as lists). */
function sameFact(stored: unknown, fact: unknown): boolean {
  if (Array.isArray(stored) || Array.isArray(fact))
    return JSON.stringify(stored ?? null) === JSON.stringify(fact ?? null);
  return stored === fact;
}

/** Member ids whose person view a projection change touches. */
function changedMembers(
  before: ProjectedHousehold | null,
  after: ProjectedHousehold,
): Set<string> | undefined {
  if (
    !before ||
    before.revision !== after.revision ||
    before.status !== after.status ||
    before.areaCode !== after.areaCode ||
    before.householdNo !== after.householdNo
  )
    return undefined;
  const old = new Map(before.members.map((m) => [m.id, JSON.stringify({ ...m, at: undefined })]));
  return new Set(
    after.members
      .filter((m) => old.get(m.id) !== JSON.stringify({ ...m, at: undefined }))
      .map((m) => m.id),
  );
}

/** The members whose keyed hash a batch changed (the registry rehashed them), each once. */
export function rehashedPeople(changes: ProjectionChange[]): Rehashed[] {
  const out = new Map<string, Rehashed>();
  for (const c of changes) {
    const before = new Map((c.before?.members ?? []).map((m) => [m.id, m.idHash]));
    for (const m of c.after.members) {
      const was = before.get(m.id);
      if (was !== undefined && was !== m.idHash)
        out.set(m.id, { personId: m.id, householdId: c.householdId, idHash: m.idHash });
    }
  }
  return [...out.values()];
}

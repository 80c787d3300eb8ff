import { randomUUID } from 'node:crypto';
import {
  allOf,
  bi,
  escapeRegex,
  type Filter,
  type ListQuery,
  type Principal,
  type ScopedRepository,
  READ_IN_SCOPE,
} from '@fupin/kit';
import { staleRevision } from '../http';
import { linkOf } from '../people/person-link';
import type { PersonService } from '../people/person.service';
import type { ChronicCareContract, SeriousIllnessCase } from './health.model';

export interface ContractInput {
  personId: string;
  disease: string;
  doctor: string;
  team?: string | null | undefined;
  signedOn: string;
  validUntil?: string | null | undefined;
}

export interface ContractPatch {
  disease?: string | undefined;
  doctor?: string | undefined;
  team?: string | null | undefined;
  validUntil?: string | null | undefined;
  /** Ends the contract on that day. */
  endedOn?: string | undefined;
}

export interface IllnessInput {
  personId: string;
  disease: string;
  hospital?: string | null | undefined;
  diagnosedOn?: string | null | undefined;
  includedOn: string;
  note?: string | null | undefined;
}

export interface IllnessPatch {
  disease?: string | undefined;
  hospital?: string | null | undefined;
  note?: string | null | undefined;
  closedOn?: string | undefined;
}

export interface CareFilter {
  status?: string;
  townshipCode?: string;
  areaCode?: string;
  personId?: string;
  disease?: string;
  q?: string;
}

type WithId<T> = Omit<T, '_id' | 'idHash'> & { id: string };
const view = <T extends { _id: string; idHash: string }>({ _id, idHash: _h, ...rest }: T) =>
  ({ id: _id, ...rest }) as unknown as WithId<T>;

const CONTRACT = {
  what: bi('慢病签约', 'Chronic-care contract'),
  code: 'SUPPORT_CONTRACT_NOT_FOUND',
};
const ILLNESS = {
  what: bi('大病救助对象', 'Serious-illness relief case'),
  code: 'SUPPORT_ILLNESS_CASE_NOT_FOUND',
};

/** 慢病签约服务 and 大病救助 — the family-doctor contracts and the serious-illness relief list. */
export class CareService {
  constructor(
    private readonly deps: {
      contracts: ScopedRepository<ChronicCareContract>;
      illnesses: ScopedRepository<SeriousIllnessCase>;
      people: PersonService;
      now: () => Date;
    },
  ) {}

  async signContract(p: Principal, input: ContractInput) {
    const person = await this.deps.people.loadRegistered(p, input.personId);
    const now = this.deps.now();
    const doc: ChronicCareContract = {
      _id: randomUUID(),
      ...linkOf(person),
      disease: input.disease,
      doctor: input.doctor,
      team: input.team ?? null,
      signedOn: input.signedOn,
      validUntil: input.validUntil ?? null,
      status: 'active',
      endedOn: null,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await this.deps.contracts.create(p, doc);
    return view(doc);
  }

  async updateContract(p: Principal, id: string, patch: ContractPatch, revision?: number) {
    const x = await this.deps.contracts.getForChange(p, id, CONTRACT);
    if (revision !== undefined && revision !== x.revision) throw staleRevision();
    const { endedOn, ...rest } = patch;
    const set: Record<string, unknown> = { ...rest, updatedAt: this.deps.now() };
    if (endedOn) Object.assign(set, { endedOn, status: 'ended' });
    const res = await this.deps.contracts.findOneAndUpdate(
      READ_IN_SCOPE,
      { _id: id, revision: x.revision },
      { $set: set, $inc: { revision: 1 } },
    );
    if (!res) throw staleRevision();
    return view(res);
  }

  async includeIllness(p: Principal, input: IllnessInput) {
    const person = await this.deps.people.loadRegistered(p, input.personId);
    const now = this.deps.now();
    const doc: SeriousIllnessCase = {
      _id: randomUUID(),
      ...linkOf(person),
      disease: input.disease,
      hospital: input.hospital ?? null,
      diagnosedOn: input.diagnosedOn ?? null,
      includedOn: input.includedOn,
      status: 'active',
      closedOn: null,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
      revision: 1,
    };
    await this.deps.illnesses.create(p, doc);
    return view(doc);
  }

  async updateIllness(p: Principal, id: string, patch: IllnessPatch, revision?: number) {
    const x = await this.deps.illnesses.getForChange(p, id, ILLNESS);
    if (revision !== undefined && revision !== x.revision) throw staleRevision();
    const { closedOn, ...rest } = patch;
    const set: Record<string, unknown> = { ...rest, updatedAt: this.deps.now() };
    if (closedOn) Object.assign(set, { closedOn, status: 'closed' });
    const res = await this.deps.illnesses.findOneAndUpdate(
      READ_IN_SCOPE,
      { _id: id, revision: x.revision },
      { $set: set, $inc: { revision: 1 } },
    );
    if (!res) throw staleRevision();
    return view(res);
  }

  /** Read by id: 404 when missing, 403 when another area's. */
  async getContract(p: Principal, id: string) {
    return view(await this.deps.contracts.getForChange(p, id, CONTRACT));
  }

  async getIllness(p: Principal, id: string) {
    return view(await this.deps.illnesses.getForChange(p, id, ILLNESS));
  }

  private filterOf(f: CareFilter): Filter {
    const and: Filter[] = [];
    if (f.status) and.push({ status: f.status });
    if (f.townshipCode) and.push({ townshipCode: f.townshipCode });
    if (f.areaCode) and.push({ areaCode: f.areaCode });
    if (f.personId) and.push({ personId: f.personId });
    if (f.disease) and.push({ disease: f.disease });
    if (f.q) and.push({ name: { $regex: `^${escapeRegex(f.q)}` } });
    return allOf(...and);
  }

  async listContracts(p: Principal, q: ListQuery<CareFilter>) {
    const { items, total } = await this.deps.contracts.page(p, this.filterOf(q.filter), q);
    return { items: items.map(view), total };
  }

  async listIllnesses(p: Principal, q: ListQuery<CareFilter>) {
    const { items, total } = await this.deps.illnesses.page(p, this.filterOf(q.filter), q);
    return { items: items.map(view), total };
  }

  /** Active contracts and relief cases in the caller's area, for the statistics. */
  async counts(p: Principal) {
    const active = { status: 'active' };
    const [chronicCareContracts, seriousIllnessCases] = await Promise.all([
      this.deps.contracts.count(p, active),
      this.deps.illnesses.count(p, active),
    ]);
    return { chronicCareContracts, seriousIllnessCases };
  }
}

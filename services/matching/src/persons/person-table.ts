import type { Membership } from './person-index.model';

/** A person of the index, held in memory for one matching run. */
export interface Person {
  /**
   * hex HMAC-SHA256 of the ID number: during an HMAC key rotation window the hash the
   * registry's events name as current, else the one the person is indexed under.
   */
  idHash: string;
  /** Every hash the person is indexed under (more than one during a rotation window). */
  idHashes: string[];
  memberships: Membership[];
  /** Bit per list type: the person appeared on a list of that type in this run. */
  seen: number;
}

const keyOf = (idHash: string) => Buffer.from(idHash, 'hex').toString('latin1');
const membershipKey = (m: Membership) => `${m.householdId}\u0000${m.memberId}`;

/**
 * The person index of one run, in memory: a hash map from the 32 raw bytes of the keyed hash
 * (as a latin1 string, half the size of hex) to the person, so a department row is matched
 * by one lookup. Built fresh for each run from the stored index; nothing else shares it.
 *
 * During an HMAC key rotation window a person is kept under the hash of each key: every one
 * of those hashes leads to the same Person, whose memberships are counted once, so a row
 * hashed under either key finds them and no check sees them twice.
 */
export class PersonTable {
  private readonly byKey = new Map<string, Person>();
  private readonly all = new Set<Person>();

  /** The memberships kept at one hash path of the stored index. */
  add(idHash: string, memberships: Membership[]): void {
    if (memberships.length === 0) return;
    if (!memberships.some((m) => m.idHashes) && !this.byKey.has(keyOf(idHash))) {
      // Outside a rotation window: one path, one person (the load's hot path).
      const p: Person = { idHash, idHashes: [idHash], memberships, seen: 0 };
      this.all.add(p);
      this.byKey.set(keyOf(idHash), p);
      return;
    }
    const hashes = new Set([idHash]);
    for (const m of memberships) for (const h of m.idHashes ?? []) hashes.add(h);
    const found = new Set<Person>();
    for (const h of hashes) {
      const p = this.byKey.get(keyOf(h));
      if (p) found.add(p);
    }
    const [person, ...others] = found.size ? [...found] : [this.create(idHash)];
    for (const other of others) this.merge(person!, other);
    for (const m of memberships) this.addMembership(person!, m);
    for (const h of hashes) this.addHash(person!, h);
    // The registry's current hash names the person (the window's events list it first).
    const current = memberships.find((m) => (m.idHashes?.length ?? 0) > 1)?.idHashes?.[0];
    if (current) person!.idHash = current;
  }

  /** The person whose hash is these 32 bytes (latin1), if the registry knows them. */
  get(key: string): Person | undefined {
    return this.byKey.get(key);
  }

  /** How many people (not hashes). */
  get size(): number {
    return this.all.size;
  }

  /** Each person once, whatever the number of hashes they are kept under. */
  people(): IterableIterator<Person> {
    return this.all.values();
  }

  private create(idHash: string): Person {
    const p: Person = { idHash, idHashes: [], memberships: [], seen: 0 };
    this.all.add(p);
    return p;
  }

  private addHash(p: Person, idHash: string): void {
    if (!p.idHashes.includes(idHash)) p.idHashes.push(idHash);
    this.byKey.set(keyOf(idHash), p);
  }

  private addMembership(p: Person, m: Membership): void {
    const key = membershipKey(m);
    if (!p.memberships.some((x) => membershipKey(x) === key)) p.memberships.push(m);
  }

  /** Two paths met as one person (a membership names both hashes): one Person from now on. */
  private merge(into: Person, other: Person): void {
    for (const m of other.memberships) this.addMembership(into, m);
    for (const h of other.idHashes) this.addHash(into, h);
    into.seen |= other.seen;
    this.all.delete(other);
  }
}

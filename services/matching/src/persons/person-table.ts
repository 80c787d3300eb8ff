import type { Membership } from './person-index.model';

/** A person of the index, held in memory for one matching run. */
export interface Person {
  /** hex HMAC-SHA256 of the ID number. */
  idHash: string;
  memberships: Membership[];
  /** Bit per list type: the person appeared on a list of that type in this run. */
  seen: number;
}

/**
 * The person index of one run, in memory: a hash map from the 32 raw bytes of the keyed hash
 * (as a latin1 string, half the size of hex) to the person, so a department row is matched
 * by one lookup. Built fresh for each run from the stored index; nothing else shares it.
 */
export class PersonTable {
  private readonly byKey = new Map<string, Person>();

  add(idHash: string, memberships: Membership[]): void {
    if (memberships.length === 0) return;
    this.byKey.set(Buffer.from(idHash, 'hex').toString('latin1'), {
      idHash,
      memberships,
      seen: 0,
    });
  }

  /** The person whose hash is these 32 bytes (latin1), if the registry knows them. */
  get(key: string): Person | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.byKey.size;
  }

  people(): IterableIterator<Person> {
    return this.byKey.values();
  }
}

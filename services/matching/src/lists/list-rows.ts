/**
 * The stored form of a department list's rows: never the ID number, only its keyed hash,
 * what the number itself encodes (birth date, sex: for the in-registry checks), the masked
 * number and the row's other cells (masked where they look like personal data) as evidence.
 *
 * Rows are packed into binary segments so a run reads millions of them as a few hundred
 * documents, and looks at the hash first: the rest of a row is decoded only when it matters.
 *
 *   32 bytes  HMAC-SHA256 of the normalised ID number
 *   4 bytes   row number (as the user sees it)
 *   1 byte    flags: 1 the number fails GB 11643, 2 sex known, 4 male
 *   8 bytes   birth date the number encodes, `YYYYMMDD` (zeros when unknown)
 *   2 bytes   payload length
 *   payload   UTF-8: masked number, fact, then the evidence cells, separated by U+001F
 */
export interface ListRow {
  hash: Buffer;
  row: number;
  invalid: boolean;
  sex: 'male' | 'female' | null;
  /** `YYYY-MM-DD`, or null. */
  birthDate: string | null;
  masked: string;
  fact: string;
  values: string[];
}

const HEADER = 47;
const SEP = '\u001f';
const FLAG_INVALID = 1;
const FLAG_SEX = 2;
const FLAG_MALE = 4;
const MAX_PAYLOAD = 0xffff;

/** Collects rows into segments of about `targetBytes`. */
export class SegmentWriter {
  private parts: Buffer[] = [];
  private size = 0;
  private count = 0;

  constructor(private readonly targetBytes = 4 * 1024 * 1024) {}

  push(r: ListRow): void {
    let payload = Buffer.from([r.masked, r.fact, ...r.values].join(SEP), 'utf8');
    if (payload.length > MAX_PAYLOAD) payload = payload.subarray(0, MAX_PAYLOAD);
    const head = Buffer.allocUnsafe(HEADER);
    r.hash.copy(head, 0, 0, 32);
    head.writeUInt32BE(r.row, 32);
    head[36] =
      (r.invalid ? FLAG_INVALID : 0) | (r.sex ? FLAG_SEX : 0) | (r.sex === 'male' ? FLAG_MALE : 0);
    if (r.birthDate) head.write(r.birthDate.replace(/-/g, ''), 37, 8, 'latin1');
    else head.fill(0, 37, 45);
    head.writeUInt16BE(payload.length, 45);
    this.parts.push(head, payload);
    this.size += HEADER + payload.length;
    this.count++;
  }

  get full(): boolean {
    return this.size >= this.targetBytes;
  }

  get rows(): number {
    return this.count;
  }

  /** The packed segment so far, and a fresh start. */
  take(): { data: Buffer; rows: number } {
    const out = { data: Buffer.concat(this.parts, this.size), rows: this.count };
    this.parts = [];
    this.size = 0;
    this.count = 0;
    return out;
  }
}

/**
 * Walks a segment. `key` is the hash as a latin1 string (the person table's key); the rest of
 * the row is decoded by `row()` only when asked.
 */
export class SegmentReader {
  private at = 0;
  private current = -1;

  constructor(private readonly data: Buffer) {}

  /** Moves to the next row; false at the end. */
  next(): boolean {
    if (this.current >= 0)
      this.at = this.current + HEADER + this.data.readUInt16BE(this.current + 45);
    if (this.at >= this.data.length) return false;
    this.current = this.at;
    return true;
  }

  get key(): string {
    return this.data.toString('latin1', this.current, this.current + 32);
  }

  get invalid(): boolean {
    return ((this.data[this.current + 36] ?? 0) & FLAG_INVALID) !== 0;
  }

  row(): ListRow {
    const at = this.current;
    const flags = this.data[at + 36] ?? 0;
    const birth = this.data.toString('latin1', at + 37, at + 45);
    const len = this.data.readUInt16BE(at + 45);
    const [masked = '', fact = '', ...values] = this.data
      .toString('utf8', at + HEADER, at + HEADER + len)
      .split(SEP);
    return {
      hash: Buffer.from(this.data.subarray(at, at + 32)),
      row: this.data.readUInt32BE(at + 32),
      invalid: (flags & FLAG_INVALID) !== 0,
      sex: flags & FLAG_SEX ? (flags & FLAG_MALE ? 'male' : 'female') : null,
      birthDate:
        birth.charCodeAt(0) === 0
          ? null
          : `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      masked,
      fact,
      values,
    };
  }
}

import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { BSON, type Document, type FindCursor } from 'mongodb';

const { EJSON } = BSON;

/** Canonical EJSON keeps every BSON type (ObjectId, Date, Binary, Long …) across the copy. */
const toLine = (doc: Document) => `${EJSON.stringify(doc, { relaxed: false })}\n`;

/** The running count and SHA-256 of the NDJSON lines that passed. */
export class LineDigest {
  count = 0;
  private readonly hash = createHash('sha256');
  add(line: string): void {
    this.count += 1;
    this.hash.update(line);
  }
  hex(): string {
    return this.hash.digest('hex');
  }
}

/** A cursor's documents as NDJSON lines, read batch by batch (never the collection at once). */
export function ndjsonOf(cursor: FindCursor<Document>, digest: LineDigest): Readable {
  return Readable.from(
    (async function* () {
      for await (const doc of cursor) {
        const line = toLine(doc);
        digest.add(line);
        yield line;
      }
    })(),
  );
}

/** The documents of an NDJSON stream, each line counted into `digest` as it was written. */
export async function* documentsOf(source: Readable, digest: LineDigest): AsyncGenerator<Document> {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    digest.add(`${line}\n`);
    yield EJSON.parse(line, { relaxed: false }) as Document;
  }
}

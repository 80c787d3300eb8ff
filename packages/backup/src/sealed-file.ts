import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * A backup file: a 12-byte IV, the AES-256-GCM ciphertext of the gzipped content, then the
 * 16-byte authentication tag. The tag is at the end so the file is written in one pass.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Writes `source` gzipped and encrypted to `file`; returns the bytes written. */
export async function writeSealedFile(source: Readable, file: string, key: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const out = createWriteStream(file);
  let bytes = IV_BYTES + TAG_BYTES;
  out.write(iv);
  const counted = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (out.write(chunk)) done();
      else out.once('drain', () => done());
    },
    final(done) {
      out.end(cipher.getAuthTag(), () => done());
    },
  });
  await pipeline(source, createGzip(), cipher, counted);
  await new Promise<void>((resolve, reject) =>
    out.writableFinished ? resolve() : out.once('finish', resolve).once('error', reject),
  );
  return bytes;
}

/**
 * The plain content of a sealed file, as a stream. A file changed or sealed with another key
 * makes the stream fail at its end (the tag), so a caller acts only once the stream has ended.
 */
export async function openSealedFile(file: string, key: Buffer): Promise<Readable> {
  const handle = await open(file, 'r');
  let size: number;
  const iv = Buffer.alloc(IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    size = (await handle.stat()).size;
    if (size < IV_BYTES + TAG_BYTES) throw new Error(`${file} is too short to be a backup file`);
    await handle.read(iv, 0, IV_BYTES, 0);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  const gunzip = createGunzip();
  const cipherText = createReadStream(file, { start: IV_BYTES, end: size - TAG_BYTES - 1 });
  pipeline(cipherText, decipher, gunzip).catch((err: unknown) =>
    gunzip.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return gunzip;
}

import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { backupKeyFrom } from '../src/key';
import { openSealedFile, writeSealedFile } from '../src/sealed-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'fupin-sealed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const text = Array.from({ length: 2000 }, (_, i) => `{"_id":${i},"名":"户主${i}"}\n`).join('');

test('a sealed file reads back as written with its key, and is not plain text on disk', async () => {
  const key = randomBytes(32);
  const file = path.join(dir, 'plain.enc');
  await writeSealedFile(Readable.from([text]), file, key);
  expect((await readFile(file)).includes(Buffer.from('户主1'))).toBe(false);
  expect(await readAll(await openSealedFile(file, key))).toBe(text);
});

test('a sealed file with one byte changed, or read with another key, fails instead of reading', async () => {
  const key = randomBytes(32);
  const file = path.join(dir, 'changed.enc');
  await writeSealedFile(Readable.from([text]), file, key);
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  await writeFile(file, bytes);
  await expect(readAll(await openSealedFile(file, key))).rejects.toThrow();
  const other = path.join(dir, 'other-key.enc');
  await writeSealedFile(Readable.from([text]), other, key);
  await expect(readAll(await openSealedFile(other, randomBytes(32)))).rejects.toThrow();
});

test('without BACKUP_KEY, or with one of the wrong length, nothing starts', () => {
  expect(() => backupKeyFrom({})).toThrow(/BACKUP_KEY is not set/);
  expect(() => backupKeyFrom({ BACKUP_KEY: randomBytes(16).toString('base64') })).toThrow(
    /32 bytes/,
  );
  expect(backupKeyFrom({ BACKUP_KEY: randomBytes(32).toString('base64') })).toHaveLength(32);
});

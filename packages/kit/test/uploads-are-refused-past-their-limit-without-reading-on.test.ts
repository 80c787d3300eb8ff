import { AppError, bi } from '../src/errors';
import { uploadPieces } from '../src/tables';

async function* pieces(sizes: number[], read: number[]) {
  for (const [i, n] of sizes.entries()) {
    read.push(i);
    yield i % 2 ? 'x'.repeat(n) : Buffer.alloc(n, 1);
  }
}

async function drain(sizes: number[], maxBytes: number, tooLarge?: (max: number) => AppError) {
  const read: number[] = [];
  let bytes = 0;
  try {
    for await (const b of uploadPieces(pieces(sizes, read), maxBytes, tooLarge)) bytes += b.length;
    return { bytes, read, error: null };
  } catch (err) {
    return { bytes, read, error: err as AppError };
  }
}

test('an upload of exactly the limit is read whole, strings and buffers alike', async () => {
  const r = await drain([400, 300, 324], 1024);

  expect(r).toEqual({ bytes: 1024, read: [0, 1, 2], error: null });
});

test('one byte past the limit is refused with 413 at the piece that passes it, the rest unread', async () => {
  const r = await drain([600, 425, 5000, 5000], 1024);

  expect(r.error).toBeInstanceOf(AppError);
  expect({ status: r.error!.status, code: r.error!.code, read: r.read, bytes: r.bytes }).toEqual({
    status: 413,
    code: 'IMPORT_FILE_TOO_LARGE',
    read: [0, 1],
    bytes: 600,
  });
});

test('a caller names its own refusal', async () => {
  const r = await drain(
    [2048],
    1024,
    (max) => new AppError(413, 'LIST_TOO_LARGE', bi(`超过 ${max}`, `over ${max}`)),
  );

  expect(r.error!.code).toBe('LIST_TOO_LARGE');
});

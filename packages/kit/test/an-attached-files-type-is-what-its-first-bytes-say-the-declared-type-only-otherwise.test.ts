import { sniffedContentType } from '../src';

// An attached file's type is read from its own first bytes (a photo sent as text/plain is a
// JPEG); the declared type counts only for other files, and never a JSON type.

test('the first bytes decide the type of PDFs, photos and workbooks', () => {
  const b = (s: string, ...bytes: number[]) =>
    Buffer.concat([Buffer.from(bytes), Buffer.from(s, 'latin1')]);
  expect(sniffedContentType(b('%PDF-1.7'), 'text/plain')).toBe('application/pdf');
  expect(sniffedContentType(b('', 0xff, 0xd8, 0xff), undefined)).toBe('image/jpeg');
  expect(sniffedContentType(b('PNG\r\n', 0x89), 'image/jpeg')).toBe('image/png');
  expect(sniffedContentType(b('RIFF\0\0\0\0WEBPVP8 '), undefined)).toBe('image/webp');
  expect(sniffedContentType(b('PK\u0003\u0004'), undefined)).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
});

test('other files keep a well-formed declared type, never JSON, else octet-stream', () => {
  const text = Buffer.from('备注');
  expect(sniffedContentType(text, 'text/csv')).toBe('text/csv');
  expect(sniffedContentType(text, 'application/json')).toBe('application/octet-stream');
  expect(sniffedContentType(text, 'not a type')).toBe('application/octet-stream');
  expect(sniffedContentType(text, undefined)).toBe('application/octet-stream');
});

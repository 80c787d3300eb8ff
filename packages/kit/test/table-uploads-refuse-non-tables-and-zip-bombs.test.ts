import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError, assertTableUpload, UploadEnds, uploadFileNameSchema } from '../src';

function endsOf(buf: Buffer, pieceSize = 64 * 1024): UploadEnds {
  const ends = new UploadEnds();
  for (let i = 0; i < buf.length; i += pieceSize) ends.push(buf.subarray(i, i + pieceSize));
  return ends;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'accepted';
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
}

test('a real workbook and CSV in UTF-8 or GBK pass', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户');
  for (let i = 0; i < 5000; i++) ws.addRow([`户主${i}`, i, '431121101201']);
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  expect(await assertTableUpload(endsOf(xlsx))).toBe('xlsx');
  expect(await assertTableUpload(endsOf(Buffer.from('户主,人数\n张三,3\n')))).toBe('csv');
});

test('images, PDFs, the old .xls and UTF-16 text are refused as not tables', async () => {
  const samples = [
    Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 1)]),
    Buffer.from('%PDF-1.7\n'),
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100, 1)]),
    Buffer.from('\ufeff户主,人数', 'utf16le'),
  ];
  for (const s of samples)
    expect(await codeOf(assertTableUpload(endsOf(s)))).toBe('IMPORT_FILE_TYPE');
});

test('an XLSX that unpacks to far more than it weighs is refused as a zip bomb', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(120 * 1024 * 1024, 0x20));
  const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  expect(bomb.length).toBeLessThan(1024 * 1024);
  expect(await codeOf(assertTableUpload(endsOf(bomb)))).toBe('IMPORT_FILE_ZIP_BOMB');
});

test('file names with paths or control characters are refused', () => {
  for (const bad of ['../../etc/passwd', 'a/b.xlsx', 'a\\b.xlsx', 'x\u0000.csv', ''])
    expect(uploadFileNameSchema.safeParse(bad).success).toBe(false);
  expect(uploadFileNameSchema.parse(' 2024年贫困户.xlsx ')).toBe('2024年贫困户.xlsx');
});

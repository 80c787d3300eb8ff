import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

// pdf-parse (pdfjs) loads its worker with a dynamic import, which jest's module sandbox refuses;
// a plain node process reads the text exactly as any user of the library would (pdf-parse is a
// root devDependency, resolved from the repository root).
const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const parts = [];
process.stdin.on('data', (c) => parts.push(c));
process.stdin.on('end', async () => {
  const r = await new PDFParse({ data: Buffer.concat(parts) }).getText();
  process.stdout.write(r.text);
});`;

/** The text of a PDF, as pdf-parse extracts it (for tests of printed documents). */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: ROOT, maxBuffer: 20 * 1024 * 1024 },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
    child.stdin!.end(pdf);
  });
}

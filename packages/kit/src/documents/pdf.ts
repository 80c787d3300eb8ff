import fs from 'node:fs';
import type { Response } from 'express';
// Types only: pdfkit itself is a dependency of the services that print, not of the kit, so
// each service hands its own constructor in (the import below is erased when compiled).
import type PDFKitModule from 'pdfkit';
import { AppError, bi } from '../errors';
import { attachment } from '../xlsx';

/**
 * Printable Chinese documents (公示公告, bulletins, notices): an A4 PDFKit document with a
 * CJK font registered, and a bordered table with a shaded header row.
 */

export type PdfDocument = typeof PDFKitModule;
/** The pdfkit module's default export: `import PDFDocument from 'pdfkit'`. */
export type PdfDocumentConstructor = new (options?: PDFKit.PDFDocumentOptions) => PdfDocument;

/** Debian's fonts-wqy-microhei, installed by deploy/local/up (and needed in service images). */
export const CJK_FONT_PATH = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The PostScript name of the face to take from the TrueType collection. */
export const CJK_FONT_FAMILY = 'WenQuanYiMicroHei';

export interface ChinesePdfOptions {
  title: string;
  author?: string;
  landscape?: boolean;
  fontPath?: string;
  fontFamily?: string;
  /** The creation date written into the file (tests pass a fixed clock). */
  createdAt?: Date;
}

/**
 * A new A4 document writing Chinese text, and its bytes once `doc.end()` has been called.
 * Without the font, Chinese characters would print as empty boxes, so a missing font file is
 * a clear 503 rather than an unreadable document.
 */
export function createChinesePdf(
  PDFDocument: PdfDocumentConstructor,
  opts: ChinesePdfOptions,
): { doc: PdfDocument; bytes: Promise<Buffer> } {
  const fontPath = opts.fontPath ?? CJK_FONT_PATH;
  if (!fs.existsSync(fontPath)) {
    throw new AppError(
      503,
      'PDF_FONT_MISSING',
      bi(
        `服务器缺少中文字体（${fontPath}），无法生成 PDF`,
        `The server lacks the Chinese font (${fontPath}); the PDF cannot be made`,
      ),
    );
  }
  const doc = new PDFDocument({
    size: 'A4',
    layout: opts.landscape ? 'landscape' : 'portrait',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: {
      Title: opts.title,
      ...(opts.author ? { Author: opts.author } : {}),
      ...(opts.createdAt ? { CreationDate: opts.createdAt } : {}),
    },
  });
  doc.registerFont('zh', fontPath, opts.fontFamily ?? CJK_FONT_FAMILY);
  doc.font('zh');
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

export interface PdfColumn {
  header: string;
  /** Points, or `'*'` to share the width left. */
  width: number | '*';
  align?: 'left' | 'center' | 'right';
}

/** A bordered table at the current position; rows flow onto new pages as needed. */
export function drawPdfTable(
  doc: PdfDocument,
  columns: PdfColumn[],
  rows: string[][],
  opts: { fontSize?: number } = {},
): void {
  doc.fontSize(opts.fontSize ?? 10);
  doc.table({
    columnStyles: columns.map((c) => ({
      width: c.width,
      align: { x: c.align ?? 'left', y: 'center' },
    })),
    rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#eeeeee' } : undefined),
    data: [columns.map((c) => c.header), ...rows],
  });
  doc.x = doc.page.margins.left;
}

/** Sends a finished PDF as a download; the file name may be Chinese. */
export function sendPdf(res: Response, fileName: string, bytes: Buffer): void {
  res.setHeader('Content-Disposition', attachment(fileName));
  res.type('application/pdf').send(bytes);
}

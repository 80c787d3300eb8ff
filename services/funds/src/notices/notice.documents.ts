import { createChinesePdf, drawPdfTable } from '@fupin/kit';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { chineseDate } from '../shared/calendar';
import type { Notice } from './notice.model';

/** The printable notice (A4, Chinese): title, introduction, table, period and signature. */
export async function noticePdf(n: Notice, opts: { fontPath: string }): Promise<Buffer> {
  const { doc, bytes } = createChinesePdf(PDFDocument, {
    title: n.title,
    author: n.issuer,
    fontPath: opts.fontPath,
    createdAt: n.createdAt,
  });
  doc.fontSize(18).text(n.title, { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(11);
  for (const line of n.content.intro) doc.text(line, { lineGap: 3 });
  doc.moveDown(0.6);
  drawPdfTable(doc, n.content.columns, n.content.rows);
  doc.moveDown(0.8);
  doc.fontSize(11);
  for (const line of n.content.footer) doc.text(line, { lineGap: 3 });
  doc.moveDown(1.5);
  doc.text(n.issuer, { align: 'right' });
  doc.text(chineseDate(n.startsOn), { align: 'right' });
  doc.end();
  return bytes;
}

/** The same notice as a workbook, for villages that print from Excel or post it online. */
export async function noticeXlsx(n: Notice): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = n.createdAt;
  const ws = wb.addWorksheet('公示');
  const width = n.content.columns.length;
  const line = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.font = { bold, size: bold ? 14 : 11 };
  };
  line(n.title, true);
  for (const t of n.content.intro) line(t);
  const header = ws.addRow(n.content.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const r of n.content.rows) ws.addRow(r);
  for (const t of n.content.footer) line(t);
  line(n.issuer);
  line(chineseDate(n.startsOn));
  n.content.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width === '*' ? 30 : Math.max(8, Math.round(c.width / 6));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

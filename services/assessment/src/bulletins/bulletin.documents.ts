import { createChinesePdf, drawPdfTable, type PdfColumn } from '@fupin/kit';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { ZONE } from '../scoring/period';
import { formatValue } from '../scoring/scoring.engine';
import type { Bulletin, BulletinTrack, LateTask } from './bulletin.service';
import { drawScoreChart } from './score-chart';

const generated = (b: Bulletin) => dayjs(b.generatedAt).tz(ZONE).format('YYYY年M月D日 HH:mm');

function tableOf(
  t: BulletinTrack,
  withWarnings: boolean,
): { columns: PdfColumn[]; rows: string[][] } {
  const columns: PdfColumn[] = [
    { header: '排名', width: 34, align: 'center' },
    { header: t.kind === 'township' ? '乡镇' : '部门', width: 80 },
    { header: '得分', width: 44, align: 'right' },
    ...t.indicators.map((i) => ({
      header: i.label.zh,
      width: '*' as const,
      align: 'right' as const,
    })),
    ...(withWarnings
      ? [
          { header: '预黄牌', width: 40, align: 'center' as const },
          { header: '问责', width: 34, align: 'center' as const },
        ]
      : []),
  ];
  const rows = t.rows.map((r) => [
    String(r.rank),
    r.name,
    (r.scoreCenti / 100).toFixed(2),
    ...t.indicators.map((i) => formatValue(r.values[i.code] ?? null, i.valueKind).zh),
    ...(withWarnings ? [r.yellowCard ? '是' : '', r.accountability ? '是' : ''] : []),
  ]);
  return { columns, rows };
}

const LATE_TASK_COLUMNS: PdfColumn[] = [
  { header: '任务编号', width: 60 },
  { header: '工作任务', width: '*' },
  { header: '责任单位', width: 90 },
  { header: '完成时限', width: 70 },
  { header: '进度', width: 40, align: 'right' },
  { header: '状态', width: 60 },
  { header: '原因', width: 200 },
];

const lateTaskCells = (t: LateTask) => [
  t.code,
  t.title,
  t.ownerUnit,
  t.dueOn,
  `${t.progressPercent}%`,
  t.state,
  t.reasons,
];

/** The bulletin as an A4 landscape PDF: title, for each track a score chart and a table, notes. */
export async function bulletinPdf(b: Bulletin): Promise<Buffer> {
  const { doc, bytes } = createChinesePdf(PDFDocument, {
    title: b.title,
    author: '县扶贫开发领导小组办公室',
    landscape: true,
    createdAt: b.generatedAt,
  });
  doc.fontSize(18).text(b.title, { align: 'center' });
  doc.moveDown(0.3);
  doc.fontSize(10).fillColor('#444444').text(b.subtitle, { align: 'center' });
  doc.fillColor('#000000').moveDown(0.8);
  for (const t of b.tracks) {
    doc.fontSize(13).text(t.title);
    doc.moveDown(0.4);
    drawScoreChart(
      doc,
      t.rows.map((r) => ({
        name: r.name,
        scoreCenti: r.scoreCenti,
        yellowCard: r.yellowCard,
        accountability: r.accountability,
      })),
      `${t.title}得分（满分 100）`,
    );
    doc.moveDown(0.6);
    const { columns, rows } = tableOf(t, b.kind === 'quarterly');
    drawPdfTable(doc, columns, rows, { fontSize: 8 });
    doc.moveDown(1);
  }
  if (b.lateTasks?.length) {
    doc.fontSize(13).text('倒排工期逾期和临期任务');
    doc.moveDown(0.4);
    drawPdfTable(doc, LATE_TASK_COLUMNS, b.lateTasks.map(lateTaskCells), { fontSize: 8 });
    doc.moveDown(1);
  }
  doc.fontSize(10);
  for (const n of b.notes) doc.text(n, { lineGap: 2 });
  doc.moveDown(1);
  doc.text(`县扶贫开发领导小组办公室\u3000${generated(b)} 生成`, { align: 'right' });
  doc.end();
  return bytes;
}

/** The same bulletin as a workbook: a sheet per track (scores shown as data bars), and the notes. */
export async function bulletinXlsx(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = b.generatedAt;
  for (const t of b.tracks) {
    const ws = wb.addWorksheet(t.title.slice(0, 31));
    const { columns, rows } = tableOf(t, b.kind === 'quarterly');
    const title = ws.addRow([b.title]);
    ws.mergeCells(title.number, 1, title.number, columns.length);
    title.font = { bold: true, size: 14 };
    const sub = ws.addRow([`${b.subtitle}\u3000${t.title}`]);
    ws.mergeCells(sub.number, 1, sub.number, columns.length);
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    for (const [i, r] of rows.entries()) {
      const row = t.rows[i]!;
      // The score as a number, so the sheet can sort and chart it.
      ws.addRow([row.rank, r[1], row.scoreCenti / 100, ...r.slice(3)]);
    }
    ws.getColumn(3).numFmt = '0.00';
    if (rows.length)
      ws.addConditionalFormatting({
        ref: `C${header.number + 1}:C${header.number + rows.length}`,
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            minLength: 0,
            maxLength: 100,
            cfvo: [
              { type: 'num', value: 0 },
              { type: 'num', value: 100 },
            ],
            color: { argb: 'FF3B6FB6' },
            gradient: false,
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = i === 1 ? 16 : Math.max(8, [...c.header].length * 2 + 2);
    });
  }
  if (b.lateTasks?.length) {
    const ws = wb.addWorksheet('倒排工期逾期和临期任务');
    ws.addRow(LATE_TASK_COLUMNS.map((c) => c.header)).font = { bold: true };
    for (const t of b.lateTasks) ws.addRow(lateTaskCells(t));
    ws.columns.forEach((c) => (c.width = 16));
  }
  const notes = wb.addWorksheet('说明');
  notes.addRow([b.title]).font = { bold: true };
  notes.addRow([b.subtitle]);
  for (const n of b.notes) notes.addRow([n]);
  notes.addRow([`${generated(b)} 生成`]);
  notes.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

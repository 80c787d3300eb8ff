import type { PdfDocument } from '@fupin/kit';

export interface ChartBar {
  name: string;
  scoreCenti: number;
  yellowCard: boolean;
  accountability: boolean;
}

const COLORS = {
  normal: '#3b6fb6',
  yellow: '#e0a800',
  accountability: '#c0392b',
  axis: '#555555',
  grid: '#dddddd',
};
const BAR = 14;
const GAP = 6;

/**
 * 得分图 — a horizontal bar chart of the units' scores drawn with PDF vector graphics (no
 * image): one bar per unit on a 0–100 axis, yellow-card bars in amber, accountability in red.
 */
export function drawScoreChart(doc: PdfDocument, bars: ChartBar[], title: string): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const labelWidth = 110;
  const plotWidth = width - labelWidth - 50;
  const height = 24 + bars.length * (BAR + GAP) + 34;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.fontSize(11).fillColor('#000000').text(title, left, top);
  const plotTop = top + 20;
  const x0 = left + labelWidth;
  const plotBottom = plotTop + bars.length * (BAR + GAP);

  // Grid lines and the axis every 20 points.
  doc.fontSize(8);
  for (let v = 0; v <= 100; v += 20) {
    const x = x0 + (plotWidth * v) / 100;
    doc
      .moveTo(x, plotTop)
      .lineTo(x, plotBottom)
      .lineWidth(0.5)
      .strokeColor(v === 0 ? COLORS.axis : COLORS.grid)
      .stroke();
    doc
      .fillColor(COLORS.axis)
      .text(String(v), x - 10, plotBottom + 3, { width: 20, align: 'center' });
  }
  bars.forEach((b, i) => {
    const y = plotTop + i * (BAR + GAP) + GAP / 2;
    const w = Math.max((plotWidth * b.scoreCenti) / 10_000, 0.5);
    const color = b.accountability
      ? COLORS.accountability
      : b.yellowCard
        ? COLORS.yellow
        : COLORS.normal;
    doc
      .fontSize(9)
      .fillColor('#000000')
      .text(b.name, left, y + 2, {
        width: labelWidth - 6,
        align: 'right',
        lineBreak: false,
        ellipsis: true,
      });
    doc.rect(x0, y, w, BAR).fill(color);
    doc
      .fontSize(8)
      .fillColor('#000000')
      .text((b.scoreCenti / 100).toFixed(2), x0 + w + 4, y + 3, { lineBreak: false });
  });
  // Legend.
  const ly = plotBottom + 16;
  let lx = x0;
  for (const [label, color] of [
    ['得分', COLORS.normal],
    ['预黄牌', COLORS.yellow],
    ['问责', COLORS.accountability],
  ] as const) {
    doc.rect(lx, ly, 10, 8).fill(color);
    doc
      .fontSize(8)
      .fillColor('#000000')
      .text(label, lx + 13, ly, { lineBreak: false });
    lx += 60;
  }
  doc.fillColor('#000000').strokeColor('#000000');
  doc.x = left;
  doc.y = top + height;
}

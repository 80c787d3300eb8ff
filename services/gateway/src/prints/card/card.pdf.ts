import { createChinesePdf, type PdfDocument } from '@fupin/kit';
import { fenToYuanString, shanghaiDateOf } from '@fupin/reference';
import PDFDocument from 'pdfkit';
import { behindNotes } from '../print.notes';
import type { PrintRenderer } from '../print.types';
import { type CardItem, type PolicyCard, policyCard } from './card.content';

// 明白卡 drawn on one A4 page, whatever the household's benefits: every line is placed at a
// computed position and cut to its width, so nothing flows onto a second page; a long list is
// printed smaller, and past the smallest size cut with "另有 N 项".

const STATUS: Record<CardItem['status'], string> = {
  paid: '已兑现',
  granted: '已发放',
  recorded: '待兑现',
};

/** Font sizes the benefit list may be printed in, largest first. */
const LIST_SIZES = [10.5, 9.5, 8.5, 7.5, 6.5] as const;
const SMALLEST = 6.5;
const rowHeight = (size: number) => Math.ceil(size * 1.45);

const yuan = (fen: number) => `${fenToYuanString(fen)}`;

/** The text cut to fit the width at the current font size, with an ellipsis when cut. */
function fit(doc: PdfDocument, text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (doc.widthOfString(flat) <= width) return flat;
  let n = flat.length;
  while (n > 0 && doc.widthOfString(`${flat.slice(0, n)}…`) > width) n -= 1;
  return `${flat.slice(0, n)}…`;
}

/** One line of text at (x, y), never wrapped, never past `width`. */
function line(
  doc: PdfDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: { size: number; align?: 'left' | 'center' | 'right' },
): void {
  doc.fontSize(opts.size);
  doc.text(fit(doc, text, width), x, y, {
    width,
    align: opts.align ?? 'left',
    lineBreak: false,
  });
}

/** A line of the benefit table: an item, a kind's subtotal, or what was left out. */
type ListLine = { cells: [string, string, string, string]; shade?: boolean };

function itemCells(title: string, first: boolean, i: CardItem): ListLine['cells'] {
  const amount = i.counted ? yuan(i.amountFen) : `（${yuan(i.amountFen)}）`;
  return [first ? title : '', i.label, STATUS[i.status], amount];
}

/** The table's lines at full length: each kind's items, then its subtotal when it has several. */
function fullLines(card: PolicyCard): ListLine[] {
  return card.groups.flatMap((g) => [
    ...g.items.map((i, n) => ({ cells: itemCells(g.title, n === 0, i) })),
    ...(g.items.length > 1
      ? [
          {
            cells: ['', `${g.title}小计（${g.items.length}项）`, '', yuan(g.amountFen)],
            shade: true,
          },
        ]
      : []),
  ]) as ListLine[];
}

/**
 * The lines that fit `capacity`: the same number of items of each kind, as many as fit, each
 * kind cut with one line saying how many more it has and their amount — so every kind the
 * household benefits from stays on the card, however long one of them is.
 */
function cutLines(card: PolicyCard, capacity: number): ListLine[] {
  const linesFor = (k: number) =>
    card.groups.reduce((s, g) => s + Math.min(k, g.items.length) + (g.items.length > k ? 1 : 0), 0);
  let k = Math.max(0, ...card.groups.map((g) => g.items.length));
  while (k > 0 && linesFor(k) > capacity) k -= 1;
  const lines = card.groups.flatMap((g): ListLine[] => {
    const shown = g.items.slice(0, k);
    const rest = g.items.slice(k);
    const restFen = rest.reduce((s, i) => s + (i.counted ? i.amountFen : 0), 0);
    // Measures paid by a project: their amount in brackets, as each of them is listed.
    const restShown = rest.every((i) => !i.counted)
      ? `（${yuan(rest.reduce((s, i) => s + i.amountFen, 0))}）`
      : yuan(restFen);
    return [
      ...shown.map((i, n) => ({ cells: itemCells(g.title, n === 0, i) })),
      ...(rest.length
        ? [
            {
              cells: [
                shown.length ? '' : g.title,
                `另有 ${rest.length} 项，详见受益底册`,
                '',
                restShown,
              ] as ListLine['cells'],
              shade: true,
            },
          ]
        : []),
    ];
  });
  // More kinds than lines (never seen): the page still holds.
  return lines.slice(0, capacity);
}

/**
 * The lines and font size that fit the height: the largest size that holds them all; else
 * without the subtotals; else cut at the smallest size.
 */
export function listLayout(
  card: PolicyCard,
  height: number,
): { size: number; lines: ListLine[]; cut: boolean } {
  const all = fullLines(card);
  const items = all.filter((l) => !l.shade);
  for (const lines of [all, items])
    for (const size of LIST_SIZES) {
      // One row for the header.
      if ((lines.length + 1) * rowHeight(size) <= height) return { size, lines, cut: false };
    }
  const capacity = Math.floor(height / rowHeight(SMALLEST)) - 1;
  return { size: SMALLEST, lines: cutLines(card, capacity), cut: true };
}

const COLUMNS = [72, 0, 50, 84] as const;

function drawTable(
  doc: PdfDocument,
  x: number,
  y: number,
  width: number,
  layout: { size: number; lines: ListLine[] },
): number {
  const h = rowHeight(layout.size);
  const widths = COLUMNS.map((w) => (w === 0 ? width - 72 - 50 - 84 : w));
  const rows: ListLine[] = [{ cells: ['类别', '政策项目', '状态', '金额（元）'], shade: true }];
  rows.push(...layout.lines);
  rows.forEach((r, n) => {
    const top = y + n * h;
    if (r.shade) doc.rect(x, top, width, h).fill('#eeeeee').fillColor('black');
    let left = x;
    r.cells.forEach((c, k) => {
      const w = widths[k]!;
      line(doc, c, left + 3, top + (h - layout.size) / 2 - 1, w - 6, {
        size: layout.size,
        align: k === 3 ? 'right' : k === 2 ? 'center' : 'left',
      });
      left += w;
    });
    doc
      .moveTo(x, top + h)
      .lineTo(x + width, top + h)
      .lineWidth(0.5)
      .stroke();
  });
  const bottom = y + rows.length * h;
  doc
    .rect(x, y, width, bottom - y)
    .lineWidth(0.8)
    .stroke();
  return bottom;
}

/** The height of the part below the list: total, notes, helpers, complaint lines and footer. */
const bottomHeight = (card: PolicyCard) =>
  30 + Math.min(card.leftOut.length, 3) * 12 + 27 + Math.max(1, card.helpers.length) * 17 + 80;

/**
 * Draws one household's 明白卡 on the document's current page, which it fills (A4, the kit's
 * margins) and never leaves: a whole village's file calls it once a household, adding a page
 * before every household but the first.
 */
export function renderCard(doc: PdfDocument, card: PolicyCard): void {
  const m = doc.page.margins;
  const x = m.left;
  const width = doc.page.width - m.left - m.right;
  const bottom = doc.page.height - m.bottom;
  doc.font('zh').fillColor('black');
  let y = m.top;
  line(doc, '精准扶贫政策明白卡', x, y, width, { size: 20, align: 'center' });
  y += 28;
  line(doc, `${card.year}年度`, x, y, width, { size: 11, align: 'center' });
  y += 20;
  line(doc, `户号：${card.householdNo}`, x, y, width / 2, { size: 11 });
  line(doc, `户主：${card.headName}`, x + width / 2, y, width / 2, { size: 11 });
  y += 18;
  line(doc, `所在村：${card.placeName}`, x, y, width, { size: 11 });
  y += 18;
  if (card.address) {
    line(doc, `住址：${card.address}`, x, y, width, { size: 11 });
    y += 18;
  }
  y += 4;
  line(doc, `享受政策（${card.year}年）`, x, y, width, { size: 12 });
  y += 18;
  const listBottom = bottom - bottomHeight(card);
  if (card.noBenefits) {
    line(doc, card.noBenefits, x, y + 4, width, { size: 11 });
    y += 26;
  } else {
    y = drawTable(doc, x, y, width, listLayout(card, listBottom - y));
  }
  y = Math.max(y + 8, listBottom + 8);
  drawBottom(doc, card, x, y, width, bottom);
}

function drawBottom(
  doc: PdfDocument,
  card: PolicyCard,
  x: number,
  top: number,
  width: number,
  bottom: number,
): void {
  let y = top;
  const loans = card.loansFen > 0 ? `；小额信贷本金 ${yuan(card.loansFen)} 元另计` : '';
  line(
    doc,
    `合计：${yuan(card.totalFen)} 元（其中已兑现 ${yuan(card.paidFen)} 元）${loans}`,
    x,
    y,
    width,
    { size: 11 },
  );
  y += 17;
  if (card.groups.some((g) => g.items.some((i) => !i.counted)))
    line(doc, '括号内金额由项目资金支付，已计入资金拨付，不重复合计。', x, y, width, { size: 8 });
  y += 13;
  for (const note of card.leftOut.slice(0, 3)) {
    line(doc, `注：${note}`, x, y, width, { size: 8 });
    y += 12;
  }
  y += 8;
  line(doc, '帮扶责任人', x, y, width, { size: 12 });
  y += 19;
  if (card.noHelper) {
    line(doc, card.noHelper, x, y, width, { size: 11 });
    y += 17;
  }
  for (const h of card.helpers) {
    line(doc, `姓名：${h.name}`, x, y, 130, { size: 11 });
    line(doc, `单位：${h.unit}`, x + 130, y, width - 130 - 150, { size: 11 });
    line(doc, `电话：${h.phone ?? '未登记'}`, x + width - 150, y, 150, { size: 11 });
    y += 17;
  }
  const boxTop = bottom - 70;
  doc.rect(x, boxTop, width, 48).lineWidth(0.8).stroke();
  card.complaintLines.forEach((c, n) => {
    line(doc, `${c.label}：${c.number}`, x + 10, boxTop + 8 + n * 18, width - 20, { size: 11 });
  });
  line(doc, `打印日期：${card.printedOn}`, x, bottom - 14, width, { size: 8, align: 'right' });
}

/** One household's card as a PDF of one page. */
export async function cardPdf(
  card: PolicyCard,
  opts: { fontPath?: string; createdAt?: Date } = {},
): Promise<Buffer> {
  const { doc, bytes } = createChinesePdf(PDFDocument, {
    title: `明白卡-${card.householdNo}-${card.year}`,
    ...(opts.fontPath ? { fontPath: opts.fontPath } : {}),
    ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
  });
  renderCard(doc, card);
  doc.end();
  return bytes;
}

/** 明白卡 as one of the printed kinds: a village's file calls it once a household. */
export const cardRenderer: PrintRenderer = {
  title: (subject) => `明白卡-${subject}`,
  // The household and its helpers; the benefits come from the 受益底册 rows.
  parts: ['registry', 'assistance'],
  draw: (doc, h, ctx) =>
    renderCard(
      doc,
      policyCard({
        dossier: h.dossier,
        rows: h.rows,
        leftOutSources: [...(h.leftOutMessages ?? []), ...behindNotes(h)],
        year: ctx.year,
        placeName: ctx.villageName,
        printedOn: shanghaiDateOf(ctx.now),
      }),
    ),
};

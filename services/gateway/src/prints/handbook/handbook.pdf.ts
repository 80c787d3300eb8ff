import type { BenefitRow } from '@fupin/contracts';
import { drawPdfTable, type PdfDocument } from '@fupin/kit';
import {
  type EnumDefinition,
  fenToYuanString,
  Guarantee,
  HealthStatus,
  isCodeOf,
  LabourCapacity,
  MeasureCategory,
  PovertyAttribute,
  PovertyCause,
  Relation,
  Sex,
  shanghaiDateOf,
} from '@fupin/reference';
import { countsInTotals, groupByYear } from '../../ledger/ledger.assembly';
import { behindNotes } from '../print.notes';
import type { PrintContext, PrintHousehold, PrintRenderer } from '../print.types';
import {
  assistanceOf,
  currentHelpers,
  householdOf,
  type MemberFacts,
  registryOf,
} from './handbook.read';

// 扶贫手册 — the household's handbook as counties print it: a cover, then 家庭成员, 致贫原因,
// 帮扶计划与年度目标, 帮扶措施与受益, 走访记录, 收入, and the signatures. Pure drawing: what the
// dossier and the 受益底册 hold in, pages out; a part left out prints why.

const label = (e: EnumDefinition, code: string | null | undefined): string =>
  code == null ? '—' : isCodeOf(e, code) ? e[code]!.zh : code;
const yuan = (fen: number | null | undefined) => (fen == null ? '—' : `${fenToYuanString(fen)} 元`);
const dash = (s: string | null | undefined) => (s == null || s === '' ? '—' : s);

const MEASURE_STATUS: Record<string, string> = {
  planned: '计划',
  in_progress: '实施中',
  done: '已完成',
  cancelled: '已取消',
};
const SOURCE_NAME: Record<string, string> = {
  assistance: '帮扶措施',
  funds: '项目资金',
  support: '教育医疗',
};
const ROW_STATUS: Record<string, string> = {
  paid: '已发放',
  granted: '已发放（贷款）',
  recorded: '已登记',
};

function heading(doc: PdfDocument, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.6);
  doc.fontSize(13).fillColor('#000000').text(text, doc.page.margins.left);
  doc.moveDown(0.3);
}

const note = (doc: PdfDocument, text: string) =>
  doc.fontSize(10).fillColor('#555555').text(text).fillColor('#000000');

function cover(doc: PdfDocument, h: PrintHousehold, ctx: PrintContext): void {
  const facts = householdOf(h.dossier);
  const helpers = currentHelpers(h.dossier);
  const key = helpers[0];
  doc.moveDown(6);
  doc.fontSize(32).text('扶 贫 手 册', { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(14).text(`（${ctx.year}年度）`, { align: 'center' });
  doc.moveDown(5);
  const lines: [string, string][] = [
    ['户\u3000\u3000号', facts.householdNo],
    ['户主姓名', facts.headName],
    ['所在村', ctx.villageName],
    ['帮扶责任人', key ? helpers.map((x) => x.name).join('、') : '（未结对）'],
    ['帮扶单位', key ? [...new Set(helpers.map((x) => x.unit))].join('、') : '—'],
    ['年\u3000\u3000度', String(ctx.year)],
  ];
  doc.fontSize(14);
  const x = doc.page.width / 2 - 130;
  for (const [k, v] of lines) {
    doc.text(`${k}：${v}`, x, doc.y, { width: 300 });
    doc.moveDown(0.8);
  }
  doc.moveDown(6);
  doc.fontSize(10).text(`打印日期：${shanghaiDateOf(ctx.now)}`, doc.page.margins.left, doc.y, {
    align: 'center',
  });
}

function members(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '一、家庭基本情况及家庭成员');
  const r = registryOf(h.dossier);
  if (!r.ok) return void note(doc, r.why);
  const f = r.sections.household;
  doc.fontSize(10);
  doc.text(
    `户号：${f.householdNo}\u3000户主：${f.headName}\u3000人口：${f.size} 人\u3000` +
      `贫困户属性：${label(PovertyAttribute, f.attribute)}\u3000状态：${f.statusLabel['zh-CN']}`,
  );
  doc.text(
    `识别年度：${f.identificationYear ?? '—'}\u3000脱贫年度：${f.exitYear ?? '—'}\u3000` +
      `联系电话：${dash(h.clear ? h.clear.phone : f.phone)}\u3000住址：${dash(f.address)}`,
  );
  doc.moveDown(0.4);
  const clearOf = (m: MemberFacts) => h.clear?.members[m.id];
  const active = r.sections.members.items.filter((m) => m.status === 'active');
  drawPdfTable(
    doc,
    [
      { header: '姓名', width: 52 },
      { header: '与户主关系', width: 58 },
      { header: '性别', width: 30, align: 'center' },
      { header: '出生日期', width: 62 },
      { header: '身份证号', width: 112 },
      { header: '健康状况', width: 50 },
      { header: '劳动能力', width: '*' },
      { header: '联系电话', width: 72 },
    ],
    active.map((m) => [
      m.name,
      label(Relation, m.relation),
      label(Sex, m.sex),
      m.birthDate,
      clearOf(m)?.idNumber ?? m.idNumber,
      label(HealthStatus, m.health),
      label(LabourCapacity, m.labourCapacity),
      dash(clearOf(m) ? clearOf(m)!.phone : m.phone),
    ]),
    { fontSize: 8 },
  );
}

function causes(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '二、致贫原因');
  const r = registryOf(h.dossier);
  if (!r.ok) return void note(doc, r.why);
  const f = r.sections.household;
  doc.fontSize(10);
  doc.text(`主要致贫原因：${label(PovertyCause, f.mainCause)}`);
  const others = f.otherCauses.map((c) => label(PovertyCause, c));
  doc.text(`其他致贫原因：${others.length ? others.join('、') : '无'}`);
}

function plan(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '三、帮扶计划与年度目标（一户一策）');
  const a = assistanceOf(h.dossier);
  if (!a.ok) return void note(doc, a.why);
  const p = a.sections.plan;
  if (!p) return void note(doc, '该户尚未制定帮扶计划');
  doc.fontSize(10).text(`帮扶思路：${dash(p.summary)}`);
  doc.text(`计划完成进度：${p.progressPercent}%`);
  doc.moveDown(0.4);
  drawPdfTable(
    doc,
    [
      { header: '年度', width: 40, align: 'center' },
      { header: '人均纯收入目标', width: 90, align: 'right' },
      { header: '保障目标', width: '*' },
      { header: '计划脱贫', width: 50, align: 'center' },
      { header: '备注', width: 110 },
    ],
    p.targets.map((t) => [
      String(t.year),
      yuan(t.perCapitaIncomeFen),
      t.guarantees.map((g) => label(Guarantee, g)).join('、') || '—',
      t.exit ? '是' : '否',
      dash(t.note),
    ]),
    { fontSize: 8 },
  );
  if (!p.progress.items.length) return;
  doc.moveDown(0.4);
  drawPdfTable(
    doc,
    [
      { header: '日期', width: 62 },
      { header: '进度', width: 40, align: 'right' },
      { header: '进展情况', width: '*' },
      { header: '记录人', width: 60 },
    ],
    p.progress.items.map((x) => [x.date, `${x.percent}%`, x.note, x.by]),
    { fontSize: 8 },
  );
}

/** A year's rows of the 受益底册 and its total; the whole ledger's total after the last year. */
function benefits(doc: PdfDocument, rows: BenefitRow[]): void {
  const years = groupByYear(rows);
  if (!years.length) return void note(doc, '暂无受益记录');
  const table: string[][] = [];
  for (const y of years) {
    for (const g of y.sources)
      for (const r of g.rows)
        table.push([
          String(y.year),
          SOURCE_NAME[r.source] ?? r.source,
          r.label['zh-CN'] + (countsInTotals(r) ? '' : '（由项目资金支付，不重复计）'),
          dash(r.on),
          ROW_STATUS[r.status] ?? r.status,
          yuan(r.amountFen),
        ]);
    table.push([
      `${y.year}年合计`,
      '',
      `${y.count} 项`,
      '',
      `已发放 ${yuan(y.paidFen)}`,
      yuan(y.totalFen),
    ]);
  }
  const counted = rows.filter(countsInTotals);
  const total = counted.reduce((s, r) => s + r.amountFen, 0);
  const paid = counted.reduce((s, r) => s + (r.status === 'paid' ? r.amountFen : 0), 0);
  table.push(['总计', '', `${rows.length} 项`, '', `已发放 ${yuan(paid)}`, yuan(total)]);
  drawPdfTable(
    doc,
    [
      { header: '年度', width: 58 },
      { header: '来源', width: 52 },
      { header: '受益项目', width: '*' },
      { header: '日期', width: 60 },
      { header: '状态', width: 82 },
      { header: '金额', width: 80, align: 'right' },
    ],
    table,
    { fontSize: 8 },
  );
}

function measuresAndBenefits(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '四、帮扶措施与受益情况');
  const a = assistanceOf(h.dossier);
  if (!a.ok) note(doc, a.why);
  else if (!a.sections.measures.items.length) note(doc, '暂无帮扶措施');
  else
    drawPdfTable(
      doc,
      [
        { header: '类别', width: 92 },
        { header: '措施', width: '*' },
        { header: '起止日期', width: 110 },
        { header: '状态', width: 46, align: 'center' },
        { header: '金额', width: 80, align: 'right' },
      ],
      [
        ...a.sections.measures.items.map((m) => [
          label(MeasureCategory, m.category),
          [m.type, m.description].filter(Boolean).join('：'),
          `${dash(m.startDate)} 至 ${dash(m.endDate)}`,
          MEASURE_STATUS[m.status] ?? m.status,
          yuan(m.amountFen),
        ]),
        ['措施金额合计', '（已取消的不计）', '', '', yuan(a.sections.measures.amountFen)],
      ],
      { fontSize: 8 },
    );
  doc.moveDown(0.5);
  doc.fontSize(11).text('受益明细（受益底册）');
  doc.moveDown(0.2);
  benefits(doc, h.rows);
  const left = h.sourcesLeftOut ?? [];
  if (left.length)
    note(doc, `未包含：${left.map((s) => SOURCE_NAME[s]).join('、')}（无权查看或服务未应答）`);
}

function visits(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '五、走访记录');
  const a = assistanceOf(h.dossier);
  if (!a.ok) return void note(doc, a.why);
  const v = a.sections.visits;
  if (!v.items.length) return void note(doc, '暂无走访记录');
  drawPdfTable(
    doc,
    [
      { header: '走访日期', width: 62 },
      { header: '走访人', width: 52 },
      { header: '了解情况', width: '*' },
      { header: '帮扶措施', width: 120 },
      { header: '下一步', width: 100 },
    ],
    v.items.map((x) => [
      x.date,
      x.helperName,
      dash(x.findings),
      dash(x.actions),
      dash(x.nextSteps),
    ]),
    { fontSize: 8 },
  );
  if (v.total > v.items.length)
    note(doc, `共走访 ${v.total} 次，此处列出最近 ${v.items.length} 次`);
}

function income(doc: PdfDocument, h: PrintHousehold): void {
  heading(doc, '六、家庭收入情况');
  const r = registryOf(h.dossier);
  if (!r.ok) return void note(doc, r.why);
  const items = r.sections.incomeByYear.items;
  if (!items.length) return void note(doc, '暂无收入记录');
  drawPdfTable(
    doc,
    [
      { header: '年度', width: 36, align: 'center' },
      { header: '工资性', width: '*', align: 'right' },
      { header: '生产经营性', width: '*', align: 'right' },
      { header: '财产性', width: '*', align: 'right' },
      { header: '转移性', width: '*', align: 'right' },
      { header: '家庭纯收入', width: '*', align: 'right' },
      { header: '人均纯收入', width: '*', align: 'right' },
      { header: '扶贫标准', width: '*', align: 'right' },
      { header: '是否达标', width: 46, align: 'center' },
    ],
    items.map((i) => [
      String(i.year),
      fenToYuanString(i.wagesFen),
      fenToYuanString(i.productionFen),
      fenToYuanString(i.propertyFen),
      fenToYuanString(i.transferFen),
      fenToYuanString(i.totalFen),
      i.perCapitaFen === null ? '—' : fenToYuanString(i.perCapitaFen),
      i.povertyLineFen === null ? '—' : fenToYuanString(i.povertyLineFen),
      i.belowLine === null ? '—' : i.belowLine ? '未达标' : '达标',
    ]),
    { fontSize: 8 },
  );
  note(doc, '金额单位：元');
}

function signatures(doc: PdfDocument): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 150) doc.addPage();
  heading(doc, '七、签字确认');
  doc.fontSize(11);
  const blank = '____年____月____日';
  for (const who of ['户主签字', '帮扶责任人签字', '村委会（盖章）']) {
    doc.moveDown(1.2);
    doc.text(`${who}：________________\u3000\u3000日期：${blank}`);
  }
}

export const handbookRenderer: PrintRenderer = {
  title: (subject) => `扶贫手册-${subject}`,
  parts: ['registry', 'assistance'],
  draw(doc, h, ctx) {
    cover(doc, h, ctx);
    doc.addPage();
    for (const m of behindNotes(h)) note(doc, `注：${m['zh-CN']}`);
    members(doc, h);
    causes(doc, h);
    plan(doc, h);
    measuresAndBenefits(doc, h);
    visits(doc, h);
    income(doc, h);
    signatures(doc);
  },
};

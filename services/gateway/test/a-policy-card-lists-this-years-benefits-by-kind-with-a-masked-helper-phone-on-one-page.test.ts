import type { BenefitRow } from '@fupin/contracts';
import { bi } from '@fupin/kit';
import { pdfText } from '@fupin/testing';
import { type Dossier, leftOut } from '../src/dossier/dossier.assembly';
import { cardPhone, policyCard } from '../src/prints/card/card.content';
import { cardPdf, listLayout } from '../src/prints/card/card.pdf';
import { printDocument } from '../src/prints/print.document';
import { benefit } from './support/benefit-rows';

// 明白卡 (issue 23, item 4): the content from a dossier and ledger rows, and the one page drawn.

const dossier = (over: { helpers?: unknown; assistance?: 'no_right' } = {}): Dossier => ({
  householdId: 'h-1',
  generatedAt: '2026-12-05T00:00:00.000Z',
  parts: [
    {
      status: 'ok',
      part: 'registry',
      generatedAt: '2026-12-05T00:00:00.000Z',
      sections: {
        household: {
          id: 'h-1',
          householdNo: '431121101001000123',
          areaCode: '431121101001',
          headName: '李秀英',
          address: '临溪县青石镇上坪村三组',
        },
      },
    },
    over.assistance
      ? { status: 'no_right', part: 'assistance', message: leftOut('assistance', 'no_right') }
      : {
          status: 'ok',
          part: 'assistance',
          generatedAt: '2026-12-05T00:00:00.000Z',
          sections: {
            helpers: over.helpers ?? {
              items: [
                {
                  name: '王旧人',
                  unit: '县农业局',
                  role: 'key',
                  phone: '139****0000',
                  status: 'ended',
                },
                { name: '陈联络', unit: '镇政府', role: 'contact', phone: null, status: 'active' },
                // A source that forgot to mask: the card masks it all the same.
                {
                  name: '张建国',
                  unit: '县交通局',
                  role: 'key',
                  phone: '13812345678',
                  status: 'active',
                },
              ],
              total: 3,
              omitted: 0,
            },
          },
        },
  ],
  timeline: [],
  timelineOmitted: 0,
});

const rows: BenefitRow[] = [
  benefit({ id: 's1', source: 'support', kind: 'education_subsidy', amountFen: 150_000 }),
  benefit({
    id: 's2',
    source: 'support',
    kind: 'education_subsidy',
    amountFen: 50_000,
    on: '2026-09-01',
  }),
  benefit({ id: 's3', source: 'support', kind: 'medical_top_up', amountFen: 80_000 }),
  benefit({ id: 'f1', source: 'funds', kind: 'payment', amountFen: 300_000, projectId: 'p-1' }),
  // The measure the project pays: listed, not counted twice.
  benefit({
    id: 'a1',
    source: 'assistance',
    kind: 'measure',
    amountFen: 300_000,
    projectId: 'p-1',
  }),
  benefit({
    id: 'a2',
    source: 'assistance',
    kind: 'measure',
    amountFen: 20_000,
    status: 'recorded',
    on: null,
  }),
  benefit({ id: 'f2', source: 'funds', kind: 'loan', amountFen: 5_000_000, status: 'granted' }),
  benefit({ id: 'f3', source: 'funds', kind: 'loan_discount', amountFen: 12_345 }),
  // Another year and another household: not on this card.
  benefit({ id: 'old', source: 'support', kind: 'tuition_waiver', year: 2025, amountFen: 999_900 }),
  benefit({ id: 'other', source: 'funds', householdId: 'h-2', amountFen: 777_700 }),
];

const input = {
  dossier: dossier(),
  rows,
  year: 2026,
  placeName: '青石镇上坪村',
  printedOn: '2026-12-05',
};

test('the card groups this year’s benefits by kind with amounts, and totals them without loans or twice-counted measures', () => {
  const card = policyCard(input);
  expect(card.groups.map((g) => [g.title, g.items.length, g.amountFen])).toEqual([
    ['教育补助', 2, 200_000],
    ['医疗救助', 1, 80_000],
    ['帮扶措施', 2, 20_000],
    ['资金拨付', 1, 300_000],
    ['小额信贷', 1, 5_000_000],
    ['贴息', 1, 12_345],
  ]);
  // 2,000 + 800 + 200 (the measure not paid by a project) + 3,000 + 123.45 yuan.
  expect(card.totalFen).toBe(612_345);
  expect(card.paidFen).toBe(592_345);
  expect(card.loansFen).toBe(5_000_000);
  expect(card.noBenefits).toBeNull();
  expect(card.groups.flatMap((g) => g.items).some((i) => i.amountFen === 999_900)).toBe(false);
  expect(card.groups.flatMap((g) => g.items).some((i) => i.amountFen === 777_700)).toBe(false);
  expect(card).toMatchObject({
    householdNo: '431121101001000123',
    headName: '李秀英',
    placeName: '青石镇上坪村',
    complaintLines: [
      { label: '全国扶贫监督举报电话', number: '12317' },
      { label: '临溪县扶贫办监督举报电话', number: '0746-3212317' },
    ],
    complaintLineVersion: 1,
  });
});

test('the helpers are the current ones, the key helper first, every phone masked', () => {
  const card = policyCard(input);
  expect(card.helpers).toEqual([
    { name: '张建国', unit: '县交通局', phone: '138****5678' },
    { name: '陈联络', unit: '镇政府', phone: null },
  ]);
  expect(JSON.stringify(card)).not.toContain('13812345678');
  expect(cardPhone('0736 5123456')).toBe('*******3456');
});

test('a household with no benefit this year says so, and one whose helpers cannot be read says why', () => {
  const card = policyCard({
    ...input,
    dossier: dossier({ assistance: 'no_right' }),
    rows: rows.filter((r) => r.year !== 2026),
    leftOutSources: [bi('无权查看「项目资金」部分，已略去', 'left out')],
  });
  expect(card.groups).toEqual([]);
  expect(card.totalFen).toBe(0);
  expect(card.noBenefits).toBe('2026年暂无享受政策的记录');
  expect(card.helpers).toEqual([]);
  expect(card.noHelper).toBe('无权查看「帮扶」部分，已略去');
  expect(card.leftOut).toEqual(['无权查看「项目资金」部分，已略去']);
});

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length;

test('the card prints on one page in Chinese: the household, amounts, helper, masked phone and complaint lines', async () => {
  const pdf = await cardPdf(policyCard(input));
  expect(pageCount(pdf)).toBe(1);
  const text = (await pdfText(pdf)).replace(/[ \t]+/g, '');
  for (const s of [
    '精准扶贫政策明白卡',
    '431121101001000123',
    '李秀英',
    '教育补助',
    '1,500.00',
    '合计：6,123.45元',
    '张建国',
    '138****5678',
    '12317',
    '0746-3212317',
  ])
    expect(text).toContain(s);
  expect(text).not.toContain('13812345678');
  // The measure the project pays is listed in brackets, and the card says why.
  expect(text).toContain('（3,000.00）');
  expect(text).toContain('括号内金额由项目资金支付');
});

test('forty benefits still print on one page, the list shrunk; four hundred are cut with “另有 N 项”', async () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      benefit({
        id: `m${String(i).padStart(3, '0')}`,
        source: 'support',
        kind: i % 2 ? 'education_subsidy' : 'medical_top_up',
        amountFen: 10_000,
        label: bi(`第${i + 1}项补助（一段很长很长的说明文字，用来检验截断是否生效）`, `item ${i}`),
      }),
    );
  const forty = policyCard({ ...input, rows: many(40) });
  const fortyPdf = await cardPdf(forty);
  expect(pageCount(fortyPdf)).toBe(1);
  const fortyText = (await pdfText(fortyPdf)).replace(/[ \t]+/g, '');
  // Every one of the forty is listed, none cut.
  expect(fortyText.match(/第\d+项补助/g)).toHaveLength(40);
  expect(fortyText).not.toContain('另有');
  expect(fortyText).not.toContain('括号内金额');
  expect(fortyText).toContain('合计：4,000.00元');

  const lots = policyCard({ ...input, rows: many(400) });
  const layout = listLayout(lots, 380);
  expect(layout.cut).toBe(true);
  const lotsPdf = await cardPdf(lots);
  expect(pageCount(lotsPdf)).toBe(1);
  const lotsText = (await pdfText(lotsPdf)).replace(/[ \t]+/g, '');
  const shown = layout.lines.length - 1;
  // Each kind keeps its first items and says how many more it has, with their amount.
  expect(lotsText.match(/另有\d+项/g)).toHaveLength(2);
  expect(lotsText).toContain('教育补助');
  expect(lotsText).toContain('医疗救助');
  expect(lotsText).toContain('合计：40,000.00元');
  expect(lotsText).toContain('张建国');
  expect(lotsText).toContain('12317');
  expect(shown).toBeGreaterThan(10);
});

test('a county without its own line in the reference data prints 12317 alone', () => {
  const d = dossier();
  const registry = d.parts[0] as unknown as { sections: { household: { areaCode: string } } };
  registry.sections.household.areaCode = '520102001001';
  const card = policyCard({ ...input, dossier: d });
  expect(card.complaintLines).toEqual([{ label: '全国扶贫监督举报电话', number: '12317' }]);
  expect(card.complaintLineVersion).toBeNull();
});

test('a village’s file of cards has one page a household, through the printed kinds', async () => {
  const household = { dossier: dossier(), rows, clear: null };
  const pdf = await printDocument('card', [household, household, household], {
    year: 2026,
    villageName: '上坪村',
    now: new Date('2026-12-05T02:00:00Z'),
    subject: '上坪村',
  });
  expect(pageCount(pdf)).toBe(3);
  const text = await pdfText(pdf);
  expect(text.match(/精准扶贫政策明白卡/g)).toHaveLength(3);
});

import { pdfText } from '@fupin/testing';
import { handbookRenderer } from '../src/prints/handbook/handbook.pdf';
import { printDocument } from '../src/prints/print.document';
import { handbookHousehold } from './support/handbook-dossier';

const ctx = {
  year: 2026,
  villageName: '青山村',
  subject: '青山村',
  now: new Date('2026-12-05T08:00:00Z'),
};

/** The text without the line breaks and spaces pdf-parse puts inside table cells. */
const flat = (t: string) => t.replace(/\s+/g, '');

test('the handbook prints its headings, the family, the measure, the benefits and their totals', async () => {
  const text = flat(await pdfText(await printDocument('handbook', [handbookHousehold(1)], ctx)));
  for (const heading of [
    '扶贫手册',
    '家庭成员',
    '致贫原因',
    '帮扶计划与年度目标',
    '帮扶措施与受益',
    '走访记录',
    '家庭收入情况',
    '户主签字',
    '帮扶责任人签字',
    '村委会（盖章）',
  ])
    expect(text).toContain(heading);
  expect(text).toContain('户号：4310251012010001');
  expect(text).toContain('所在村：青山村');
  expect(text).toContain('帮扶责任人：赵帮扶');
  expect(text).toContain('县农业农村局');
  expect(text).toContain('王建国1');
  expect(text).toContain('李秀英1');
  expect(text).toContain('因病'); // the main cause
  expect(text).toContain('油茶苗补助');
  expect(text).toContain('2,500.00元'); // the measure's amount
  // 2026: the measure 2,500.00 + the payment 1,234.56; 2025: 500.00; all: 4,234.56.
  expect(text).toContain('2026年合计');
  expect(text).toContain('3,734.56元');
  expect(text).toContain('总计');
  expect(text).toContain('4,234.56元');
  expect(text).toContain('8,250.00'); // income per head
  expect(text).toContain('油茶长势良好'); // the visit
  expect(text).not.toContain('未包含');
});

test('a 受益底册 source left out is named under the benefits', async () => {
  const h = { ...handbookHousehold(1), sourcesLeftOut: ['funds' as const] };
  const text = flat(await pdfText(await printDocument('handbook', [h], ctx)));
  expect(text).toContain('未包含：项目资金（无权查看或服务未应答）');
});

test('personal data prints masked by default and in clear when unmasked', async () => {
  const masked = flat(await pdfText(await printDocument('handbook', [handbookHousehold(1)], ctx)));
  expect(masked).toContain('431025********0012');
  expect(masked).not.toContain('431025197005060012');

  const h = handbookHousehold(1);
  h.clear = {
    phone: '13812345678',
    members: {
      'm-1': { idNumber: '431025197005060012', phone: '13812345678' },
      'm-2': { idNumber: '431025197208090026', phone: null },
    },
  };
  const clear = flat(await pdfText(await printDocument('handbook', [h], ctx)));
  expect(clear).toContain('431025197005060012');
  expect(clear).toContain('431025197208090026');
  expect(clear).not.toContain('431025********0012');
});

test('a village file has every household, each starting on a new page', async () => {
  const households = [1, 2, 3].map((n) => handbookHousehold(n));
  const pdf = await printDocument('handbook', households, ctx);
  const text = flat(await pdfText(pdf));
  for (const n of [1, 2, 3]) expect(text).toContain(`户号：431025101201000${n}`);
  // Each household: its cover page and at least one page of its record.
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(6);
  expect(handbookRenderer.title('青山村')).toBe('扶贫手册-青山村');
});

test('a part read from a view of the registry that is behind says so on the printed page, on the handbook and on the card', async () => {
  const base = handbookHousehold(1);
  const message = {
    'zh-CN': '本部分依据的建档立卡数据尚差 3 条登记事件未同步，可能不是最新',
    en: 'This part rests on registry data 3 events behind: it may not be current',
  };
  const h = {
    ...base,
    dossier: {
      ...base.dossier,
      parts: base.dossier.parts.map((p) =>
        p.status === 'ok' && p.part === 'assistance' ? { ...p, behind: { events: 3, message } } : p,
      ),
    },
  };
  const note = flat(`注：${message['zh-CN']}`);
  expect(flat(await pdfText(await printDocument('handbook', [base], ctx)))).not.toContain(note);
  expect(flat(await pdfText(await printDocument('handbook', [h], ctx)))).toContain(note);
  expect(flat(await pdfText(await printDocument('card', [h], ctx)))).toContain(note);
});

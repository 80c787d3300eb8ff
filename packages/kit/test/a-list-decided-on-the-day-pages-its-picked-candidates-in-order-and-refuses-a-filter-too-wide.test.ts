import { bi, byListOrder, decidedPage } from '../src';

// A list filter decided on the day (overdue …): the candidates read through an index are
// picked, ordered as the list asks (dotted paths, nothing first), paged, and counted; a read
// that reached the limit is refused rather than cut short.

const docs = [
  { id: 'a', dueOn: '2026-05-02', unit: { name: '乙' } },
  { id: 'b', dueOn: '2026-05-01', unit: { name: '甲' } },
  { id: 'c', dueOn: null, unit: { name: '丙' } },
  { id: 'd', dueOn: '2026-05-03', unit: { name: '甲' } },
];
const q = (sort: Record<string, 1 | -1>, skip = 0, limit = 10) => ({
  filter: {},
  sort,
  skip,
  limit,
});

test('picked candidates come in the list order, nothing first, then paged with their total', () => {
  const page = decidedPage(docs, q({ dueOn: 1 }, 1, 2), (d) => d.id !== 'a', {
    narrowBy: bi('按地区', 'by area'),
  });
  expect(page).toEqual({ total: 3, items: [docs[1], docs[3]] });
  expect(
    docs
      .slice()
      .sort(byListOrder({ 'unit.name': 1, dueOn: -1 }))
      .map((d) => d.id),
  ).toEqual(['c', 'a', 'd', 'b']);
});

test('a read that reached the limit is refused with what to narrow by', () => {
  expect(() =>
    decidedPage(docs, q({ dueOn: 1 }), () => true, { max: 4, narrowBy: bi('按地区', 'by area') }),
  ).toThrow(expect.objectContaining({ code: 'LIST_FILTER_TOO_WIDE', status: 422 }));
  expect(
    decidedPage(docs, q({ dueOn: 1 }), () => true, { max: 5, narrowBy: bi('按地区', 'by area') })
      .total,
  ).toBe(4);
});

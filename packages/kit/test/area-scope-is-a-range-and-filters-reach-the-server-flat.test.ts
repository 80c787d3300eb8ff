import { allOf, areaRange, type Principal, scopeFilter } from '../src';

const township: Principal = {
  userId: 'u',
  username: 'u',
  roles: [],
  areaCode: '431121101000',
  rights: {},
};

test('an area scope is a range on the 12-digit code, holding exactly the codes under it', () => {
  expect(scopeFilter(township)).toEqual({
    areaCode: { $gte: '431121101', $lt: '431121102' },
  });
  expect(areaRange('431121109000')).toEqual({ $gte: '431121109', $lt: '43112110:' });
  const { $gte, $lt } = areaRange('431121109000');
  for (const [code, inside] of [
    ['431121109201', true],
    ['431121109999', true],
    ['431121110201', false],
    ['431121108999', false],
  ] as const)
    expect({ code, inside: code >= $gte && code < $lt }).toEqual({ code, inside });
});

test('conditions become one flat filter: ranges intersect, an equality inside a range stays', () => {
  expect(
    allOf(
      { areaCode: areaRange('431121000000') },
      { $and: [{ areaCode: areaRange('431121101000') }, { status: 'active' }] },
    ),
  ).toEqual({ areaCode: { $gte: '431121101', $lt: '431121102' }, status: 'active' });
  expect(
    allOf({ code: areaRange('431121101000') }, { code: { $in: ['431121101201', '431121102201'] } }),
  ).toEqual({ code: { $in: ['431121101201'] } });
  expect(allOf({ areaCode: areaRange('431121101000') }, { areaCode: '431121101201' })).toEqual({
    areaCode: '431121101201',
  });
});

test('an equality outside the range matches nothing, and what cannot merge stays in $and', () => {
  const outside = allOf({ areaCode: areaRange('431121101000') }, { areaCode: '431121102201' });
  expect(outside.areaCode).toEqual({ $gte: '\uffff', $lt: '' });
  expect(allOf({ $or: [{ a: 1 }, { b: 1 }] }, { $or: [{ c: 1 }, { d: 1 }] })).toEqual({
    $or: [{ a: 1 }, { b: 1 }],
    $and: [{ $or: [{ c: 1 }, { d: 1 }] }],
  });
  expect(allOf({ n: { $in: [1, 2] } }, { n: 1 })).toEqual({ n: { $in: [1, 2] }, $and: [{ n: 1 }] });
});

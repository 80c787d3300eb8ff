import { ReferenceDataError, addFen, fenToYuanString, parseYuan, yuanToFen } from '../src';

function codeOf(input: string | number): string {
  const result = parseYuan(input);
  return result.ok ? 'OK' : result.code;
}

describe('parsing yuan into fen', () => {
  it('reads the ways amounts are written', () => {
    const inputs = [
      '1,234.56',
      '1234.5',
      '¥12',
      '￥12',
      '12元',
      ' 0.07 ',
      '1,000,000',
      '-3.5',
      '¥-3.5',
    ];

    const fen = inputs.map(yuanToFen);

    expect(fen).toEqual([123456, 123450, 1200, 1200, 1200, 7, 100000000, -350, -350]);
  });

  it('reads a currency sign or 元 set apart by a space', () => {
    expect([yuanToFen('¥ 1,234.56'), yuanToFen('12 元')]).toEqual([123456, 1200]);
  });

  it('does not join digits separated by a space', () => {
    expect(codeOf('12 5')).toBe('MONEY_INVALID');
  });

  it('reads JS numbers by their decimal text', () => {
    expect([yuanToFen(1234.5), yuanToFen(0.1), yuanToFen(12), yuanToFen(-0)]).toEqual([
      123450, 10, 1200, 0,
    ]);
  });

  it('0.1 + 0.2 yuan is exactly 30 fen', () => {
    expect(addFen(yuanToFen('0.1'), yuanToFen('0.2'))).toBe(30);
    expect(addFen(yuanToFen(0.1), yuanToFen(0.2))).toBe(30);
  });

  it('refuses more than two decimals', () => {
    const result = parseYuan('1.234');

    expect(!result.ok && result.code).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(!result.ok && result.reason.zh).toContain('两位小数');
  });

  it('refuses a float that is not a whole number of fen', () => {
    expect(codeOf(0.1 + 0.2)).toBe('MONEY_TOO_MANY_DECIMALS');
  });

  it('refuses what is not an amount', () => {
    const inputs = ['abc', '12,5', '1,23.4', '12.', '.5', '1e5', '--3', '-¥-3', NaN, Infinity];

    expect(inputs.map(codeOf)).toEqual(Array(inputs.length).fill('MONEY_INVALID'));
  });

  it('refuses an empty amount', () => {
    expect([codeOf(''), codeOf('  ')]).toEqual(['MONEY_EMPTY', 'MONEY_EMPTY']);
  });

  it('refuses an amount too large to be exact', () => {
    expect(codeOf('900000000000000.00')).toBe('MONEY_OUT_OF_RANGE');
  });

  it('yuanToFen throws the same code', () => {
    expect(() => yuanToFen('1.234')).toThrow(ReferenceDataError);
    expect(() => yuanToFen('x')).toThrow(expect.objectContaining({ code: 'MONEY_INVALID' }));
  });
});

describe('showing fen as yuan', () => {
  it('groups thousands and keeps two decimals', () => {
    const shown = [123456, 0, 5, 100, 100000000, -123456].map((fen) => fenToYuanString(fen));

    expect(shown).toEqual(['1,234.56', '0.00', '0.05', '1.00', '1,000,000.00', '-1,234.56']);
  });

  it('can leave out the grouping', () => {
    expect(fenToYuanString(412450000, { grouping: false })).toBe('4124500.00');
  });

  it('round-trips with parsing', () => {
    const amounts = [1, 99, 100, 123456789, -5];

    expect(amounts.map((fen) => yuanToFen(fenToYuanString(fen)))).toEqual(amounts);
  });

  it('refuses a fraction of a fen', () => {
    expect(() => fenToYuanString(1.5)).toThrow(expect.objectContaining({ code: 'MONEY_NOT_FEN' }));
  });
});

describe('adding fen', () => {
  it('sums any number of amounts', () => {
    expect(addFen(100, 250, -50)).toBe(300);
    expect(addFen()).toBe(0);
  });

  it('refuses a non-integer amount', () => {
    expect(() => addFen(100, 0.5)).toThrow(expect.objectContaining({ code: 'MONEY_NOT_FEN' }));
  });

  it('refuses a total beyond exact integers', () => {
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(
      expect.objectContaining({ code: 'MONEY_OUT_OF_RANGE' }),
    );
  });
});

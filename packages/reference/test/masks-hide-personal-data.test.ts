import { maskBankAccount, maskIdNumber, maskPhone } from '../src';

describe('masking personal data for display', () => {
  it('an ID number keeps its first 4 and last 4 characters', () => {
    const masked = maskIdNumber('430121199003071234');

    expect(masked).toBe('4301**********1234');
    expect(masked).toHaveLength(18);
  });

  it('an ID number with X keeps the X', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('a short malformed ID number is masked entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });

  it('a mobile number keeps 3 + 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it('a mobile number written with +86 and separators is masked the same', () => {
    expect(maskPhone('+86 138-1234-1234')).toBe('138****1234');
  });

  it('a landline keeps only its last 4 digits', () => {
    expect(maskPhone('0731-84123456')).toBe('********3456');
  });

  it('a bank card keeps only its last 4 digits', () => {
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('***************0123');
  });

  it('a value of 4 characters or fewer shows nothing', () => {
    expect(maskBankAccount('123')).toBe('***');
    expect(maskPhone('110')).toBe('***');
  });
});

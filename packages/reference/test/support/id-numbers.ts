// Test ID numbers are built here with a check character computed independently of the code
// under test: GB 11643 defines it as the c that makes Σ aᵢ·(2^(i−1) mod 11) ≡ 1 (mod 11),
// counting i from the right with X standing for 10.

export function independentCheckCharacter(first17: string): string {
  let sum = 0;
  for (let k = 0; k < 17; k += 1) {
    const weight = 2 ** (17 - k) % 11;
    sum += Number(first17.charAt(k)) * weight;
  }
  for (let c = 0; c <= 10; c += 1) {
    if ((sum + c) % 11 === 1) return c === 10 ? 'X' : String(c);
  }
  throw new Error('unreachable: every residue has a check character');
}

/** A well-formed ID number: area + birth date (YYYYMMDD) + 3-digit sequence + check. */
export function idNumber(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  return `${first17}${independentCheckCharacter(first17)}`;
}

/** The same number with a check character that is certainly wrong. */
export function withWrongCheck(valid: string): string {
  const last = valid.slice(-1);
  return `${valid.slice(0, 17)}${last === '0' ? '1' : '0'}`;
}

/** The published GB 11643 example. */
export const PUBLISHED_SAMPLE = '11010519491231002X';

export const TODAY = '2024-06-15';

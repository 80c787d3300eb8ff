import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { type FieldError, bi, unprocessable } from '@fupin/kit';

// argon2id with the OWASP-recommended floor (19 MiB, 2 passes); a sign-in costs ~50 ms.
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so both cases take the same time.
let decoy: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-matches');
  await passwordMatches(await decoy, password);
}

export const PASSWORD_MIN_LENGTH = 10;

/**
 * 密码规则: at least 10 characters, three of the four kinds (lower case, upper case, digits,
 * symbols), not containing the username, and different from the current password.
 */
export function checkPasswordRules(
  password: string,
  ctx: { username: string; field?: string },
): void {
  const field = ctx.field ?? 'newPassword';
  const problems: FieldError[] = [];
  if (password.length < PASSWORD_MIN_LENGTH || password.length > 128) {
    problems.push({
      field,
      code: 'PASSWORD_LENGTH',
      message: bi('密码长度须为10–128个字符', 'The password must be 10–128 characters long'),
    });
  }
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) {
    problems.push({
      field,
      code: 'PASSWORD_TOO_SIMPLE',
      message: bi(
        '密码须包含小写字母、大写字母、数字、符号中的至少三类',
        'Use at least three of: lower case, upper case, digits, symbols',
      ),
    });
  }
  if (ctx.username && password.toLowerCase().includes(ctx.username.toLowerCase())) {
    problems.push({
      field,
      code: 'PASSWORD_CONTAINS_USERNAME',
      message: bi('密码不能包含用户名', 'The password must not contain the username'),
    });
  }
  if (problems.length) {
    throw unprocessable(
      'AUTH_PASSWORD_RULES',
      bi('新密码不符合密码规则', 'The new password does not meet the password rules'),
      problems,
    );
  }
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const SYMBOLS = '!@#%+=?';

/** A random initial password meeting the rules; the user must change it at first sign-in. */
export function generateInitialPassword(): string {
  const pick = (s: string) => s[randomInt(s.length)]!;
  const body = Array.from({ length: 14 }, () => pick(ALPHABET)).join('');
  return `${body}${pick('23456789')}${pick(SYMBOLS)}${pick('abcdefghijkmnpqrstuvwxyz')}${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}`;
}

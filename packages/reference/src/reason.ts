/**
 * A reason in both languages the console speaks; the console shows `zh`. A service turns it
 * into the kit's message with `bi(reason.zh, reason.en)`.
 */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/** A rejected input: a stable code to branch on and a reason to show. */
export interface Problem<C extends string = string> {
  readonly code: C;
  readonly reason: Reason;
}

/** The failure half of the `parse*` results: callers branch on `ok`. */
export interface Rejected<C extends string = string> extends Problem<C> {
  readonly ok: false;
}

export function reason(zh: string, en: string): Reason {
  return { zh, en };
}

export function rejected<C extends string>(code: C, zh: string, en: string): Rejected<C> {
  return { ok: false, code, reason: reason(zh, en) };
}

/**
 * Thrown by the functions that take already-validated data (an area code read from the
 * database, a year asked of the poverty-line table) when that data is not what they need.
 * Input typed by a user goes through a `parse*` function instead, which returns a result.
 */
export class ReferenceDataError extends Error implements Problem {
  readonly code: string;
  readonly reason: Reason;

  constructor(code: string, why: Reason) {
    super(why.en);
    this.name = 'ReferenceDataError';
    this.code = code;
    this.reason = why;
  }
}

export function isReferenceDataError(error: unknown): error is ReferenceDataError {
  return error instanceof ReferenceDataError;
}

import { HttpError, useNotify } from 'react-admin';
import { currentLocale } from '../i18n/locale';

/** 双语消息 — the services' messages come in both languages; the console shows one. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

export interface FieldProblem {
  field: string;
  code: string;
  message: Bilingual;
}

/** RFC 9457 problem details as every service answers them (packages/kit problemOf). */
export interface Problem {
  status: number;
  code: string;
  message: Bilingual;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export const pick = (m: Bilingual | undefined, fallback = ''): string =>
  m ? (currentLocale() === 'en' ? m.en : m['zh-CN']) : fallback;

export function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).message === 'object'
  );
}

/**
 * The error react-admin shows: the message in the current language, and the field problems
 * as react-hook-form submission errors (`members.0.idNumber` → that input), with the
 * problem itself kept for components that show more (the failing exit checks).
 */
export function httpErrorOf(status: number, body: unknown): HttpError {
  if (!isProblem(body)) {
    return new HttpError(
      status === 502 || status === 503 || status === 504
        ? 'app.error.unavailable'
        : 'ra.notification.http_error',
      status,
      body,
    );
  }
  const errors: Record<string, string> = {};
  for (const e of body.errors ?? []) {
    errors[e.field] = errors[e.field] ? `${errors[e.field]}；${pick(e.message)}` : pick(e.message);
  }
  return new HttpError(pick(body.message, body.code), status, {
    problem: body,
    ...(Object.keys(errors).length
      ? { errors: { ...errors, root: { serverError: pick(body.message) } } }
      : {}),
  });
}

/** The problem behind an error thrown by the data or auth provider, if any. */
export function problemOf(error: unknown): Problem | null {
  const body = (error as { body?: { problem?: unknown } } | null)?.body;
  return body && isProblem(body.problem) ? body.problem : null;
}

export async function problemError(res: Response): Promise<HttpError> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone says what happened.
  }
  return httpErrorOf(res.status, body);
}

/**
 * Shows why a call failed: the service's message in the current language, else a generic one.
 * The service's message is text, not a message key: it goes as its own default, so the
 * translator shows it as it is and does not count it as a missing key.
 */
export function useNotifyProblem(): (error: unknown) => void {
  const notify = useNotify();
  return (error: unknown) => {
    const p = problemOf(error);
    const message = p ? pick(p.message) : 'ra.notification.http_error';
    notify(message, { type: 'error', ...(p ? { messageArgs: { _: message } } : {}) });
  };
}

import { z } from 'zod';

/** A message in both languages the console speaks; zh-CN is shown first. */
export interface Bilingual {
  'zh-CN': string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { 'zh-CN': zh, en };
}

export interface FieldError {
  /** Dotted path of the offending field (`members.2.idNumber`); row/column for imports. */
  field: string;
  code: string;
  message: Bilingual;
}

/**
 * An operational error with a stable code, an HTTP status and a message in Chinese and
 * English. Anything that is not an AppError is a programmer error and answers 500.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly errors: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: Bilingual,
    opts: { errors?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message.en, { cause: opts.cause });
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.messages = message;
    this.errors = opts.errors ?? [];
    this.extra = opts.extra ?? {};
  }
}

export const badRequest = (code: string, message: Bilingual, errors?: FieldError[]) =>
  new AppError(400, code, message, { errors: errors ?? [] });
export const unauthorized = (
  code = 'AUTH_REQUIRED',
  message = bi('需要登录', 'Authentication required'),
) => new AppError(401, code, message);
export const forbidden = (
  code = 'FORBIDDEN',
  message = bi('无权执行此操作', 'You do not have the right to do this'),
) => new AppError(403, code, message);
export const notFound = (what: Bilingual, code = 'NOT_FOUND') =>
  new AppError(404, code, bi(`${what['zh-CN']}不存在`, `${what.en} not found`));
export const conflict = (code: string, message: Bilingual, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, { extra: extra ?? {} });
export const unprocessable = (code: string, message: Bilingual, errors?: FieldError[]) =>
  new AppError(422, code, message, { errors: errors ?? [] });
export const unavailable = (code: string, message: Bilingual) => new AppError(503, code, message);

// Custom messages in schemas carry both languages joined by this separator: see `zmsg`.
const SEP = '\u241e';

/** A bilingual custom message for a zod check: `z.string().regex(re, zmsg('…', '…'))`. */
export function zmsg(zh: string, en: string): string {
  return `${zh}${SEP}${en}`;
}

const zhLocale = z.locales.zhCN().localeError;
const enLocale = z.locales.en().localeError;

function localised(map: typeof zhLocale, issue: Parameters<typeof zhLocale>[0]): string {
  const r = map(issue);
  return typeof r === 'string' ? r : (r?.message ?? '');
}

function splitMessage(message: string): Bilingual {
  const i = message.indexOf(SEP);
  return i < 0 ? bi(message, message) : bi(message.slice(0, i), message.slice(i + SEP.length));
}

export function fieldErrorsOf(
  error: z.ZodError,
  pathPrefix: (string | number)[] = [],
): FieldError[] {
  return error.issues.map((i) => ({
    field: [...pathPrefix, ...i.path].map(String).join('.') || '(body)',
    code: i.code,
    message: splitMessage(i.message),
  }));
}

/**
 * Parses untrusted input against a schema. On failure throws a 400 AppError listing every
 * field with its reason in both languages.
 */
/** Validates like `schema.safeParse`, every issue's message in both languages (see `zmsg`). */
export function safeParseBilingual<S extends z.ZodType>(schema: S, input: unknown) {
  return schema.safeParse(input, {
    error: (issue) => `${localised(zhLocale, issue)}${SEP}${localised(enLocale, issue)}`,
  });
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  opts: { code?: string; where?: 'body' | 'query' | 'params' | 'row' } = {},
): z.output<S> {
  const result = safeParseBilingual(schema, input);
  if (result.success) return result.data;
  throw badRequest(
    opts.code ?? 'VALIDATION_FAILED',
    bi('提交的数据有误，请检查标出的字段', 'The submitted data is invalid; see the listed fields'),
    fieldErrorsOf(result.error, opts.where && opts.where !== 'body' ? [opts.where] : []),
  );
}

import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import { AppError, bi, type Bilingual, type FieldError } from '../errors';
import { isDuplicateKey } from '../mongo';

export const PROBLEM_JSON = 'application/problem+json';

/** RFC 9457 problem details, extended with a stable code and both languages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  message: Bilingual;
  errors?: FieldError[];
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  431: 'Request Header Fields Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const UNAVAILABLE_NAMES =
  /^Mongo(ServerSelection|Network|NetworkTimeout|NotConnected|TopologyClosed|PoolCleared|ServerClosed|OperationTimeout)Error$|^MongooseServerSelectionError$/;
const UNAVAILABLE_MESSAGES =
  /buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/i;

/**
 * True when the database could not be reached: a driver error of that kind, or one that wraps
 * it (a bulk write reports the server-selection error behind it in `errorResponse` or `cause`).
 */
export function isMongoUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 3) return false;
  if (UNAVAILABLE_NAMES.test(err.name)) return true;
  if (err.name.startsWith('Mongo') && UNAVAILABLE_MESSAGES.test(err.message)) return true;
  if (/buffering timed out|Client must be connected/i.test(err.message)) return true;
  const inner = err as { cause?: unknown; errorResponse?: unknown };
  return (
    isMongoUnavailable(inner.errorResponse, depth + 1) || isMongoUnavailable(inner.cause, depth + 1)
  );
}

/** Turns any thrown value into an AppError: operational errors keep their meaning. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof mongoose.Error.ValidationError) {
    return new AppError(
      400,
      'VALIDATION_FAILED',
      bi('提交的数据有误', 'The submitted data is invalid'),
      {
        errors: Object.entries(err.errors).map(([field, e]) => ({
          field,
          code: e.kind ?? 'invalid',
          message: bi(`字段无效：${e.message}`, e.message),
        })),
      },
    );
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError(
      400,
      'INVALID_VALUE',
      bi(`字段 ${err.path} 的值无效`, `Invalid value for ${err.path}`),
      {
        errors: [{ field: err.path, code: 'cast', message: bi('类型不正确', 'wrong type') }],
      },
    );
  }
  const e = err as {
    code?: unknown;
    type?: unknown;
    status?: unknown;
    keyValue?: unknown;
    name?: string;
  };
  if (e && isDuplicateKey(e)) {
    const fields = e.keyValue && typeof e.keyValue === 'object' ? Object.keys(e.keyValue) : [];
    return new AppError(
      409,
      'DUPLICATE',
      bi('记录已存在（重复）', 'A record with the same key already exists'),
      {
        errors: fields.map((f) => ({
          field: f,
          code: 'duplicate',
          message: bi('重复', 'duplicate'),
        })),
      },
    );
  }
  if (e && e.type === 'entity.parse.failed') {
    return new AppError(
      400,
      'MALFORMED_JSON',
      bi('请求体不是有效的 JSON', 'The request body is not valid JSON'),
    );
  }
  if (e && e.type === 'entity.too.large') {
    return new AppError(
      413,
      'PAYLOAD_TOO_LARGE',
      bi('请求体过大', 'The request body is too large'),
    );
  }
  if (e && (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported')) {
    return new AppError(415, 'UNSUPPORTED_ENCODING', bi('不支持的编码', 'Unsupported encoding'));
  }
  if (isMongoUnavailable(err)) {
    return new AppError(
      503,
      'DATABASE_UNAVAILABLE',
      bi(
        '数据库暂时不可用，请稍后重试',
        'The database is temporarily unavailable; try again shortly',
      ),
    );
  }
  return new AppError(
    500,
    'INTERNAL_ERROR',
    bi('服务器内部错误，已记录', 'Internal server error; it has been logged'),
    {
      cause: err,
    },
  );
}

export function problemOf(err: AppError, instance?: string, requestId?: string): Problem {
  return {
    type: `urn:fupin:problem:${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    detail: err.messages.en,
    code: err.code,
    message: err.messages,
    ...(err.errors.length ? { errors: err.errors } : {}),
    ...err.extra,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const appErr = toAppError(err);
    const requestId = typeof req.id === 'string' ? req.id : undefined;
    if (appErr.status >= 500) {
      logger.error({ err, requestId, method: req.method, path: req.path }, 'request failed');
    }
    if (appErr.status === 503) res.setHeader('Retry-After', '5');
    res
      .status(appErr.status)
      .type(PROBLEM_JSON)
      .send(JSON.stringify(problemOf(appErr, req.originalUrl.split('?')[0], requestId)));
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new AppError(
      404,
      'ROUTE_NOT_FOUND',
      bi(`没有这个接口：${req.method} ${req.path}`, `No such endpoint: ${req.method} ${req.path}`),
    ),
  );
};

import type { RequestHandler } from 'express';
import { AppError, bi } from '../errors';

type Doc = {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

interface Operation {
  method: string;
  path: RegExp;
  /** The media types the operation's body may have, lower case (`image/*` allowed). */
  types: string[];
}

const METHODS = ['post', 'put', 'patch', 'delete'];

function bodyTypes(doc: Doc, op: unknown): string[] | null {
  let body = (op as { requestBody?: unknown } | undefined)?.requestBody as
    { $ref?: string; content?: Record<string, unknown> } | undefined;
  if (body?.$ref) {
    const name = body.$ref.split('/').pop()!;
    body = doc.components?.requestBodies?.[name] as typeof body;
  }
  return body?.content ? Object.keys(body.content).map((t) => t.toLowerCase()) : null;
}

const isJson = (t: string) =>
  t === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(t);

/**
 * Each documented operation whose body is JSON only, its path as a pattern. Uploads (files,
 * images) are left to their handlers, which look at the bytes themselves.
 */
export function documentedBodies(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    const pattern = new RegExp(
      `^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`,
    );
    for (const method of METHODS) {
      const types = bodyTypes(doc, item[method]);
      if (types?.length && types.every(isJson))
        out.push({ method: method.toUpperCase(), path: pattern, types });
    }
  }
  return out;
}

/**
 * Documents the 415 `requestTypeGuard` answers on every JSON-only operation that does not say
 * so itself, with the document's shared problem response.
 */
export function documentUnsupportedMediaType(doc: Doc): void {
  const problem = doc.components?.responses?.Problem
    ? { $ref: '#/components/responses/Problem' }
    : { description: 'The body is not of a type the operation takes' };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as { responses?: Record<string, unknown> } | undefined;
      const types = bodyTypes(doc, op);
      if (!op || !types?.length || !types.every(isJson)) continue;
      op.responses ??= {};
      op.responses['415'] ??= problem;
    }
  }
}

export function acceptsType(types: string[], contentType: string): boolean {
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return types.some(
    (t) =>
      t === media ||
      t === '*/*' ||
      (t.endsWith('/*') && media.startsWith(t.slice(0, -1))) ||
      // application/problem+json and the like are JSON for a JSON operation.
      (t === 'application/json' && /^application\/[a-z0-9.+-]*\+json$/.test(media)),
  );
}

/**
 * 415 for a body a JSON-only operation does not take (a text/plain body sent to a JSON
 * endpoint), read from the service's OpenAPI document.
 */
export function requestTypeGuard(doc: Doc): RequestHandler {
  const ops = documentedBodies(doc);
  return (req, _res, next) => {
    const type = req.headers['content-type'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    if (!type || !hasBody) return next();
    const op = ops.find((o) => o.method === req.method && o.path.test(req.path));
    if (!op || acceptsType(op.types, type)) return next();
    next(
      new AppError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        bi(
          `不支持的请求体类型 ${type.split(';')[0]}，应为 ${op.types.join('、')}`,
          `Unsupported body type ${type.split(';')[0]}; send ${op.types.join(' or ')}`,
        ),
        {
          errors: [
            {
              field: '(body)',
              code: 'unsupported_media_type',
              message: bi(`应为 ${op.types.join('、')}`, `expected ${op.types.join(' or ')}`),
            },
          ],
        },
      ),
    );
  };
}

import fc from 'fast-check';

/**
 * Malformed requests generated from an OpenAPI document: for every operation, its path
 * parameters, query parameters, request body and credentials are each broken in the ways an
 * attacker or a confused client breaks them. Pure: no servers here.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: Json[];
  format?: string;
  pattern?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components?: Record<string, Record<string, unknown>>;
}

export interface BadRequest {
  /** `METHOD /path` of the operation as the document names it. */
  operation: string;
  /** What is broken, for the failure message. */
  what: string;
  method: string;
  /** The path with parameters filled in (already URL-encoded). */
  path: string;
  query?: Record<string, string>;
  contentType?: string;
  body?: string | Buffer;
  /** Replaces the caller's valid Authorization header. */
  authorization?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function resolve<T>(doc: OpenApiDoc, node: T): T {
  const ref = (node as { $ref?: string } | undefined)?.$ref;
  if (!ref) return node;
  let cur: unknown = doc;
  for (const p of ref.replace(/^#\//, '').split('/')) cur = (cur as Record<string, unknown>)[p];
  return resolve(doc, cur as T);
}

function typesOf(doc: OpenApiDoc, s: Schema | undefined): string[] {
  const r = resolve(doc, s ?? {});
  if (r.type) return Array.isArray(r.type) ? r.type : [r.type];
  if (r.enum) return [...new Set(r.enum.map((v) => (v === null ? 'null' : typeof v)))];
  const alts = r.oneOf ?? r.anyOf ?? r.allOf;
  if (alts) return [...new Set(alts.flatMap((a) => typesOf(doc, a)))];
  return [];
}

/** A value of none of the schema's types (fast-check picks which, from a fixed seed). */
function wrongTypeValue(doc: OpenApiDoc, s: Schema | undefined, seed: number): Json {
  const types = typesOf(doc, s);
  const candidates: Json[] = [];
  if (!types.includes('string')) candidates.push('不是数字-not-a-number');
  if (!types.includes('number') && !types.includes('integer')) candidates.push(12345.678, -1);
  if (!types.includes('boolean')) candidates.push(true);
  if (!types.includes('array')) candidates.push([1, 'two', { three: 3 }]);
  if (!types.includes('object')) candidates.push({ nested: { deeper: 'x' } });
  return fc.sample(fc.constantFrom(...candidates), { seed, numRuns: 1 })[0] ?? null;
}

/** A plausible value, so a case breaks one field rather than all of them. */
function plausible(doc: OpenApiDoc, s: Schema | undefined): Json {
  const r = resolve(doc, s ?? {});
  if (r.enum?.length) return r.enum[0] ?? null;
  const t = typesOf(doc, r)[0];
  if (t === 'string') return r.format === 'date' ? '2024-01-01' : 'x';
  if (t === 'integer' || t === 'number') return 1;
  if (t === 'boolean') return false;
  if (t === 'array') return [];
  if (t === 'object') return requiredOnly(doc, r);
  return null;
}

function requiredOnly(doc: OpenApiDoc, s: Schema): { [k: string]: Json } {
  const r = resolve(doc, s);
  const out: { [k: string]: Json } = {};
  for (const name of r.required ?? []) out[name] = plausible(doc, r.properties?.[name]);
  return out;
}

const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Right shape, wrong check digit (GB 11643). */
const BAD_ID_NUMBER = '110101199003070000';

function fillPath(path: string, value: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));
}

function isFreeText(doc: OpenApiDoc, s: Schema | undefined): boolean {
  const r = resolve(doc, s ?? {});
  return typesOf(doc, r).every((t) => t === 'string') && !r.enum && !r.format && !r.pattern;
}

export function casesFor(doc: OpenApiDoc, opts: { seed: number; zipBomb?: Buffer }): BadRequest[] {
  const out: BadRequest[] = [];
  let seed = opts.seed;
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (Array.isArray(item.parameters) ? item.parameters : []) as Parameter[];
    for (const method of METHODS) {
      const op = item[method] as Operation | undefined;
      if (!op || Array.isArray(op)) continue;
      const operation = `${method.toUpperCase()} ${path}`;
      const params = [...shared, ...(op.parameters ?? [])].map((p) => resolve(doc, p));
      const okPath = fillPath(path, () => 'x');
      const base = { operation, method };
      const add = (c: Omit<BadRequest, 'operation' | 'method'>) => out.push({ ...base, ...c });

      // Every operation: a token that is not a token, or, for public ones, a method it lacks.
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic)
        add({
          what: 'a malformed bearer token',
          path: okPath,
          authorization: 'Bearer {"$gt":""}.eyJhbGciOiJub25lIn0.',
        });
      const missing = METHODS.find((m) => !item[m]);
      if (isPublic && missing)
        out.push({
          operation,
          what: `${missing.toUpperCase()} on it`,
          method: missing,
          path: okPath,
        });

      // Path parameters: traversal, operator injection, an enormous value.
      for (const p of params.filter((x) => x.in === 'path')) {
        for (const [what, v] of [
          ['path traversal', '../../../../etc/passwd'],
          ['operator injection', '{"$gt":""}'],
          ['10,000-character value', 'x'.repeat(10_000)],
        ]) {
          add({
            what: `path ${p.name}: ${what}`,
            path: fillPath(path, (n) => (n === p.name ? encodeURIComponent(v!) : 'x')),
          });
        }
      }

      // Query parameters: huge values everywhere; wrong types where the type is not free
      // text. (`{"$gt":""}` in a free-text parameter is a harmless search; the injection
      // vector is the JSON filter below.)
      for (const p of params.filter((x) => x.in === 'query')) {
        const variants: [string, string][] = [['100,000-character value', 'q'.repeat(100_000)]];
        if (!isFreeText(doc, p.schema)) {
          const wrong = wrongTypeValue(doc, p.schema, seed++);
          variants.push(
            ['operator injection', '{"$gt":""}'],
            ['wrong type', typeof wrong === 'string' ? wrong : JSON.stringify(wrong)],
          );
        }
        for (const [what, v] of variants)
          add({ what: `query ${p.name}: ${what}`, path: okPath, query: { [p.name]: v } });
      }
      const names = new Set(params.map((p) => p.name));
      if (names.has('filter')) {
        for (const [what, v] of [
          ['filter with a $where operator', '{"$where":"sleep(1000)"}'],
          ['filter with operators as values', '{"status":{"$gt":""},"areaCode":{"$ne":null}}'],
          ['filter that is not JSON', '{not json'],
          ['filter that is an array', '[1,2,3]'],
        ])
          add({ what: what!, path: okPath, query: { filter: v! } });
      }
      if (names.has('range'))
        for (const v of ['[a,b]', '[5,1]', '[-10,10]', '[0,100000000]'])
          add({ what: `range ${v}`, path: okPath, query: { range: v } });
      if (names.has('sort'))
        for (const v of ['["$where","ASC"]', '["id","SIDEWAYS"]', 'not json'])
          add({ what: `sort ${v}`, path: okPath, query: { sort: v } });

      // JSON bodies.
      const content = op.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      if (jsonSchema) {
        const s = resolve(doc, jsonSchema);
        const valid = requiredOnly(doc, s);
        const json = (what: string, body: string) =>
          add({ what, path: okPath, contentType: 'application/json', body });
        json('body that is not JSON', '{"unterminated": ');
        json('body that is an array', '[{"a":1}]');
        json('body nested 10,000 levels deep', deepJson(10_000));
        json('body of 30 MB', JSON.stringify({ blob: 'x'.repeat(30 * 1024 * 1024) }));
        if ((s.required ?? []).length) json('empty body object', '{}');
        for (const [name, prop] of Object.entries(s.properties ?? {})) {
          const withField = (v: Json) => JSON.stringify({ ...valid, [name]: v });
          json(`body ${name}: wrong type`, withField(wrongTypeValue(doc, prop, seed++)));
          if (!typesOf(doc, prop).includes('object'))
            json(`body ${name}: operator injection`, withField({ $gt: '' }));
          if (typesOf(doc, prop).includes('string'))
            json(`body ${name}: 1,000,000-character string`, withField('长'.repeat(1_000_000)));
          if (/id.?number|idNo/i.test(name))
            json(`body ${name}: invalid ID number`, withField(BAD_ID_NUMBER));
        }
      }

      // Uploads.
      const binary = Object.keys(content).filter((c) => c !== 'application/json');
      if (binary.length) {
        const type = binary[0]!;
        const upload = (what: string, body: Buffer, query?: Record<string, string>) =>
          add({ what, path: okPath, contentType: type, body, ...(query ? { query } : {}) });
        upload('an empty upload', Buffer.alloc(0));
        upload('an upload of 30 MB', Buffer.alloc(30 * 1024 * 1024, 0x41));
        // Table imports (their documents name XLSX or CSV) must refuse what is not a table;
        // plain file stores (vouchers, documents) take images and archives as they are.
        if (binary.some((t) => /spreadsheetml|text\/csv/.test(t))) {
          upload(
            'a PNG image instead of a table',
            Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2048, 7)]),
          );
          if (opts.zipBomb) upload('an XLSX zip bomb', opts.zipBomb);
        }
        upload('a file name with path traversal', Buffer.from('a,b\n1,2\n'), {
          fileName: '../../../../etc/passwd',
        });
      }
    }
  }
  return out;
}

export function operationsOf(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] && !Array.isArray(item[m])).map(
      (m) => `${m.toUpperCase()} ${path}`,
    ),
  );
}

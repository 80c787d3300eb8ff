import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { documentUnsupportedMediaType } from './http/content-type';

type Doc = Record<string, unknown> & {
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown>>;
};

/**
 * A service's OpenAPI document, kept as one YAML file per module in `openapi/`: `base.yaml`
 * holds info and shared components, each other file adds its paths and components. Merged
 * here for serving and for generating client types; a path or component defined twice fails.
 * The 415 the kit answers for a body a JSON-only operation does not take is added to each.
 */
export function loadOpenApi(dir: string): Doc {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort((a, b) => (a === 'base.yaml' ? -1 : b === 'base.yaml' ? 1 : a.localeCompare(b)));
  if (files[0] !== 'base.yaml') throw new Error(`${dir}: base.yaml is missing`);
  const doc: Doc = { paths: {}, components: {} };
  for (const f of files) {
    const part = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Doc;
    const { paths, components, ...top } = part;
    if (f === 'base.yaml') Object.assign(doc, top);
    else if (Object.keys(top).length)
      throw new Error(`${f}: only paths and components belong in a module file`);
    for (const [p, v] of Object.entries(paths ?? {})) {
      if (doc.paths![p]) throw new Error(`${f}: path ${p} is defined twice`);
      doc.paths![p] = v;
    }
    for (const [kind, entries] of Object.entries(components ?? {})) {
      const target = (doc.components![kind] ??= {});
      for (const [name, v] of Object.entries(entries)) {
        if (target[name]) throw new Error(`${f}: components.${kind}.${name} is defined twice`);
        target[name] = v;
      }
    }
  }
  documentUnsupportedMediaType(doc as Parameters<typeof documentUnsupportedMediaType>[0]);
  return doc;
}

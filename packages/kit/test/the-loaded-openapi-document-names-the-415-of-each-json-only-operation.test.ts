import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOpenApi } from '../src';

// The app answers 415 for a body a JSON-only operation does not take: the served document and
// the generated client types say so for each such operation, without each YAML repeating it.

const BASE = `openapi: 3.1.0
info: { title: t, version: '1' }
components:
  responses:
    Problem: { description: problem }
`;
const THINGS = `paths:
  /things:
    post:
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: made } }
    get:
      responses: { '200': { description: listed } }
  /things/{id}/photo:
    put:
      requestBody: { content: { image/*: { schema: { type: string } } } }
      responses: { '204': { description: kept }, '415': { description: not an image } }
  /things/{id}/note:
    patch:
      requestBody: { content: { application/merge-patch+json: { schema: { type: object } } } }
      responses: { '200': { description: changed }, '415': { description: its own } }
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-openapi-'));
  fs.writeFileSync(path.join(dir, 'base.yaml'), BASE);
  fs.writeFileSync(path.join(dir, 'things.yaml'), THINGS);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Ops = Record<string, Record<string, { responses: Record<string, unknown> }>>;

test('a JSON-only operation gains the shared problem as its 415; others are left as they are', () => {
  const paths = loadOpenApi(dir).paths as Ops;
  expect(paths['/things']!.post!.responses['415']).toEqual({
    $ref: '#/components/responses/Problem',
  });
  expect(paths['/things']!.get!.responses['415']).toBeUndefined();
  expect(paths['/things/{id}/photo']!.put!.responses['415']).toEqual({
    description: 'not an image',
  });
  expect(paths['/things/{id}/note']!.patch!.responses['415']).toEqual({ description: 'its own' });
});

/**
 * Fails when the console's own modules import each other in a circle. A resource's lazy
 * pages importing constants back from the index that registers them was the usual way in:
 * the circle then decides which module evaluates first. Dynamic `import()` counts, as it
 * does for the bundler's chunk graph; packages (`react-admin`, `@fupin/*`) are leaves.
 *
 * Usage: node scripts/check-import-cycles.mjs [root ...]   (default: console/src)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const roots = (process.argv.slice(2).length ? process.argv.slice(2) : ['console/src']).map((r) =>
  resolve(r),
);
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveRelative(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const graph = new Map();
for (const root of roots) {
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const edges = [];
    for (const m of text.matchAll(SPECIFIER)) {
      const specifier = m[1] ?? m[2] ?? m[3];
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (target) edges.push(target);
    }
    graph.set(file, edges);
  }
}

// Depth-first search; a back edge to a file still on the stack closes a circle.
const cycles = [];
const state = new Map();
const stack = [];
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).concat(next));
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  for (const c of cycles) console.error(c.map((f) => relative(process.cwd(), f)).join(' → '));
  console.error(`${cycles.length} import cycle(s)`);
  process.exit(1);
}
console.log(`no import cycles in ${graph.size} files`);

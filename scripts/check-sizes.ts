// Fails when a source file is over 500 lines or a function over 120 (docs/style.md, "a file does one
// thing"): a file or a function past those sizes is one a newcomer cannot hold in their head, and the
// fix is to split it by what it does (use-case files, a table of small handlers), not to raise the limit.
// Tests, declaration files and generated code are not measured. Function length is counted from the
// first line of the function to its last, nested functions included: a route-registering function of
// 300 lines is too long even when each handler inside it is short.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '..');
const maxFileLines = 500;
const maxFunctionLines = 120;

/** Where the source lives; everything under these is measured unless excluded below. */
const roots = ['services', 'packages', 'deploy', 'bench', 'console', 'scripts'];

const sourceExtensions = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** Directories never walked: dependencies, build output, local server state, generated code, tests. */
const skippedDirs = new Set([
  'node_modules',
  'dist',
  'coverage',
  '.cache',
  '.run',
  'generated',
  'test',
  'tests',
  '__tests__',
]);

/**
 * Files allowed past a limit, each with the reason it is still there and the size it has now: an
 * entry is a debt, not a rule, and the file may not grow past it. Remove the entry when the file
 * is split; one no longer needed is reported (not failed, so that whoever splits a file while
 * another person edits this list does not break the build).
 */
const allowed: ReadonlyMap<string, string> = new Map<string, string>([]);

function isExcludedFile(name: string): boolean {
  return (
    name.endsWith('.d.ts') ||
    /\.(test|spec)\.(ts|tsx|js|mjs)$/.test(name) ||
    // The test workspace and the console's own test folder are tests as a whole.
    !sourceExtensions.test(name)
  );
}

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name)) walk(path.join(dir, entry.name), out);
    } else if (entry.isFile() && !isExcludedFile(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
}

function isGenerated(text: string): boolean {
  return /^\/\/ GENERATED\b/m.test(text.slice(0, 500));
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(js|mjs|cjs)$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function functionName(node: ts.Node, source: ts.SourceFile): string {
  if (
    (ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isSetAccessor(node) ||
      ts.isFunctionExpression(node)) &&
    node.name
  ) {
    return node.name.getText(source);
  }
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText(source);
  }
  if (ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
  if (ts.isCallExpression(parent)) {
    return `(callback of ${parent.expression.getText(source).slice(0, 40)})`;
  }
  return '(anonymous)';
}

interface Finding {
  file: string;
  what: string;
  lines: number;
  limit: number;
}

function measure(file: string): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  if (isGenerated(text)) return [];
  const relative = path.relative(root, file).split(path.sep).join('/');
  const findings: Finding[] = [];
  const fileLines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  if (fileLines > maxFileLines) {
    findings.push({ file: relative, what: 'file', lines: fileLines, limit: maxFileLines });
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > maxFunctionLines) {
        const line = start + 1;
        findings.push({
          file: relative,
          what: `function ${functionName(node, source)} (line ${line})`,
          lines,
          limit: maxFunctionLines,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** The sizes an allowlist entry states (`786 lines; computePeriod 128 lines`): the largest of each. */
function allowance(entry: string): { file: number; fn: number } {
  const file = /^(\d+) lines/.exec(entry);
  const fns = [...entry.matchAll(/\w+ (\d+) lines/g)].map((m) => Number(m[1]));
  return { file: file ? Number(file[1]) : maxFileLines, fn: Math.max(maxFunctionLines, ...fns) };
}

function isAllowed(f: Finding): boolean {
  const entry = allowed.get(f.file);
  if (entry === undefined) return false;
  const limit = allowance(entry);
  return f.lines <= (f.what === 'file' ? limit.file : limit.fn);
}

function main(): void {
  const files: string[] = [];
  for (const dir of roots) walk(path.join(root, dir), files);
  const findings = files.sort().flatMap(measure);
  const failing = findings.filter((f) => !isAllowed(f));
  const stillOver = new Set(findings.map((f) => f.file));
  const stale = [...allowed.keys()].filter((file) => !stillOver.has(file));
  for (const f of failing) {
    const entry = allowed.get(f.file);
    console.error(
      `${f.file}: ${f.what} has ${f.lines} lines (limit ${f.limit}` +
        (entry ? `; the allowlist has it at ${entry}` : '') +
        ')',
    );
  }
  for (const file of stale) {
    console.warn(
      `${file}: within the limits now; remove it from the allowlist in scripts/check-sizes.ts`,
    );
  }
  if (failing.length > 0) {
    console.error(
      `check-sizes: ${failing.length} over the limits (files ≤ ${maxFileLines} lines, functions ≤ ${maxFunctionLines})`,
    );
    process.exit(1);
  }
  console.log(
    `check-sizes: ${files.length} source files within the limits (${allowed.size - stale.length} allowlisted)`,
  );
}

main();

// One jest configuration for the whole monorepo: a project per workspace, found from the
// workspaces globs in package.json. Tests live in each workspace's test/ folder;
// `*.int.test.ts` files talk to the real servers (see packages/testing), the rest are pure.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const { workspaces } = require('./package.json');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: false },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

function workspaceDirs() {
  return workspaces.flatMap((glob) => {
    const base = path.join(root, glob.replace(/\/\*$/, ''));
    if (!glob.endsWith('/*')) return fs.existsSync(base) ? [base] : [];
    return fs
      .readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(base, d.name, 'package.json')))
      .map((d) => path.join(base, d.name));
  });
}

/** Test folders of a workspace: `test/`, or the ones its package.json names (`fupin.testDirs`). */
function testDirsOf(dir) {
  const pkg = require(path.join(dir, 'package.json'));
  const dirs = pkg.fupin?.testDirs ?? ['test'];
  return dirs.filter((d) => fs.existsSync(path.join(dir, d)));
}

const projects = workspaceDirs()
  .filter((dir) => testDirsOf(dir).length > 0)
  .map((dir) => ({
    displayName: path.relative(root, dir),
    rootDir: dir,
    testMatch: testDirsOf(dir).flatMap((d) => [
      `<rootDir>/${d}/**/*.test.ts`,
      `<rootDir>/${d}/**/*.test.tsx`,
    ]),
    transform: { '^.+\\.(t|j)sx?$': swc },
    testEnvironment: 'node',
    setupFiles: [path.join(root, 'scripts/jest-setup.js')],
  }));

module.exports = {
  projects,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  // Integration tests wait on real servers; pure tests finish far below this.
  testTimeout: 90_000,
  // Two cores on every machine: one worker runs tests while the other serves the servers.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  // A worker that has grown past this between two test files is replaced by a fresh one: the
  // last full run had a worker at 4 GB after some 150 files, and it was killed from outside
  // (SIGTERM) in the middle of a file.
  workerIdleMemoryLimit: '1536MB',
};

// Builds each service into services/<name>/dist/main.js with esbuild: our workspace packages
// (@fupin/*) are bundled in, third-party packages stay external and come from node_modules
// (installed with `npm ci --omit=dev` in the runtime image).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

const externalThirdParty = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@fupin/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles one entry point (a service's main.ts or worker.ts, the console's server). */
async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    plugins: [externalThirdParty],
    logLevel: 'warning',
  });
}

for (const name of fs.readdirSync(path.join(root, 'services')).sort()) {
  if (only.length && !only.includes(name)) continue;
  const dir = path.join(root, 'services', name);
  const entry = path.join(dir, 'src/main.ts');
  if (!fs.existsSync(entry)) continue;
  const outdir = path.join(dir, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  await bundle(entry, path.join(outdir, 'main.js'));
  // A service whose BullMQ workers scale apart from its API has a worker entry point too.
  const worker = path.join(dir, 'src/worker.ts');
  if (fs.existsSync(worker)) await bundle(worker, path.join(outdir, 'worker.js'));
  // The OpenAPI fragments are read at start (see loadOpenApi in packages/kit).
  const openapi = path.join(dir, 'src/openapi');
  if (fs.existsSync(openapi)) fs.cpSync(openapi, path.join(outdir, 'openapi'), { recursive: true });
  console.log(
    `built services/${name}/dist/main.js${fs.existsSync(worker) ? ' and worker.js' : ''}`,
  );
}

// `node scripts/build.mjs backup`: the backup and restore command of the nightly CronJob
// (deploy/k8s/base/backup.yaml), run as `node service/dist/main.js backup --out <dir>`.
const backupCli = path.join(root, 'packages/backup/src/cli.ts');
if (only.includes('backup') && fs.existsSync(backupCli)) {
  const outdir = path.join(root, 'packages/backup/dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  await bundle(backupCli, path.join(outdir, 'main.js'));
  console.log('built packages/backup/dist/main.js');
}

// `node scripts/build.mjs console`: the console's production server (its static files come
// from `vite build`, run by the console's own build script).
const consoleServer = path.join(root, 'console/server/main.ts');
if (only.includes('console') && fs.existsSync(consoleServer)) {
  await bundle(consoleServer, path.join(root, 'console/server/dist/main.js'));
  console.log('built console/server/dist/main.js');
}

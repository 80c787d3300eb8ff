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

for (const name of fs.readdirSync(path.join(root, 'services')).sort()) {
  if (only.length && !only.includes(name)) continue;
  const dir = path.join(root, 'services', name);
  const entry = path.join(dir, 'src/main.ts');
  if (!fs.existsSync(entry)) continue;
  const outdir = path.join(dir, 'dist');
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [entry],
    outfile: path.join(outdir, 'main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    plugins: [externalThirdParty],
    logLevel: 'warning',
  });
  // The OpenAPI fragments are read at start (see loadOpenApi in packages/kit).
  const openapi = path.join(dir, 'src/openapi');
  if (fs.existsSync(openapi)) fs.cpSync(openapi, path.join(outdir, 'openapi'), { recursive: true });
  console.log(`built services/${name}/dist/main.js`);
}

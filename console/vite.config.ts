import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console talks only to the gateway. In development Vite forwards the gateway's paths
 * (sign-in, its own resources, and /api/<service>/ for every service); in production the
 * console's static server (server/static-server.ts) forwards every path that is not a
 * built file, so this list matters only for `npm run console:dev`.
 */
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4100';
const gatewayPaths = '^/(api|auth|users|roles|departments|audit|households|\\.well-known)(/|$)';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { [gatewayPaths]: { target: gateway, changeOrigin: false, xfwd: true } },
  },
  build: {
    outDir: 'dist',
    // The bundle-budget test reads the manifest to tell the initial chunks from lazy ones.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
